package io.tijarat.plugin.jazzcash;

import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentRequest;
import java.util.function.Function;

/**
 * How an {@link Exchange} of a payment start (wallet or voucher) becomes a {@link PaymentOutcome}, by the
 * SPI's rules for a changing call:
 *
 * <table>
 *   <caption>From JazzCash's answer to the core's outcome</caption>
 *   <tr><th>JazzCash</th><th>outcome</th></tr>
 *   <tr><td>signed 000/121 or 124</td><td>what the operation makes of it (Approved, Pending)</td></tr>
 *   <tr><td>signed decline (110, 118, 119, 120, 122, 123, 157, 210)</td><td>{@code Declined} with the code and
 *       a text in the customer's language</td></tr>
 *   <tr><td>101, 115, 117, signed or not</td><td>{@link PermanentProviderException} naming the key</td></tr>
 *   <tr><td>199, signed or not; HTTP 429/503; nothing sent</td><td>{@link TransientProviderException}: not
 *       processed, and a repeat with the same {@code pp_TxnRefNo} cannot charge twice (JazzCash refuses it
 *       as 116)</td></tr>
 *   <tr><td>116 duplicate, 999, a code not in the notes, an unsigned result, a hash that does not verify,
 *       another HTTP status, HTML or broken JSON, a response timeout</td><td>{@code Unknown}: it may have
 *       happened; inquiry settles it</td></tr>
 * </table>
 */
final class StartOutcomes {

    private final JazzCashSettings settings;

    StartOutcomes(JazzCashSettings settings) {
        this.settings = settings;
    }

    /**
     * @param operation  for messages: {@code wallet payment}, {@code voucher}
     * @param onAccepted what a signed APPROVED or PENDING answer becomes
     */
    PaymentOutcome map(String operation, Exchange exchange, PaymentRequest request,
                       Function<Exchange.Answer, PaymentOutcome> onAccepted) {
        String attempt = request.attemptId().value();
        if (exchange instanceof Exchange.NotSent notSent) {
            throw new TransientProviderException("jazzcash " + operation + " " + attempt + ": " + notSent.detail(),
                    notSent.cause());
        }
        if (exchange instanceof Exchange.Busy busy) {
            throw new TransientProviderException("jazzcash " + operation + " " + attempt + ": JazzCash is busy (HTTP "
                    + busy.status() + "); the request was not taken", null, busy.retryAfter().orElse(null));
        }
        if (exchange instanceof Exchange.Lost lost) {
            return PaymentOutcome.Unknown.of(lost.detail() + "; the " + operation + " may still complete at JazzCash:"
                    + " inquiry settles it");
        }
        if (exchange instanceof Exchange.Unusable unusable) {
            return PaymentOutcome.Unknown.of(unusable.detail() + "; the " + operation + " may have reached JazzCash");
        }
        return answered(operation, (Exchange.Answer) exchange, request, onAccepted);
    }

    private PaymentOutcome answered(String operation, Exchange.Answer answer, PaymentRequest request,
                                    Function<Exchange.Answer, PaymentOutcome> onAccepted) {
        String code = answer.code();
        ResponseCode.Meaning meaning = answer.meaning();
        if (meaning == ResponseCode.Meaning.MISCONFIGURED) {
            throw Misconfiguration.of(operation, code, settings.keys());
        }
        if (meaning == ResponseCode.Meaning.NOT_PROCESSED) {
            throw new TransientProviderException("jazzcash " + operation + " " + request.attemptId() + ": JazzCash "
                    + code + " (system error); the request was not processed");
        }
        if (!answer.signed()) {
            return PaymentOutcome.Unknown.of("JazzCash answered code " + GatewayText.code(code)
                    + " without pp_SecureHash: not trusted; inquiry settles the " + operation);
        }
        return switch (meaning) {
            case APPROVED, PENDING -> onAccepted.apply(answer);
            case DECLINED -> new PaymentOutcome.Declined(code, CustomerTexts.of(request.locale()).decline(code));
            case DUPLICATE -> new PaymentOutcome.Unknown(answer.retrievalReference(), "JazzCash 116: pp_TxnRefNo "
                    + request.attemptId() + " was used before, so an earlier request reached JazzCash; inquiry settles"
                    + " it");
            case GATEWAY_ERROR -> PaymentOutcome.Unknown.of("JazzCash 999 (gateway error): the " + operation
                    + " may or may not have happened; inquiry settles it");
            default -> PaymentOutcome.Unknown.of("JazzCash answered code " + GatewayText.code(code)
                    + ", which this plugin does not know; inquiry settles the " + operation);
        };
    }
}
