package io.tijarat.plugin.jazzcash;

import io.tijarat.spi.json.Json;
import io.tijarat.spi.json.JsonException;
import io.tijarat.spi.CallbackReply;
import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.payment.CallbackOutcome;
import io.tijarat.spi.payment.InquiryOutcome;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads what JazzCash posts back: the customer's browser returning from the hosted page
 * ({@code pp_ReturnURL}) and the server-to-server IPN. Both carry {@code pp_*} fields signed with
 * {@code pp_SecureHash}; nothing is believed before that hash verifies over the raw body's fields, in
 * constant time.
 *
 * <p>The body is read as {@code application/x-www-form-urlencoded}, or as a JSON object when it starts with
 * <code>{</code> (some integrations report a JSON IPN), whatever the content type claims.
 *
 * <p>The hash covers the fields' values only, not their names: someone holding a signed callback could
 * move a value to another name as long as the order of the values stays the same. So the names are checked
 * too: {@code pp_MerchantID} must be there and be ours, and a {@code pp_} name that JazzCash's return and
 * IPN do not carry ({@link #EXPECTED}) is refused.
 *
 * <table>
 *   <caption>From the callback to the reported status ({@link ResponseCode}'s status reading)</caption>
 *   <tr><th>callback</th><th>outcome</th></tr>
 *   <tr><td>no hash, a wrong hash, no {@code pp_MerchantID} or another merchant's, an unexpected {@code pp_}
 *       name, no or malformed {@code pp_TxnRefNo}, no code, a field twice, not a POST</td>
 *       <td>{@code Rejected}</td></tr>
 *   <tr><td>read PAID (000, 121, 200) with {@code pp_RetreivalReferenceNo} and {@code pp_Amount}</td>
 *       <td>{@code Paid}</td></tr>
 *   <tr><td>read PENDING (124 voucher issued, 157, 210)</td><td>{@code Pending} with the voucher number</td></tr>
 *   <tr><td>read FAILED (declines, 116 expired, 129 dropped, 134 timed out, 122 reversed, …)</td>
 *       <td>{@code Failed}</td></tr>
 *   <tr><td>anything else (109, system errors, 999, codes not in the list), or a success without reference or
 *       amount</td><td>{@code Unknown}, confirmed by inquiry</td></tr>
 * </table>
 *
 * <p>The event key is the attempt, the code and the retrieval reference: the return and the IPN of one
 * result share it (the core drops the second), a voucher's 124 and its later 000 do not. An IPN is
 * acknowledged the way JazzCash expects, with a signed {@code {"pp_ResponseCode":"000",…}}. Never calls
 * JazzCash. Stateless and thread-safe.
 */
final class CallbackVerifier {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
    private static final int MAX_EVENT_KEY = 200;

    /**
     * The {@code pp_} names a return or IPN may carry: every field of the hosted form, which JazzCash may echo
     * (JazzCash's HTTP POST guide as reproduced in https://github.com/alihamasdev/jazzcash-docs,
     * content/docs/http-post.mdx, including {@code pp_Password} and {@code pp_ReturnURL}), and the result's
     * (response code and message, auth code, retrieval reference in both spellings, settlement expiry and
     * date, discount, instrument token). The merchant fields {@code ppmpf_*} and bank fields {@code ppmbf_*}
     * are echoed as they are. Only the merchant id, the reference, the code and message, the amount and the
     * retrieval reference are read.
     */
    static final Set<String> EXPECTED = Set.of("pp_Version", "pp_TxnType", "pp_Language", "pp_MerchantID",
            "pp_SubMerchantID", "pp_SubMerchantId", "pp_Password", "pp_BankID", "pp_ProductID",
            "pp_IsRegisteredCustomer", "pp_CustomerID", "pp_CustomerEmail", "pp_CustomerMobile",
            "pp_TokenizedCardNumber", "pp_MobileNumber", "pp_CNIC", "pp_TxnRefNo", "pp_Amount", "pp_DiscountedAmount",
            "pp_DiscountBank", "pp_TxnCurrency", "pp_TxnDateTime", "pp_TxnExpiryDateTime", "pp_BillReference",
            "pp_Description", "pp_ReturnURL", "pp_InstrToken", "pp_ResponseCode", "pp_ResponseMessage", "pp_AuthCode",
            "pp_RetreivalReferenceNo", "pp_RetrievalReferenceNo", "pp_SettlementExpiry", "pp_SettlementDate",
            SecureHash.FIELD);
    private static final Pattern ECHOED = Pattern.compile("pp(mpf|mbf)_\\d{1,2}");

    private final JazzCashSettings settings;
    private final SecureHash hash;

    CallbackVerifier(JazzCashSettings settings, SecureHash hash) {
        this.settings = settings;
        this.hash = hash;
    }

    CallbackOutcome verify(CallbackRequest request) {
        if (!"POST".equals(request.method())) {
            return new CallbackOutcome.Rejected("JazzCash posts its callbacks; this was a " + GatewayText.code(
                    request.method()));
        }
        Map<String, String> fields;
        try {
            fields = fields(request);
        } catch (IllegalArgumentException | JsonException e) {
            return new CallbackOutcome.Rejected("the body is not a well-formed form or JSON object");
        }
        switch (hash.verify(fields)) {
            case MISSING:
                return new CallbackOutcome.Rejected("no pp_SecureHash");
            case INVALID:
                return new CallbackOutcome.Rejected("pp_SecureHash does not match the fields: forged, tampered with,"
                        + " or signed with another integrity salt");
            default:
                break;
        }
        Optional<String> unexpected = fields.keySet().stream()
                .filter(name -> name.startsWith("pp") && !EXPECTED.contains(name) && !ECHOED.matcher(name).matches())
                .sorted().findFirst();
        if (unexpected.isPresent()) {
            return new CallbackOutcome.Rejected("a field JazzCash's return and IPN do not carry: "
                    + GatewayText.code(unexpected.get()));
        }
        Optional<String> merchant = value(fields, "pp_MerchantID");
        if (merchant.isEmpty()) {
            return new CallbackOutcome.Rejected("no pp_MerchantID");
        }
        if (!merchant.get().equals(settings.merchantId())) {
            return new CallbackOutcome.Rejected("signed for another merchant id");
        }
        Optional<IdempotencyKey> attempt = value(fields, "pp_TxnRefNo").flatMap(CallbackVerifier::attemptId);
        if (attempt.isEmpty()) {
            return new CallbackOutcome.Rejected("pp_TxnRefNo is missing or is not one of Tijarat's attempt ids");
        }
        Optional<String> code = value(fields, "pp_ResponseCode");
        if (code.isEmpty()) {
            return new CallbackOutcome.Rejected("no pp_ResponseCode");
        }
        IdempotencyKey attemptId = attempt.get();
        Optional<String> rrn = value(fields, "pp_RetreivalReferenceNo")
                .or(() -> value(fields, "pp_RetrievalReferenceNo"));
        InquiryOutcome status = status(code.get(), rrn, value(fields, "pp_Amount"),
                value(fields, "pp_ResponseMessage"));
        String eventKey = eventKey(attemptId, code.get(), rrn);
        CallbackReply reply = request.source() == CallbackRequest.Source.NOTIFICATION ? ipnAcknowledgement()
                : CallbackReply.ok();
        return new CallbackOutcome.Verified(eventKey, attemptId, status, status instanceof InquiryOutcome.Unknown,
                reply);
    }

    private static Map<String, String> fields(CallbackRequest request) throws JsonException {
        String body = request.bodyText().strip();
        return body.startsWith("{") ? Json.parseFlatObject(body) : request.formParameters();
    }

    private static InquiryOutcome status(String code, Optional<String> rrn, Optional<String> amount,
                                         Optional<String> message) {
        return switch (ResponseCode.status(code)) {
            case PAID -> {
                Optional<Money> paid = amount.filter(a -> DIGITS.matcher(a).matches())
                        .map(a -> Money.pkr(Long.parseLong(a))).filter(Money::isPositive);
                yield rrn.isPresent() && paid.isPresent() ? new InquiryOutcome.Paid(rrn.get(), paid.get())
                        : new InquiryOutcome.Unknown("JazzCash reported success without a retrieval reference or a"
                        + " readable amount");
            }
            case PENDING -> new InquiryOutcome.Pending(rrn);
            case FAILED -> new InquiryOutcome.Failed(code, message.map(GatewayText::message)
                    .orElse("failed at JazzCash"));
            // A callback cannot report NotFound (the SPI): 109 in a callback is a reason to ask, like the rest.
            case NOT_FOUND, UNKNOWN -> new InquiryOutcome.Unknown("JazzCash reported code " + GatewayText.code(code)
                    + ", which does not settle the attempt");
        };
    }

    private static String eventKey(IdempotencyKey attemptId, String code, Optional<String> rrn) {
        String key = "jazzcash:" + attemptId.value() + ":" + GatewayText.code(code) + ":"
                + rrn.map(GatewayText::code).orElse("-");
        return key.length() <= MAX_EVENT_KEY ? key : key.substring(0, MAX_EVENT_KEY);
    }

    /** What JazzCash expects back from an IPN, signed like everything else. */
    private CallbackReply ipnAcknowledgement() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("pp_ResponseCode", "000");
        fields.put("pp_ResponseMessage", "IPN received successfully");
        fields.put(SecureHash.FIELD, hash.sign(fields));
        return CallbackReply.json(Json.write(fields));
    }

    /** The attempt id, if the reference has the shape of one. */
    private static Optional<IdempotencyKey> attemptId(String reference) {
        try {
            return Optional.of(IdempotencyKey.of(reference));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> value(Map<String, String> fields, String name) {
        return Optional.ofNullable(fields.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
