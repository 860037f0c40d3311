package io.tijarat.plugin.jazzcash;

import io.tijarat.spi.Money;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.payment.RefundOutcome;
import io.tijarat.spi.payment.RefundRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gives money back to the wallet a payment came from ({@code domwalletrefundtransaction} with the
 * original {@code pp_TxnRefNo}, {@code pp_Amount}, {@code pp_TxnCurrency}, {@code pp_MerchantID},
 * {@code pp_Password}, {@code pp_MerchantMPIN}). The amount may be less than was paid.
 *
 * <p>JazzCash keys a refund by the original transaction only: the request has no field for the core's
 * refund id, so JazzCash cannot tell a repeat from a second refund. The provider therefore does not
 * declare {@code IDEMPOTENT_REFUND}, and a refund that ends {@code Unknown} goes to staff.
 *
 * <table>
 *   <caption>From JazzCash's answer to the core's outcome</caption>
 *   <tr><th>JazzCash</th><th>outcome</th></tr>
 *   <tr><td>signed 000/121</td><td>{@code Refunded}</td></tr>
 *   <tr><td>signed 124</td><td>{@code Pending}</td></tr>
 *   <tr><td>signed 120 (wrong MPIN: the merchant's), 101, 115, 117</td><td>{@code PermanentProviderException}
 *       naming the key</td></tr>
 *   <tr><td>another signed decline</td><td>{@code Declined} with JazzCash's code and message, for staff</td></tr>
 *   <tr><td>199, HTTP 429/503, not sent</td><td>{@code TransientProviderException}</td></tr>
 *   <tr><td>116, 999, unknown code, unsigned or mis-signed, HTML, other HTTP status, timeout</td>
 *       <td>{@code Unknown}</td></tr>
 * </table>
 *
 * <p>Stateless and thread-safe.
 */
final class WalletRefund {

    static final String PATH = "/ApplicationAPI/API/Purchase/domwalletrefundtransaction";
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final JazzCashSettings settings;
    private final JazzCashApi api;

    WalletRefund(JazzCashSettings settings, JazzCashApi api) {
        this.settings = settings;
        this.api = api;
    }

    RefundOutcome refund(RefundRequest request) {
        if (!Money.PKR.equals(request.amount().currency())) {
            return new RefundOutcome.Declined("JAZZCASH_CURRENCY", "JazzCash refunds Pakistani rupees only, not "
                    + request.amount().currency());
        }
        String mpin = settings.merchantMpin().orElseThrow(() -> new PermanentProviderException("jazzcash refunds"
                + " need the merchant MPIN: set " + settings.keys().merchantMpin() + " (from the JazzCash portal)"))
                .reveal();
        String reference = request.attemptId().value();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("pp_TxnRefNo", reference);
        fields.put("pp_Amount", RequestFields.amount(request.amount()));
        fields.put("pp_TxnCurrency", Money.PKR);
        fields.put("pp_MerchantID", settings.merchantId());
        fields.put("pp_Password", settings.password().reveal());
        fields.put("pp_MerchantMPIN", mpin);
        Exchange exchange = api.post("refund " + request.refundId(), PATH, fields, TIMEOUT, reference);
        return outcome(exchange, request);
    }

    private RefundOutcome outcome(Exchange exchange, RefundRequest request) {
        String about = "jazzcash refund " + request.refundId() + " of " + request.attemptId() + ": ";
        if (exchange instanceof Exchange.NotSent notSent) {
            throw new TransientProviderException(about + notSent.detail(), notSent.cause());
        }
        if (exchange instanceof Exchange.Busy busy) {
            throw new TransientProviderException(about + "JazzCash is busy (HTTP " + busy.status()
                    + "); the refund was not taken", null, busy.retryAfter().orElse(null));
        }
        if (exchange instanceof Exchange.Lost lost) {
            return new RefundOutcome.Unknown(lost.detail() + "; the refund may have been made: check the JazzCash"
                    + " portal before refunding again");
        }
        if (exchange instanceof Exchange.Unusable unusable) {
            return new RefundOutcome.Unknown(unusable.detail() + "; the refund may have been made: check the"
                    + " JazzCash portal before refunding again");
        }
        Exchange.Answer answer = (Exchange.Answer) exchange;
        String code = answer.code();
        ResponseCode.Meaning meaning = answer.meaning();
        if (meaning == ResponseCode.Meaning.MISCONFIGURED) {
            throw Misconfiguration.of("refund", code, settings.keys());
        }
        if (meaning == ResponseCode.Meaning.NOT_PROCESSED) {
            throw new TransientProviderException(about + "JazzCash " + code + " (system error); not processed");
        }
        if (!answer.signed()) {
            return new RefundOutcome.Unknown("JazzCash answered the refund with code " + GatewayText.code(code)
                    + " without pp_SecureHash: not trusted; check the JazzCash portal");
        }
        return switch (meaning) {
            case APPROVED -> new RefundOutcome.Refunded(answer.retrievalReference()
                    .or(() -> answer.field("pp_AuthCode")).orElse(request.attemptId().value()));
            case PENDING -> new RefundOutcome.Pending(answer.retrievalReference());
            case DECLINED -> declined(code, answer);
            case DUPLICATE -> new RefundOutcome.Unknown("JazzCash 116 (duplicate) for the refund: an earlier refund"
                    + " of this payment may have been made; check the JazzCash portal");
            case GATEWAY_ERROR -> new RefundOutcome.Unknown("JazzCash 999 (gateway error): the refund may or may not"
                    + " have been made; check the JazzCash portal");
            default -> new RefundOutcome.Unknown("JazzCash answered the refund with code " + GatewayText.code(code)
                    + ", which this plugin does not know; check the JazzCash portal");
        };
    }

    private RefundOutcome declined(String code, Exchange.Answer answer) {
        if (code.equals(ResponseCode.WRONG_MPIN.code())) {
            throw new PermanentProviderException("JazzCash 120 on refund, wrong MPIN: check "
                    + settings.keys().merchantMpin() + " (the merchant MPIN from the JazzCash portal)");
        }
        return new RefundOutcome.Declined(code, answer.field("pp_ResponseMessage").map(GatewayText::message)
                .orElse("JazzCash declined the refund"));
    }
}
