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
 * <table>
 *   <caption>From the inquiry's answer to the core's outcome</caption>
 *   <tr><th>JazzCash</th><th>outcome</th></tr>
 *   <tr><td>{@code pp_Status} Completed</td>
 *       <td>{@code Paid} ({@code pp_RetrievalReferenceNo}, {@code pp_Amount})</td></tr>
 *   <tr><td>{@code pp_Status} Pending</td><td>{@code Pending}</td></tr>
 *   <tr><td>{@code pp_Status} Failed, Dropped, Validation Failed</td><td>{@code Failed} with
 *       {@code pp_PaymentResponseCode}</td></tr>
 *   <tr><td>no {@code pp_Status}</td><td>{@code pp_PaymentResponseCode} read like a payment's code: success
 *       Paid, 124 Pending, a decline Failed, else Unknown</td></tr>
 *   <tr><td>inquiry code 101, 115, 117</td><td>{@code PermanentProviderException}</td></tr>
 *   <tr><td>199, 999, HTTP 429/500/503, HTML, broken JSON, unsigned or mis-signed, timeout, not sent</td>
 *       <td>{@code TransientProviderException}</td></tr>
 *   <tr><td>any other inquiry code (the notes document no "not found" answer)</td><td>{@code Unknown}</td></tr>
 * </table>
 *
 * <p>Stateless and thread-safe.
 */
final class StatusInquiry {

    static final String PATH = "/ApplicationAPI/API/PaymentInquiry/Inquire";
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
        Exchange exchange = api.post("inquiry", PATH, fields, TIMEOUT, reference);
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
        ResponseCode.Meaning meaning = answer.meaning();
        if (meaning == ResponseCode.Meaning.MISCONFIGURED) {
            throw Misconfiguration.of("inquiry", answer.code(), settings.keys());
        }
        if (meaning == ResponseCode.Meaning.NOT_PROCESSED || meaning == ResponseCode.Meaning.GATEWAY_ERROR) {
            throw new TransientProviderException(about + "JazzCash " + answer.code() + " (system or gateway error)");
        }
        if (!answer.signed()) {
            throw new TransientProviderException(about + "JazzCash answered code " + GatewayText.code(answer.code())
                    + " without pp_SecureHash: not trusted");
        }
        // pp_Status is the answer proper; some answers carry the payment's code (121, 124) as pp_ResponseCode.
        Optional<String> status = answer.field("pp_Status");
        if (status.isPresent()) {
            return byStatus(status.get(), answer, request);
        }
        if (meaning == ResponseCode.Meaning.APPROVED) {
            return byPaymentCode(answer, request);
        }
        return new InquiryOutcome.Unknown("JazzCash's inquiry answered code " + GatewayText.code(answer.code())
                + " without a status");
    }

    private static InquiryOutcome byStatus(String status, Exchange.Answer answer, InquiryRequest request) {
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "completed" -> paid(answer, request);
            case "pending" -> new InquiryOutcome.Pending(answer.retrievalReference());
            case "failed", "dropped", "validation failed" -> new InquiryOutcome.Failed(
                    answer.field("pp_PaymentResponseCode").orElse(status.toUpperCase(Locale.ROOT)),
                    answer.field("pp_PaymentResponseMessage").map(GatewayText::message).orElse(status));
            default -> new InquiryOutcome.Unknown("JazzCash reported pp_Status '" + GatewayText.code(status)
                    + "', which this plugin does not know");
        };
    }

    private static InquiryOutcome byPaymentCode(Exchange.Answer answer, InquiryRequest request) {
        Optional<String> code = answer.field("pp_PaymentResponseCode");
        if (code.isEmpty()) {
            return new InquiryOutcome.Unknown("JazzCash's inquiry answer has neither pp_Status nor"
                    + " pp_PaymentResponseCode");
        }
        return switch (ResponseCode.meaningOf(code.get())) {
            case APPROVED -> paid(answer, request);
            case PENDING -> new InquiryOutcome.Pending(answer.retrievalReference());
            case DECLINED -> new InquiryOutcome.Failed(code.get(), answer.field("pp_PaymentResponseMessage")
                    .map(GatewayText::message).orElse("declined by JazzCash"));
            default -> new InquiryOutcome.Unknown("JazzCash reported payment code "
                    + GatewayText.code(code.get()) + " without a status");
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
