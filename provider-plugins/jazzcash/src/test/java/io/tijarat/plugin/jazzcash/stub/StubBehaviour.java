package io.tijarat.plugin.jazzcash.stub;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the stub answers, as a WireMock extension: each request is checked the way JazzCash checks it
 * (merchant, {@code pp_SecureHash}, password, fields, a reused {@code pp_TxnRefNo}), then answered from
 * the {@link JazzCashStub}'s settings and ledger. Thread-safe: the settings are volatile and the ledger
 * is concurrent.
 */
final class StubBehaviour implements ResponseDefinitionTransformerV2 {

    static final String NAME = "jazzcash-stub";
    private static final String ADMIN = "/__stub/";

    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9]{1,20}");
    private static final Pattern PAISA = Pattern.compile("[1-9]\\d{0,11}");
    private static final Pattern MOBILE = Pattern.compile("03\\d{9}");
    private static final Pattern CNIC_SIX = Pattern.compile("\\d{6}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private final JazzCashStub stub;

    StubBehaviour(JazzCashStub stub) {
        this.stub = stub;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        LoggedRequest request = serveEvent.getRequest();
        String path = URI.create(request.getUrl()).getPath();
        if (path.startsWith(ADMIN)) {
            return admin(path).build();
        }
        Reply reply = switch (path) {
            case JazzCashStub.WALLET_PATH -> api(request, this::wallet);
            case JazzCashStub.VOUCHER_PATH -> api(request, this::voucher);
            case JazzCashStub.INQUIRY_PATH -> api(request, this::inquiry);
            case JazzCashStub.REFUND_PATH -> api(request, fields -> refund(fields, "MWALLET", true));
            case JazzCashStub.CARD_REFUND_PATH -> api(request, fields -> refund(fields, "MPAY", false));
            case JazzCashStub.HOSTED_PATH -> hostedPage(form(request.getBodyAsString()));
            case JazzCashStub.CHECKOUT_DONE_PATH -> checkoutDone(form(request.getBodyAsString()));
            default -> new Reply(404, "text/plain", "no such JazzCash endpoint in the stub", 0);
        };
        long delay = stub.delay.toMillis() + reply.extraDelayMillis();
        var random = java.util.concurrent.ThreadLocalRandom.current();
        long jitter = stub.jitter.toMillis();
        if (jitter > 0) {
            delay += random.nextLong(jitter + 1);
        }
        if (stub.stallPercent > 0 && random.nextInt(100) < stub.stallPercent) {
            delay += stub.stall.toMillis();
        }
        ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition()
                .withStatus(reply.status())
                .withHeader("Content-Type", reply.contentType())
                .withBody(reply.body());
        if (delay > 0) {
            response.withFixedDelay(Math.toIntExact(delay));
        }
        return response.build();
    }

    /**
     * A developer driving the stub by hand: {@code POST /__stub/payment-code/<code>} (or {@code none}) and
     * {@code POST /__stub/report/<reference>/<code>}.
     */
    private ResponseDefinitionBuilder admin(String path) {
        String[] parts = path.substring(ADMIN.length()).split("/");
        if (parts.length == 2 && parts[0].equals("payment-code")) {
            stub.answerPaymentsWith(parts[1].equals("none") ? null : parts[1]);
            return ResponseDefinitionBuilder.responseDefinition().withStatus(204);
        }
        if (parts.length == 3 && parts[0].equals("report") && stub.transaction(parts[1]).isPresent()) {
            stub.report(parts[1], parts[2]);
            return ResponseDefinitionBuilder.responseDefinition().withStatus(204);
        }
        return ResponseDefinitionBuilder.responseDefinition().withStatus(404)
                .withHeader("Content-Type", "text/plain").withBody("use /__stub/payment-code/<code|none> or"
                        + " /__stub/report/<known reference>/<code>");
    }

    /** What to send back; {@code extraDelayMillis} on top of the stub's general delay (the MPIN wait). */
    record Reply(int status, String contentType, String body, long extraDelayMillis) {
    }

    @FunctionalInterface
    private interface Endpoint {
        Reply answer(Map<String, String> fields);
    }

    // ------------------------------------------------------------------------------------ API endpoints

    private Reply api(LoggedRequest request, Endpoint endpoint) {
        if (stub.outcome == JazzCashStub.Outcome.HTML_FIREWALL) {
            return firewallPage();
        }
        Map<String, String> fields;
        try {
            fields = json(request.getBodyAsString());
        } catch (Exception notJson) { // WireMock's Json rethrows Jackson's checked exceptions unchecked
            return unsigned("110");
        }
        JazzCashStub.Credentials credentials = stub.credentials();
        if (!credentials.merchantId().equals(fields.get("pp_MerchantID"))) {
            return unsigned("101");
        }
        if (!StubHash.verifies(credentials.integritySalt(), fields)) {
            // The most common integration failure, answered as JazzCash does: 115, and no result.
            return unsigned("115");
        }
        if (!credentials.password().equals(fields.get("pp_Password"))) {
            return unsigned("101");
        }
        if (stub.outcome == JazzCashStub.Outcome.SYSTEM_ERROR) {
            return signed(fields, "199", Map.of());
        }
        return endpoint.answer(fields);
    }

    private Reply wallet(Map<String, String> fields) {
        Optional<Reply> invalid = invalidPayment(fields);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        if (!MOBILE.matcher(fields.getOrDefault("pp_MobileNumber", "")).matches()
                || !CNIC_SIX.matcher(fields.getOrDefault("pp_CNIC", "")).matches()) {
            return signed(fields, "110", Map.of());
        }
        String forced = forcedStartCode(fields);
        JazzCashStub.Outcome outcome = stub.outcome;
        String code = forced != null ? forced : switch (outcome) {
            case DECLINE -> stub.declineCode;
            case PENDING -> "157";
            case MPIN_TIMEOUT -> "134";
            case GATEWAY_ERROR -> "999";
            default -> "000";
        };
        // What JazzCash did, whatever it answered: a gateway error after the charge still charged.
        String recordedCode = outcome == JazzCashStub.Outcome.GATEWAY_ERROR && forced == null ? "000" : code;
        Optional<StubTransaction> recorded = record(fields, "MWALLET", recordedCode);
        if (recorded.isEmpty()) {
            return reusedReference(fields);
        }
        long mpinWait = outcome == JazzCashStub.Outcome.MPIN_TIMEOUT && forced == null ? stub.mpinWait.toMillis() : 0;
        Reply reply = paymentAnswer(fields, recorded.get(), code, "2.0", "MWALLET");
        return new Reply(reply.status(), reply.contentType(), reply.body(), mpinWait);
    }

    private Reply voucher(Map<String, String> fields) {
        Optional<Reply> invalid = invalidPayment(fields);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        if (!"1.1".equals(fields.get("pp_Version")) || !"OTC".equals(fields.get("pp_TxnType"))) {
            return signed(fields, "110", Map.of());
        }
        String forced = forcedStartCode(fields);
        String code = forced != null ? forced : switch (stub.outcome) {
            case DECLINE -> stub.declineCode;
            case GATEWAY_ERROR -> "999";
            default -> "124";
        };
        String recordedCode = "999".equals(code) && forced == null ? "124" : code;
        Optional<StubTransaction> recorded = record(fields, "OTC", recordedCode);
        if (recorded.isEmpty()) {
            return reusedReference(fields);
        }
        return paymentAnswer(fields, recorded.get(), code, "1.1", "OTC");
    }

    private Reply inquiry(Map<String, String> fields) {
        String reference = fields.getOrDefault("pp_TxnRefNo", "");
        String forced = stub.inquiryCodes.getOrDefault(reference, stub.forcedInquiryCode);
        if (forced != null) {
            return signed(fields, forced, Map.of());
        }
        Optional<StubTransaction> found = stub.transaction(reference);
        if (found.isEmpty()) {
            return signed(fields, "109", Map.of());
        }
        StubTransaction txn = found.get();
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("pp_ResponseMessage", "Thank you for Using JazzCash, your operation successfully completed.");
        extra.put("pp_Status", txn.status());
        extra.put("pp_PaymentResponseCode", txn.code());
        extra.put("pp_PaymentResponseMessage", StubCodes.text(txn.code()));
        extra.put("pp_RetrievalReferenceNo", txn.rrn());
        extra.put("pp_AuthCode", StubTransaction.COMPLETED.equals(txn.status()) ? authCode(txn) : "");
        extra.put("pp_Amount", Long.toString(txn.amount()));
        extra.put("pp_TxnType", txn.type());
        extra.put("pp_SettlementDate", StubTransaction.COMPLETED.equals(txn.status())
                ? txn.txnDateTime().substring(0, 8) : "");
        return signed(fields, "000", extra);
    }

    /**
     * A refund through the wallet API (type MWALLET, with the merchant MPIN) or the card API (type MPAY, no
     * MPIN): a transaction of another instrument cannot be refunded there (132).
     */
    private Reply refund(Map<String, String> fields, String refundableType, boolean withMpin) {
        String reference = fields.getOrDefault("pp_TxnRefNo", "");
        String amount = fields.getOrDefault("pp_Amount", "");
        if (!REFERENCE.matcher(reference).matches() || !PAISA.matcher(amount).matches()
                || !"PKR".equals(fields.get("pp_TxnCurrency"))) {
            return signed(fields, "110", Map.of());
        }
        if (withMpin && !stub.credentials().merchantMpin().equals(fields.get("pp_MerchantMPIN"))) {
            return signed(fields, "024", Map.of()); // "Bad PIN": the only PIN a refund carries is the merchant's
        }
        if (!withMpin && fields.containsKey("pp_MerchantMPIN")) {
            return signed(fields, "110", Map.of()); // the card refund takes no MPIN: an unexpected field
        }
        String forced = stub.refundCodes.getOrDefault(reference, stub.forcedRefundCode);
        if (forced != null) {
            return signed(fields, forced, Map.of());
        }
        long paisa = Long.parseLong(amount);
        Map<String, String> outcome = new LinkedHashMap<>();
        boolean[] accepted = {false};
        stub.ledger.computeIfPresent(reference, (ref, txn) -> {
            boolean refundable = StubTransaction.COMPLETED.equals(txn.status()) && refundableType.equals(txn.type());
            if (refundable && paisa <= txn.amount() - txn.refunded()) {
                accepted[0] = true;
                return txn.refunding(paisa);
            }
            outcome.put("code", refundable ? "110" : "132");
            return txn;
        });
        if (!accepted[0]) {
            return signed(fields, outcome.getOrDefault("code", "109"), Map.of());
        }
        return signed(fields, "000", Map.of("pp_ResponseMessage", "Thank you for Using JazzCash, your refund was"
                        + " successful.",
                "pp_RetreivalReferenceNo", stub.nextRrn(), "pp_Amount", amount));
    }

    // -------------------------------------------------------------------------------- hosted checkout

    private Reply hostedPage(Map<String, String> fields) {
        if (stub.outcome == JazzCashStub.Outcome.HTML_FIREWALL) {
            return firewallPage();
        }
        JazzCashStub.Credentials credentials = stub.credentials();
        if (!credentials.merchantId().equals(fields.get("pp_MerchantID"))
                || !credentials.password().equals(fields.get("pp_Password"))) {
            return StubPages.error("101", StubCodes.text("101"));
        }
        if (!StubHash.verifies(credentials.integritySalt(), fields)) {
            return StubPages.error("115", StubCodes.text("115"));
        }
        if (invalidPayment(fields).isPresent() || fields.getOrDefault("pp_ReturnURL", "").isEmpty()) {
            return StubPages.error("110", StubCodes.text("110"));
        }
        Optional<StubTransaction> recorded = record(fields, fields.getOrDefault("pp_TxnType", ""), "124");
        if (recorded.isEmpty()) {
            return StubPages.error("110", "Invalid value for pp_TxnRefNo.");
        }
        return StubPages.checkout(recorded.get(), JazzCashStub.CHECKOUT_DONE_PATH);
    }

    private Reply checkoutDone(Map<String, String> form) {
        String reference = form.getOrDefault("ref", "");
        String choice = form.getOrDefault("choice", "");
        Optional<StubTransaction> updated = stub.settleHosted(reference, choice);
        if (updated.isEmpty() || updated.get().returnUrl().isEmpty()) {
            return StubPages.error("110", "Unknown transaction or choice.");
        }
        return StubPages.autoPost(updated.get().returnUrl().get(), stub.callbackFields(reference));
    }

    // ---------------------------------------------------------------------------------------- helpers

    /** The checks every payment request passes: reference, amount in paisa, PKR, Pakistan-time stamps (110). */
    private Optional<Reply> invalidPayment(Map<String, String> fields) {
        if (!REFERENCE.matcher(fields.getOrDefault("pp_TxnRefNo", "")).matches()
                || !PAISA.matcher(fields.getOrDefault("pp_Amount", "")).matches()
                || !"PKR".equals(fields.get("pp_TxnCurrency"))) {
            return Optional.of(signed(fields, "110", Map.of()));
        }
        String expiry = fields.getOrDefault("pp_TxnExpiryDateTime", "");
        if (!isStamp(fields.getOrDefault("pp_TxnDateTime", "")) || (!expiry.isEmpty() && !isStamp(expiry))) {
            return Optional.of(signed(fields, "110", Map.of("pp_ResponseMessage", "Invalid value for pp_TxnDateTime.")));
        }
        return Optional.empty();
    }

    /** Records a new transaction, or nothing if the reference is taken (or the code means "not processed"). */
    private Optional<StubTransaction> record(Map<String, String> fields, String type, String code) {
        StubTransaction txn = new StubTransaction(fields.get("pp_TxnRefNo"), type,
                Long.parseLong(fields.get("pp_Amount")), StubCodes.status(code), code, stub.nextRrn(), 0,
                fields.get("pp_TxnDateTime"), fields.getOrDefault("pp_BillReference", ""),
                Optional.ofNullable(fields.get("pp_ReturnURL")).filter(url -> !url.isEmpty()));
        if (StubCodes.NOT_RECORDED.contains(code)) {
            // Answered, never recorded: JazzCash did not process it, so the same reference may come again.
            return stub.ledger.containsKey(txn.reference()) ? Optional.empty() : Optional.of(txn);
        }
        return stub.ledger.putIfAbsent(txn.reference(), txn) == null ? Optional.of(txn) : Optional.empty();
    }

    /** The code a test chose for this payment: for its reference, else for every payment; {@code null} if none. */
    private String forcedStartCode(Map<String, String> fields) {
        return stub.startCodes.getOrDefault(fields.getOrDefault("pp_TxnRefNo", ""), stub.forcedPaymentCode);
    }

    /**
     * A {@code pp_TxnRefNo} used before. JazzCash's list has no code for it; the stub answers 110, the list's
     * code for a refused field value, and changes nothing.
     */
    private Reply reusedReference(Map<String, String> fields) {
        return signed(fields, "110", Map.of("pp_ResponseMessage", "Invalid value for pp_TxnRefNo."));
    }

    private Reply paymentAnswer(Map<String, String> request, StubTransaction txn, String code, String version,
                                String type) {
        boolean accepted = StubCodes.accepted(code);
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("pp_Amount", request.get("pp_Amount"));
        extra.put("pp_AuthCode", code.equals("000") ? authCode(txn) : "");
        extra.put("pp_BillReference", request.getOrDefault("pp_BillReference", ""));
        extra.put("pp_Language", "EN");
        extra.put("pp_RetreivalReferenceNo", accepted ? txn.rrn() : "");
        extra.put("pp_SubMerchantID", "");
        extra.put("pp_TxnCurrency", "PKR");
        extra.put("pp_TxnDateTime", request.get("pp_TxnDateTime"));
        extra.put("pp_TxnType", type);
        extra.put("pp_Version", version);
        for (int i = 1; i <= 5; i++) {
            extra.put("ppmpf_" + i, request.getOrDefault("ppmpf_" + i, ""));
        }
        return signed(request, code, extra);
    }

    /** An answer signed with the stub's answer salt (the merchant's, unless a test changed it). */
    private Reply signed(Map<String, String> request, String code, Map<String, String> extra) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("pp_ResponseCode", code);
        fields.put("pp_ResponseMessage", StubCodes.text(code));
        fields.put("pp_TxnRefNo", request.getOrDefault("pp_TxnRefNo", ""));
        fields.put("pp_MerchantID", stub.credentials().merchantId());
        fields.putAll(extra);
        Map<String, Object> body = new LinkedHashMap<>(stub.unprefixed
                ? StubHash.signedUnprefixed(stub.answerSalt, unprefixed(fields)) : StubHash.signed(stub.answerSalt, fields));
        String amount = fields.getOrDefault("pp_Amount", "");
        if (stub.amountsAsNumbers && PAISA.matcher(amount).matches()) {
            // the quirk: a number where the API promises a string
            body.put(stub.unprefixed ? "amount" : "pp_Amount", Long.parseLong(amount));
        }
        return new Reply(200, "application/json; charset=utf-8", Json.write(body), 0);
    }

    /** Refusals before authentication: JazzCash cannot sign for a merchant it did not recognise. */
    private Reply unsigned(String code) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("pp_ResponseCode", code);
        fields.put("pp_ResponseMessage", StubCodes.text(code));
        fields.put("pp_SecureHash", "");
        return json(stub.unprefixed ? unprefixed(fields) : fields);
    }

    /** The newer API versions' names: {@code pp_ResponseCode} is {@code responseCode}, and so on. */
    static Map<String, String> unprefixed(Map<String, String> fields) {
        Map<String, String> renamed = new LinkedHashMap<>();
        fields.forEach((name, value) -> renamed.put(name.startsWith("pp_")
                ? Character.toLowerCase(name.charAt(3)) + name.substring(4) : name, value));
        return renamed;
    }

    private static Reply json(Map<String, String> fields) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        return new Reply(200, "application/json; charset=utf-8", Json.write(body), 0);
    }

    private Reply firewallPage() {
        return new Reply(200, "text/html; charset=utf-8", StubPages.FIREWALL, 0);
    }

    /** A JSON body's members as text, as JazzCash reads them; numbers keep their literal. */
    static Map<String, String> json(String body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = Json.read(body, Map.class);
        Map<String, String> fields = new LinkedHashMap<>();
        parsed.forEach((name, value) -> fields.put(name, value == null ? "" : String.valueOf(value)));
        return fields;
    }

    static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            fields.put(name, value);
        }
        return fields;
    }

    private static boolean isStamp(String text) {
        try {
            LocalDateTime.parse(text, STAMP);
            return text.length() == 14;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String authCode(StubTransaction txn) {
        return txn.rrn().substring(txn.rrn().length() - 6);
    }
}
