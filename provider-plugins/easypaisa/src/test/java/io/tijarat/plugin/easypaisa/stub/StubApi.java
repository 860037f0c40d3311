package io.tijarat.plugin.easypaisa.stub;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The stub's EasyPaisa: one WireMock transformer that answers every route the way the notes describe the
 * real API — and the way it fails. Every REST call checks the {@code Credentials} header ({@code 0010}),
 * the store ({@code 0006}), the merchant account for inquiries ({@code 0004}) and the required fields
 * ({@code 0002}) — for an initiation these include {@code emailAddress}, which every public EasyPaisa client
 * sends (omnipay-easypaisa, zfhassaan/easypaisa, easypaisa_flutter), so a plugin that leaves it out fails a test
 * here instead of a customer's payment; a repeated order id gets {@code 0003}. The hosted checkout decrypts
 * {@code merchantHashedReq} and compares it with the posted fields.
 *
 * <p>Routes: {@code POST /easypay-service/rest/v4/initiate-ma-transaction}, {@code …/initiate-otc-transaction},
 * {@code …/inquire-transaction}, {@code POST /easypay/Index.jsf}, {@code POST /easypay/Confirm.jsf},
 * {@code GET /easypay/ipn/<store>/<orderId>} (what an IPN's {@code url} names), and for a developer driving
 * it by hand {@code POST /__stub/outcome/<OUTCOME>}, {@code POST /__stub/status/<orderId>/<STATUS>}.
 */
final class StubApi implements ResponseDefinitionTransformerV2 {

    static final String NAME = "easypaisa-stub";

    private static final String REST = "/easypay-service/rest/v4/";
    private static final Pattern MOBILE = Pattern.compile("03[0-9]{9}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,2})?");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final ZoneId KARACHI = ZoneId.of("Asia/Karachi");
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyyMMdd HHmmss", Locale.ROOT);
    private static final DateTimeFormatter TRANSACTION_TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy hh:mm a", Locale.ENGLISH);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The page a web application firewall in front of EasyPaisa answers with, status 200. */
    static final String FIREWALL_PAGE = "<!DOCTYPE html><html><head><title>Request Rejected</title></head><body>"
            + "The requested URL was rejected. Please consult with your administrator.<br><br>"
            + "Your support ID is: 7364519920184736152</body></html>";

    private final EasyPaisaStub.Credentials credentials;
    private final StubLedger ledger = new StubLedger();
    private final AtomicReference<EasyPaisaStub.Outcome> outcome =
            new AtomicReference<>(EasyPaisaStub.Outcome.SUCCESS);
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Duration> timeoutDelay = new AtomicReference<>(Duration.ofSeconds(30));
    private volatile boolean naiveQueryAppend;

    StubApi(EasyPaisaStub.Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    StubLedger ledger() {
        return ledger;
    }

    void outcome(EasyPaisaStub.Outcome next) {
        outcome.set(next);
    }

    void delay(Duration every) {
        delay.set(every);
    }

    void timeoutDelay(Duration late) {
        timeoutDelay.set(late);
    }

    void naiveQueryAppend(boolean naive) {
        this.naiveQueryAppend = naive;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        String path = request.getUrl().split("\\?", 2)[0];
        if (path.startsWith("/__stub/")) {
            return admin(request.getMethod(), path);
        }
        EasyPaisaStub.Outcome now = outcome.get();
        if (now == EasyPaisaStub.Outcome.HTML_FIREWALL) {
            return late(html(200, FIREWALL_PAGE), Duration.ZERO);
        }
        if (RequestMethod.GET.equals(request.getMethod()) && path.startsWith("/easypay/ipn/")) {
            return ipnDetails(path);
        }
        if (!RequestMethod.POST.equals(request.getMethod())) {
            return late(html(405, "<html><body>Method not allowed</body></html>"), Duration.ZERO);
        }
        return switch (path) {
            case REST + "initiate-ma-transaction" -> initiate(request, "MA", now);
            case REST + "initiate-otc-transaction" -> initiate(request, "OTC", now);
            case REST + "inquire-transaction" -> inquire(request);
            case "/easypay/Index.jsf" -> checkout(request);
            case "/easypay/Confirm.jsf" -> confirm(request, now);
            default -> late(html(404, "<html><body>Not Found</body></html>"), Duration.ZERO);
        };
    }

    // ------------------------------------------------------------------------------------------- REST

    private ResponseDefinition initiate(Request request, String type, EasyPaisaStub.Outcome now) {
        Optional<Map<String, Object>> body = jsonBody(request);
        Optional<ResponseDefinition> refused = refuse(request, body);
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, Object> fields = body.orElseThrow();
        String account = type.equals("MA") ? "mobileAccountNo" : "msisdn";
        Optional<String> orderId = text(fields, "orderId");
        Optional<BigDecimal> amount = text(fields, "transactionAmount").filter(a -> DECIMAL.matcher(a).matches())
                .map(BigDecimal::new).filter(a -> a.signum() > 0);
        Optional<String> msisdn = text(fields, account).filter(n -> MOBILE.matcher(n).matches());
        Optional<String> email = text(fields, "emailAddress").filter(e -> EMAIL.matcher(e).matches());
        Optional<String> tokenExpiry = text(fields, "tokenExpiry");
        boolean expiryReadable = tokenExpiry.map(StubApi::readExpiry).map(Optional::isPresent).orElse(true);
        if (orderId.isEmpty() || amount.isEmpty() || msisdn.isEmpty() || email.isEmpty() || !expiryReadable
                || !type.equals(text(fields, "transactionType").orElse(""))) {
            return code("0002", "REQUIRED FIELD IS MISSING", Map.of());
        }
        if (!ledger.claim(orderId.get())) {
            return code("0003", "INVALID ORDER ID", Map.of("orderId", orderId.get()));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("orderId", orderId.get());
        answer.put("storeId", Long.parseLong(credentials.storeId()));
        String transactionId = digits(11);
        Instant created = Instant.now();
        Optional<String> token = type.equals("OTC") ? Optional.of(digits(8)) : Optional.empty();
        Instant expiry = tokenExpiry.flatMap(StubApi::readExpiry).orElse(created.plus(Duration.ofDays(3)));
        Consumer<String> record = status -> ledger.record(new StubTransaction(orderId.get(), type, amount.get(),
                msisdn, transactionId, status, token, token.map(t -> expiry), created));
        switch (now) {
            case DECLINE -> {
                record.accept("FAILED");
                return code("0013", "LOW BALANCE", answer);
            }
            case SYSTEM_ERROR -> {
                return code("0001", "SYSTEM ERROR", Map.of());
            }
            case FAILED_WITH_0000 -> {
                record.accept("FAILED");
                answer.put("transactionId", transactionId);
                answer.put("transactionStatus", "FAILED");
                return code("0000", "SUCCESS", answer);
            }
            default -> {
                // SUCCESS and TIMEOUT: a mobile account pays; a voucher waits to be paid at a shop. PENDING: the
                // customer has not approved yet.
                boolean paid = type.equals("MA") && now != EasyPaisaStub.Outcome.PENDING;
                record.accept(paid ? "PAID" : "PENDING");
                answer.put("transactionId", transactionId);
                answer.put("transactionDateTime", TRANSACTION_TIME.format(created.atZone(KARACHI)));
                token.ifPresent(t -> {
                    answer.put("paymentToken", t);
                    answer.put("paymentTokenExpiryDateTime", EXPIRY.format(expiry.atZone(KARACHI)));
                });
                ResponseDefinition success = code("0000", "SUCCESS", answer);
                return now == EasyPaisaStub.Outcome.TIMEOUT ? late(success, timeoutDelay.get()) : success;
            }
        }
    }

    private ResponseDefinition inquire(Request request) {
        Optional<Map<String, Object>> body = jsonBody(request);
        Optional<ResponseDefinition> refused = refuse(request, body);
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, Object> fields = body.orElseThrow();
        Optional<String> orderId = text(fields, "orderId");
        Optional<String> account = text(fields, "accountNum");
        if (orderId.isEmpty() || account.isEmpty()) {
            return code("0002", "REQUIRED FIELD IS MISSING", Map.of());
        }
        if (!account.get().equals(credentials.accountNumber())) {
            return code("0004", "INVALID MERCHANT ACCOUNT NUMBER", Map.of());
        }
        Optional<StubTransaction> found = ledger.transaction(orderId.get());
        if (found.isEmpty()) {
            return code("0003", "INVALID ORDER ID", Map.of("orderId", orderId.get()));
        }
        return code("0000", "SUCCESS", details(found.get()));
    }

    /** Credentials, a JSON body, the store: the checks every REST call gets first. */
    private Optional<ResponseDefinition> refuse(Request request, Optional<Map<String, Object>> body) {
        if (!credentialsMatch(request.getHeader("Credentials"))) {
            return Optional.of(code("0010", "INVALID CREDENTIALS", Map.of()));
        }
        if (body.isEmpty()) {
            return Optional.of(code("0002", "REQUIRED FIELD IS MISSING", Map.of()));
        }
        Optional<String> store = text(body.get(), "storeId");
        if (store.isEmpty()) {
            return Optional.of(code("0002", "REQUIRED FIELD IS MISSING", Map.of()));
        }
        if (!store.get().equals(credentials.storeId())) {
            return Optional.of(code("0006", "INVALID STORE ID", Map.of()));
        }
        return Optional.empty();
    }

    private boolean credentialsMatch(String header) {
        if (header == null) {
            return false;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.strip()), StandardCharsets.UTF_8);
            return decoded.equals(credentials.username() + ":" + credentials.password());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Map<String, Object> details(StubTransaction transaction) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("orderId", transaction.orderId());
        details.put("accountNum", credentials.accountNumber());
        details.put("storeId", Long.parseLong(credentials.storeId()));
        details.put("storeName", "Tijarat Test Store");
        transaction.paymentToken().ifPresent(token -> details.put("paymentToken", token));
        details.put("transactionId", transaction.transactionId());
        details.put("transactionStatus", transaction.status());
        // A number, not a string: EasyPaisa's answers mix the two.
        details.put("transactionAmount", transaction.amount().doubleValue());
        details.put("transactionDateTime", TRANSACTION_TIME.format(transaction.createdAt().atZone(KARACHI)));
        transaction.tokenExpiry().ifPresent(expiry ->
                details.put("paymentTokenExiryDateTime", EXPIRY.format(expiry.atZone(KARACHI))));
        transaction.msisdn().ifPresent(msisdn -> details.put("msisdn", msisdn));
        details.put("paymentMode", transaction.paymentMode());
        details.put("settlementStatus", transaction.status().equals("PAID") ? "UNSETTLED" : "N/A");
        if (!transaction.status().equals("PAID") && !transaction.status().equals("PENDING")) {
            details.put("errorCode", "E" + transaction.status().charAt(0) + "01");
            details.put("errorReason", "Transaction " + transaction.status().toLowerCase(Locale.ROOT));
        }
        return details;
    }

    // ----------------------------------------------------------------------------- hosted checkout

    private ResponseDefinition checkout(Request request) {
        Map<String, String> form = form(request.getBodyAsString());
        String orderRefNum = form.getOrDefault("orderRefNum", "");
        String postBack = form.getOrDefault("postBackURL", "");
        String amount = form.getOrDefault("amount", "");
        if (!credentials.storeId().equals(form.get("storeId"))) {
            return errorPage("Invalid store");
        }
        if (orderRefNum.isEmpty() || postBack.isEmpty() || !DECIMAL.matcher(amount).matches()
                || !form.containsKey("merchantHashedReq")) {
            return errorPage("Required field is missing");
        }
        Optional<String> decrypted = StubCrypto.decrypt(form.get("merchantHashedReq"), credentials.hashKey());
        if (decrypted.isEmpty() || !decrypted.get().equals(StubCrypto.expectedPlainText(form))) {
            return errorPage("Invalid merchantHashedReq: the request does not match its encrypted copy");
        }
        if (!ledger.claim(orderRefNum)) {
            return errorPage("Order reference number already used");
        }
        String authToken = digits(6) + "-" + digits(10);
        ledger.openCheckout(authToken, new StubLedger.Checkout(orderRefNum, new BigDecimal(amount),
                form.getOrDefault("paymentMethod", ""), Optional.ofNullable(form.get("mobileNum"))));
        return late(redirect(append(postBack, "auth_token=" + authToken)), Duration.ZERO);
    }

    private ResponseDefinition confirm(Request request, EasyPaisaStub.Outcome now) {
        Map<String, String> form = form(request.getBodyAsString());
        String postBack = form.getOrDefault("postBackURL", "");
        Optional<StubLedger.Checkout> checkout = ledger.takeCheckout(form.getOrDefault("auth_token", ""));
        if (checkout.isEmpty() || postBack.isEmpty()) {
            return errorPage("Your session has expired or the token is invalid");
        }
        StubLedger.Checkout open = checkout.get();
        boolean voucher = open.paymentMethod().equals("OTC_PAYMENT_METHOD") || now == EasyPaisaStub.Outcome.PENDING;
        Instant created = Instant.now();
        Optional<String> token = voucher ? Optional.of(digits(8)) : Optional.empty();
        String status = switch (now) {
            case DECLINE, FAILED_WITH_0000 -> "FAILED";
            case SYSTEM_ERROR -> "";
            default -> voucher ? "PENDING" : "PAID";
        };
        if (!status.isEmpty()) {
            ledger.record(new StubTransaction(open.orderRefNum(), voucher ? "OTC" : "MA", open.amount(),
                    open.mobileNum(), digits(11), status, token, token.map(t -> created.plus(Duration.ofDays(3))),
                    created));
        }
        String result = switch (now) {
            case DECLINE -> "status=0013&desc=LOW+BALANCE";
            case SYSTEM_ERROR -> "status=0001&desc=SYSTEM+ERROR";
            // The return is unsigned and can claim success for a failed payment: only inquiry tells.
            case FAILED_WITH_0000 -> "status=0000&desc=SUCCESS";
            default -> "status=0000&desc=SUCCESS" + token.map(t -> "&paymentToken=" + t).orElse("");
        };
        ResponseDefinition back = redirect(append(postBack, result + "&orderRefNumber=" + open.orderRefNum()));
        return late(back, now == EasyPaisaStub.Outcome.TIMEOUT ? timeoutDelay.get() : Duration.ZERO);
    }

    private String append(String url, String parameters) {
        // EasyPaisa's real behaviour with a postBackURL that has a query is not documented; the quirk can be
        // switched on to prove the plugin copes with the naive version.
        char separator = !naiveQueryAppend && url.contains("?") ? '&' : '?';
        return url + separator + parameters;
    }

    // --------------------------------------------------------------------------- IPN and admin

    private ResponseDefinition ipnDetails(String path) {
        String orderId = path.substring(path.lastIndexOf('/') + 1);
        return ledger.transaction(orderId).map(transaction -> code("0000", "SUCCESS", details(transaction)))
                .orElseGet(() -> code("0003", "INVALID ORDER ID", Map.of()));
    }

    private ResponseDefinition admin(RequestMethod method, String path) {
        String[] parts = path.substring("/__stub/".length()).split("/");
        if (!RequestMethod.POST.equals(method)) {
            return plain(405, "POST only");
        }
        try {
            if (parts.length == 2 && parts[0].equals("outcome")) {
                outcome(EasyPaisaStub.Outcome.valueOf(parts[1].toUpperCase(Locale.ROOT)));
                return plain(200, "outcome " + outcome.get());
            }
        } catch (IllegalArgumentException e) {
            return plain(400, "outcomes: " + java.util.Arrays.toString(EasyPaisaStub.Outcome.values()));
        }
        if (parts.length == 3 && parts[0].equals("status")) {
            return ledger.settle(parts[1], parts[2].toUpperCase(Locale.ROOT))
                    ? plain(200, parts[1] + " " + parts[2].toUpperCase(Locale.ROOT)) : plain(404, "no such order");
        }
        return plain(404, "POST /__stub/outcome/<OUTCOME> or /__stub/status/<orderId>/<STATUS>");
    }

    // ------------------------------------------------------------------------------------ helpers

    private ResponseDefinition code(String responseCode, String description, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("responseCode", responseCode);
        body.put("responseDesc", description);
        return late(ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Json.write(body)).build(), Duration.ZERO);
    }

    private ResponseDefinition errorPage(String message) {
        return late(html(200, "<!DOCTYPE html><html><head><title>Easypay</title></head><body><div class=\"error\">"
                + message + "</div></body></html>"), Duration.ZERO);
    }

    private static ResponseDefinition html(int status, String page) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "text/html;charset=UTF-8").withBody(page).build();
    }

    private static ResponseDefinition plain(int status, String text) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "text/plain").withBody(text + "\n").build();
    }

    private static ResponseDefinition redirect(String location) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(302).withHeader("Location", location).build();
    }

    /** Adds the configured delay for every answer, plus {@code extra}. */
    private ResponseDefinition late(ResponseDefinition answer, Duration extra) {
        long millis = delay.get().plus(extra).toMillis();
        return millis == 0 ? answer
                : ResponseDefinitionBuilder.like(answer).withFixedDelay(Math.toIntExact(millis)).build();
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> jsonBody(Request request) {
        try {
            return Optional.ofNullable((Map<String, Object>) Json.read(request.getBodyAsString(), Map.class));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A field as text, string or number alike: EasyPaisa accepts {@code "43210"} and {@code 43210}. */
    private static Optional<String> text(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (value instanceof String string && !string.isBlank()) {
            return Optional.of(string.strip());
        }
        if (value instanceof Number number) {
            return Optional.of(new BigDecimal(number.toString()).toPlainString());
        }
        return Optional.empty();
    }

    private static Optional<Instant> readExpiry(String text) {
        try {
            return Optional.of(LocalDateTime.parse(text, EXPIRY).atZone(KARACHI).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                fields.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                        equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder(count);
        digits.append(1 + RANDOM.nextInt(9));
        while (digits.length() < count) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }
}
