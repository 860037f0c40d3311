package io.tijarat.plugin.jazzcash;

import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentRequest;
import java.util.function.Function;

/**
 * How an {@link Exchange} of a payment start (wallet or voucher) becomes a {@link PaymentOutcome}, by the
 * SPI's rules for a changing call and {@link ResponseCode}'s {@link ResponseCode.Start start} reading:
 *
 * <table>
 *   <caption>From JazzCash's answer to the core's outcome</caption>
 *   <tr><th>JazzCash</th><th>outcome</th></tr>
 *   <tr><td>signed, read APPROVED or PENDING (000, 121, 200; 124, 157, 210)</td><td>what the operation makes
 *       of it (wallet: Approved or Pending on the phone; voucher: Pending, pay the voucher)</td></tr>
 *   <tr><td>signed, read DECLINED (the customer's account, card or details)</td><td>{@code Declined} with the
 *       code and a text in the customer's language</td></tr>
 *   <tr><td>read MISCONFIGURED (101, 111, 115, 117), signed or not</td><td>{@link PermanentProviderException}
 *       naming the key</td></tr>
 *   <tr><td>signed, read NOT_PROCESSED (118, 127 maintenance); HTTP 429/503; nothing sent</td>
 *       <td>{@link TransientProviderException}: JazzCash did not take it, the same request may go again</td></tr>
 *   <tr><td>read UNKNOWN (system errors, timeouts, 999, states that are not an answer to a payment), a code
 *       not in the list, any unsigned answer but the above, a hash that does not verify, another HTTP status,
 *       HTML or broken JSON, a response timeout</td><td>{@code Unknown}: it may have happened; inquiry settles
 *       it</td></tr>
 * </table>
 *
 * <p>JazzCash's list has no code for a reused {@code pp_TxnRefNo}, so nothing here leads to the same
 * payment being sent again unless JazzCash said it did not take it.
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
        ResponseCode.Start reading = ResponseCode.start(code);
        if (reading == ResponseCode.Start.MISCONFIGURED) {
            // Believed unsigned too: JazzCash cannot sign for a request it could not authenticate, and a forged
            // one could do no more than raise an alert.
            throw Misconfiguration.of(operation, code, settings.keys());
        }
        if (!answer.signed()) {
            return PaymentOutcome.Unknown.of("JazzCash answered code " + GatewayText.code(code)
                    + " without a secure hash: not trusted; inquiry settles the " + operation);
        }
        return switch (reading) {
            case APPROVED, PENDING -> onAccepted.apply(answer);
            case DECLINED -> new PaymentOutcome.Declined(code, JazzCashTexts.of(request.locale()).decline(code));
            case NOT_PROCESSED -> throw new TransientProviderException("jazzcash " + operation + " "
                    + request.attemptId() + ": JazzCash " + GatewayText.code(code) + " (not allowed due to"
                    + " maintenance); the request was not processed");
            case MISCONFIGURED -> throw new IllegalStateException("handled above");
            case UNKNOWN -> new PaymentOutcome.Unknown(answer.retrievalReference(), "JazzCash answered code "
                    + GatewayText.code(code) + (ResponseCode.find(code).isPresent()
                    ? ", which does not say whether the " + operation + " happened"
                    : ", which is not in JazzCash's published list") + "; inquiry settles it");
        };
    }
}
