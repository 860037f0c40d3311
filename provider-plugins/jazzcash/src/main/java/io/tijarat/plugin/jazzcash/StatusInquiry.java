package io.tijarat.plugin.jazzcash;

import io.tijarat.spi.Money;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.payment.InquiryOutcome;
import io.tijarat.spi.payment.InquiryRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Asks JazzCash what became of an attempt ({@code PaymentInquiry/Inquire} with {@code pp_TxnRefNo},
 * {@code pp_MerchantID}, {@code pp_Password}, {@code pp_SecureHash}). A read: no usable answer is a
 * {@link TransientProviderException}, never a guess.
 *
 * <p>The answer carries two codes [Q in {@link ResponseCode}]: its own {@code pp_ResponseCode}, which says
 * whether the inquiry worked ({@code 000}), and the transaction's {@code pp_PaymentResponseCode} with
 * {@code pp_Status} ({@code Pending|Completed|Dropped|Failed|Validation Failed}), which say what became of the
 * payment. Both of the latter are read; if they disagree, nothing is concluded.
 *
 * <table>
 *   <caption>From the inquiry's answer to the core's outcome</caption>
 *   <tr><th>JazzCash</th><th>outcome</th></tr>
 *   <tr><td>own code 000; payment code read PAID and/or {@code pp_Status} Completed</td>
 *       <td>{@code Paid} ({@code pp_RetrievalReferenceNo}, {@code pp_Amount})</td></tr>
 *   <tr><td>own code 000; PENDING (124, 157, 210) and/or Pending</td><td>{@code Pending}</td></tr>
 *   <tr><td>own code 000; FAILED (declines, 116 expired, 129 dropped, 134 timed out, 122 reversed, …) and/or
 *       Failed, Dropped, Validation Failed</td><td>{@code Failed} with the payment's code</td></tr>
 *   <tr><td>own code 000; payment code 109</td><td>{@code NotFound}</td></tr>
 *   <tr><td>own code 000; the payment code and {@code pp_Status} disagree, or neither settles it</td>
 *       <td>{@code Unknown}</td></tr>
 *   <tr><td>own code 109 "transaction does not exist", signed</td><td>{@code NotFound}</td></tr>
 *   <tr><td>own code 101, 111, 115, 117, signed or not</td><td>{@code PermanentProviderException}</td></tr>
 *   <tr><td>own code 055, 058, 062, 118, 127, 199, 401, 403, 406, 407, 999; HTTP 429/500/503, HTML, broken JSON,
 *       unsigned or mis-signed, timeout, not sent</td><td>{@code TransientProviderException}</td></tr>
 *   <tr><td>any other own code</td><td>{@code Unknown}</td></tr>
 * </table>
 *
 * <p>Stateless and thread-safe.
 */
final class StatusInquiry {

    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

    private final JazzCashSettings settings;
    private final JazzCashApi api;

    StatusInquiry(JazzCashSettings settings, JazzCashApi api) {
        this.settings = settings;
        this.api = api;
    }

    InquiryOutcome inquire(InquiryRequest request) {
        String reference = request.attemptId().value();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("pp_TxnRefNo", reference);
        fields.put("pp_MerchantID", settings.merchantId());
        fields.put("pp_Password", settings.password().reveal());
        Exchange exchange = api.post("inquiry", settings.endpoints().path(Endpoints.Operation.INQUIRY), fields, TIMEOUT, reference);
        return outcome(exchange, request);
    }

    private InquiryOutcome outcome(Exchange exchange, InquiryRequest request) {
        String about = "jazzcash inquiry " + request.attemptId() + ": ";
        if (exchange instanceof Exchange.NotSent notSent) {
            throw new TransientProviderException(about + notSent.detail(), notSent.cause());
        }
        if (exchange instanceof Exchange.Busy busy) {
            throw new TransientProviderException(about + "JazzCash is busy (HTTP " + busy.status() + ")", null,
                    busy.retryAfter().orElse(null));
        }
        if (exchange instanceof Exchange.Lost lost) {
            throw new TransientProviderException(about + lost.detail());
        }
        if (exchange instanceof Exchange.Unusable unusable) {
            throw new TransientProviderException(about + unusable.detail());
        }
        Exchange.Answer answer = (Exchange.Answer) exchange;
        String code = answer.code();
        ResponseCode.Inquiry reading = ResponseCode.inquiry(code);
        if (reading == ResponseCode.Inquiry.MISCONFIGURED) {
            throw Misconfiguration.of("inquiry", code, settings.keys());
        }
        if (!answer.signed()) {
            throw new TransientProviderException(about + "JazzCash answered code " + GatewayText.code(code)
                    + " without a secure hash: not trusted");
        }
        return switch (reading) {
            case ANSWERED -> transaction(answer, request);
            case NOT_FOUND -> new InquiryOutcome.NotFound();
            case NOT_ANSWERED -> throw new TransientProviderException(about + "JazzCash answered the inquiry with "
                    + GatewayText.code(code) + " (a system error, timeout or maintenance); ask again later");
            case UNKNOWN -> new InquiryOutcome.Unknown("JazzCash's inquiry answered code " + GatewayText.code(code)
                    + (ResponseCode.find(code).isPresent() ? ", which is not an inquiry's result"
                    : ", which is not in JazzCash's published list"));
            case MISCONFIGURED -> throw new IllegalStateException("handled above");
        };
    }

    /** The inquiry worked: what its payment code and {@code pp_Status} say about the transaction. */
    private static InquiryOutcome transaction(Exchange.Answer answer, InquiryRequest request) {
        Optional<String> paymentCode = answer.field("pp_PaymentResponseCode");
        Optional<String> status = answer.field("pp_Status");
        Optional<ResponseCode.Status> byCode = paymentCode.map(ResponseCode::status);
        Optional<ResponseCode.Status> byStatus = status.map(StatusInquiry::statusReading);
        if (byCode.isEmpty() && byStatus.isEmpty()) {
            return new InquiryOutcome.Unknown("JazzCash's inquiry answer has neither pp_PaymentResponseCode nor"
                    + " pp_Status");
        }
        if (byCode.isPresent() && byStatus.isPresent() && byCode.get() != byStatus.get()) {
            return new InquiryOutcome.Unknown("JazzCash's inquiry reports payment code "
                    + GatewayText.code(paymentCode.get()) + " but pp_Status '" + GatewayText.code(status.get())
                    + "', which disagree");
        }
        return switch (byCode.orElseGet(byStatus::get)) {
            case PAID -> paid(answer, request);
            case PENDING -> new InquiryOutcome.Pending(answer.retrievalReference());
            case FAILED -> new InquiryOutcome.Failed(paymentCode.orElseGet(() -> status.get().toUpperCase(Locale.ROOT)),
                    answer.field("pp_PaymentResponseMessage").map(GatewayText::message)
                            .orElseGet(() -> status.orElse("failed at JazzCash")));
            case NOT_FOUND -> new InquiryOutcome.NotFound();
            case UNKNOWN -> new InquiryOutcome.Unknown("JazzCash reports " + paymentCode
                    .map(c -> "payment code " + GatewayText.code(c)).orElseGet(() -> "pp_Status '"
                            + GatewayText.code(status.get()) + "'") + ", which does not settle the attempt");
        };
    }

    /** JazzCash's {@code pp_Status} values: Completed, Pending, Failed, Dropped, Validation Failed. */
    static ResponseCode.Status statusReading(String status) {
        return switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "completed" -> ResponseCode.Status.PAID;
            case "pending" -> ResponseCode.Status.PENDING;
            case "failed", "dropped", "validation failed" -> ResponseCode.Status.FAILED;
            default -> ResponseCode.Status.UNKNOWN;
        };
    }

    /**
     * Paid, with the reference JazzCash gave the transaction. The amount is the one JazzCash reports; when
     * the answer has none, the attempt's own, since JazzCash signs {@code pp_Amount} into the original
     * request and cannot have completed {@code pp_TxnRefNo} for another amount.
     */
    private static InquiryOutcome paid(Exchange.Answer answer, InquiryRequest request) {
        Optional<String> reference = answer.retrievalReference().or(() -> answer.field("pp_AuthCode"));
        if (reference.isEmpty()) {
            return new InquiryOutcome.Unknown("JazzCash reported the attempt completed without a retrieval reference");
        }
        Optional<String> amount = answer.field("pp_Amount");
        if (amount.isPresent() && !DIGITS.matcher(amount.get()).matches()) {
            return new InquiryOutcome.Unknown("JazzCash reported the attempt completed with an unreadable pp_Amount");
        }
        Money paid = amount.map(paisa -> Money.pkr(Long.parseLong(paisa))).orElse(request.amount());
        if (!paid.isPositive()) {
            return new InquiryOutcome.Unknown("JazzCash reported the attempt completed with amount 0");
        }
        return new InquiryOutcome.Paid(reference.get(), paid);
    }
}
