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
 * Gives money back through one of JazzCash's two refund APIs, by the instrument that paid ({@link Kind}):
 * <ul>
 *   <li><b>wallet</b> — {@code POST /ApplicationAPI/API/Purchase/domwalletrefundtransaction} with the original
 *       {@code pp_TxnRefNo}, {@code pp_Amount}, {@code pp_TxnCurrency}, {@code pp_MerchantID},
 *       {@code pp_Password}, {@code pp_MerchantMPIN};</li>
 *   <li><b>card</b> — {@code POST /ApplicationAPI/API/authorize/Refund} with {@code pp_TxnRefNo},
 *       {@code pp_Amount}, {@code pp_TxnCurrency}, {@code pp_MerchantID}, {@code pp_Password} (no MPIN: the
 *       MPIN belongs to the merchant's wallet).</li>
 * </ul>
 * Both signed with {@code pp_SecureHash} and answered with {@code pp_ResponseCode}, read by the same table. The
 * amount may be less than was paid. Sources for the paths and fields: JazzCash's sandbox API reference
 * (https://sandbox.jazzcash.com.pk/SandboxDocumentation/v4.2/ApiReferences.html) and public SDKs that call both
 * refund APIs — the Node SDK {@code itxSaaad/jazzcash-sdk-node} ({@code src/modules/card.js}: {@code REFUND:
 * '/authorize/Refund'} with exactly those five fields) and shop integrations configuring
 * {@code CARD_REFUND_POST_URL …/ApplicationAPI/API/authorize/Refund} next to
 * {@code MOBILE_REFUND_POST_URL …/Purchase/domwalletrefundtransaction}. JazzCash publishes no refund API for
 * over-the-counter vouchers: {@link JazzCashProvider} answers those {@code NotSupported} without a call.
 *
 * <p>JazzCash keys a refund by the original transaction only: the request has no field for the core's
 * refund id, so JazzCash cannot tell a repeat from a second refund. The provider therefore does not
 * declare {@code IDEMPOTENT_REFUND}, and a refund that ends {@code Unknown} goes to staff.
 *
 * <table>
 *   <caption>From JazzCash's answer to the core's outcome ({@link ResponseCode}'s refund reading)</caption>
 *   <tr><th>JazzCash</th><th>outcome</th></tr>
 *   <tr><td>signed 000</td><td>{@code Refunded}</td></tr>
 *   <tr><td>signed 124, 157, 210</td><td>{@code Pending}</td></tr>
 *   <tr><td>101, 111, 115, 117 signed or not; signed 024 / 060 (the merchant MPIN)</td>
 *       <td>{@code PermanentProviderException} naming the key</td></tr>
 *   <tr><td>another signed refusal (declines, 109 no such transaction, 110 above what is left, 113 settlement
 *       period lapsed, 132 cannot be refunded, 451, 452, 454, 455)</td><td>{@code Declined} with JazzCash's code
 *       and message, for staff</td></tr>
 *   <tr><td>signed 118, 127 (maintenance), HTTP 429/503, not sent</td><td>{@code TransientProviderException}</td></tr>
 *   <tr><td>121, 122, 131, 199, 200, 999, system errors, codes not in the list, unsigned or mis-signed, HTML,
 *       other HTTP status, timeout</td><td>{@code Unknown}: the refund may have been made</td></tr>
 * </table>
 *
 * <p>Stateless and thread-safe.
 */
final class RefundApi {

    /** The wallet refund API on the sandbox and payments hosts (the pgw host: {@link Endpoints}). */
    static final String WALLET_PATH = Endpoints.Operation.WALLET_REFUND.applicationApiPath;
    /** The card refund API on the sandbox and payments hosts. */
    static final String CARD_PATH = Endpoints.Operation.CARD_REFUND.applicationApiPath;
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** Which refund API: the one for the instrument that paid. */
    enum Kind {
        WALLET(Endpoints.Operation.WALLET_REFUND, true),
        CARD(Endpoints.Operation.CARD_REFUND, false);

        final Endpoints.Operation operation;
        final boolean needsMpin;

        Kind(Endpoints.Operation operation, boolean needsMpin) {
            this.operation = operation;
            this.needsMpin = needsMpin;
        }
    }

    private final JazzCashSettings settings;
    private final JazzCashApi api;

    RefundApi(JazzCashSettings settings, JazzCashApi api) {
        this.settings = settings;
        this.api = api;
    }

    RefundOutcome refund(RefundRequest request, Kind kind) {
        if (!Money.PKR.equals(request.amount().currency())) {
            return new RefundOutcome.Declined("JAZZCASH_CURRENCY", "JazzCash refunds Pakistani rupees only, not "
                    + request.amount().currency());
        }
        String reference = request.attemptId().value();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("pp_TxnRefNo", reference);
        fields.put("pp_Amount", RequestFields.amount(request.amount()));
        fields.put("pp_TxnCurrency", Money.PKR);
        fields.put("pp_MerchantID", settings.merchantId());
        fields.put("pp_Password", settings.password().reveal());
        if (kind.needsMpin) {
            fields.put("pp_MerchantMPIN", settings.merchantMpin().orElseThrow(() -> new PermanentProviderException(
                    "jazzcash wallet refunds need the merchant MPIN: set " + settings.keys().merchantMpin()
                            + " (from the JazzCash portal)")).reveal());
        }
        Exchange exchange = api.post(kind.name().toLowerCase(java.util.Locale.ROOT) + " refund " + request.refundId(),
                settings.endpoints().path(kind.operation), fields, TIMEOUT, reference);
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
        ResponseCode.Refund reading = ResponseCode.refund(code);
        boolean merchantSide = ResponseCode.start(code) == ResponseCode.Start.MISCONFIGURED;
        if (reading == ResponseCode.Refund.MISCONFIGURED && (answer.signed() || merchantSide)) {
            // 101/111/115/117 are believed unsigned (JazzCash cannot sign for a request it could not
            // authenticate); a refused merchant MPIN only when signed.
            throw Misconfiguration.of("refund", code, settings.keys());
        }
        if (!answer.signed()) {
            return new RefundOutcome.Unknown("JazzCash answered the refund with code " + GatewayText.code(code)
                    + " without a secure hash: not trusted; check the JazzCash portal");
        }
        return switch (reading) {
            case REFUNDED -> new RefundOutcome.Refunded(answer.retrievalReference()
                    .or(() -> answer.field("pp_AuthCode")).orElse(request.attemptId().value()));
            case PENDING -> new RefundOutcome.Pending(answer.retrievalReference());
            case DECLINED -> new RefundOutcome.Declined(code, answer.field("pp_ResponseMessage")
                    .map(GatewayText::message).orElse("JazzCash declined the refund"));
            case NOT_PROCESSED -> throw new TransientProviderException(about + "JazzCash " + GatewayText.code(code)
                    + " (not allowed due to maintenance); the refund was not processed");
            case UNKNOWN -> new RefundOutcome.Unknown("JazzCash answered the refund with code " + GatewayText.code(code)
                    + (ResponseCode.find(code).isPresent() ? ", which does not say whether it was made"
                    : ", which is not in JazzCash's published list") + "; check the JazzCash portal");
            case MISCONFIGURED -> throw new IllegalStateException("handled above");
        };
    }
}
