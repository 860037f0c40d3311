package io.tijarat.web.payment;

import static io.tijarat.web.testing.Http.field;
import static io.tijarat.web.testing.TestSql.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.plugin.testkit.Eventually;
import io.tijarat.plugin.easypaisa.stub.EasyPaisaStub;
import io.tijarat.plugin.jazzcash.stub.JazzCashStub;
import io.tijarat.web.testing.Http;
import io.tijarat.web.testing.PayaraTestServer;
import io.tijarat.web.testing.PaymentStubs;
import io.tijarat.web.testing.ProviderCallCounts;
import io.tijarat.web.testing.Shop;
import io.tijarat.web.testing.TestPlugins;
import io.tijarat.web.testing.TestSql;
import io.tijarat.web.testing.TijaratIT;
import io.tijarat.web.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A storefront paying for orders with every bundled method, end to end over HTTP: the bundled JazzCash and
 * EasyPaisa plugins, loaded from the plugin directory like third-party jars, talk to their stubs (real HTTP
 * servers that check every hash and encryption); the test plays the customer's browser through the
 * gateways' hosted pages and back to the shop's return URL, and plays the gateway sending its IPN. Bank
 * transfers are settled by an admin and by a statement upload.
 */
@TijaratIT
@RunAsClient
class PaymentsEndToEndIT {

    /** A browser: keeps no cookies, follows no redirects (each hop is asserted). */
    private static final HttpClient BROWSER = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ACTION = Pattern.compile("<form[^>]*action=['\"]([^'\"]*)['\"]");
    private static final Pattern HIDDEN = Pattern.compile("<input type=['\"]hidden['\"] name=['\"]([^'\"]*)['\"] value=['\"]([^'\"]*)['\"]");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PayaraTestServer.realWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void a_jazzcash_wallet_payment_approved_on_the_phone_pays_the_order_at_once() {
        var http = new Http(base);
        PaymentStubs.jazzCash().outcome(JazzCashStub.Outcome.SUCCESS);

        var checkout = new Shop(http).checkoutWith("jazzcash", ",\"paymentMethod\":\"WALLET\",\"wallet\":{\"number\":\"0300-1234567\","
                + "\"cnicLastSix\":\"345678\"}");

        assertEquals("PAID", field(checkout.body(), "order.status"), checkout.body());
        String attemptId = field(checkout.body(), "order.payment.attemptId");
        assertEquals(io.tijarat.plugin.jazzcash.stub.StubTransaction.COMPLETED,
                PaymentStubs.jazzCash().transaction(attemptId).orElseThrow().status(),
                "the stub charged the wallet once under the attempt id");
        assertEquals("PAID", customerView(http, checkout).getString("status"));
    }

    @Test
    void after_a_declined_wallet_payment_the_customer_pays_again_another_way_but_never_while_money_may_move() {
        var http = new Http(base);
        PaymentStubs.jazzCash().outcome(JazzCashStub.Outcome.DECLINE);
        HttpResponse<String> checkout;
        try {
            checkout = new Shop(http).checkoutWith("jazzcash", ",\"wallet\":{\"number\":\"03001234567\",\"cnicLastSix\":\"345678\"}");
        } finally {
            PaymentStubs.jazzCash().outcome(JazzCashStub.Outcome.SUCCESS);
        }
        assertEquals("DECLINED", field(checkout.body(), "order.payment.status"), checkout.body());
        String orderId = field(checkout.body(), "order.id");
        String token = field(checkout.body(), "accessToken");

        var wrongToken = http.post("/api/orders/" + orderId + "/payments", "{\"paymentProvider\":\"cod\"}",
                "X-Order-Token", "not-the-token", "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(404, wrongToken.statusCode(), wrongToken.body());

        String key = UUID.randomUUID().toString();
        var voucher = http.post("/api/orders/" + orderId + "/payments",
                "{\"paymentProvider\":\"jazzcash\",\"paymentMethod\":\"VOUCHER\"}", "X-Order-Token", token, "Idempotency-Key", key);
        assertEquals(201, voucher.statusCode(), voucher.body());
        assertEquals("PAY_VOUCHER", field(voucher.body(), "payment.nextAction.type"), voucher.body());
        var replayed = http.post("/api/orders/" + orderId + "/payments",
                "{\"paymentProvider\":\"jazzcash\",\"paymentMethod\":\"VOUCHER\"}", "X-Order-Token", token, "Idempotency-Key", key);
        assertEquals(field(voucher.body(), "payment.attemptId"), field(replayed.body(), "payment.attemptId"),
                "a retried request makes no second attempt");

        var whileVoucherOpen = http.post("/api/orders/" + orderId + "/payments", "{\"paymentProvider\":\"cod\"}",
                "X-Order-Token", token, "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(409, whileVoucherOpen.statusCode(), "the voucher may still be paid: " + whileVoucherOpen.body());
        assertEquals(2, count("select count(*) from payment_attempt where order_id = ?", orderId));
    }

    @Test
    void a_wallet_payment_pending_with_157_and_approved_later_is_paid_once_even_when_the_ipn_is_lost() {
        var http = new Http(base);
        var stub = PaymentStubs.jazzCash();
        HttpResponse<String> checkout;
        // Given JazzCash answers the wallet charge with 157: "transaction is pending", the customer has not approved
        stub.answerPaymentsWith("157");
        try {
            checkout = new Shop(http).checkoutWith("jazzcash", WALLET);
        } finally {
            stub.answerPaymentsWith(null);
        }
        assertEquals("PENDING", field(checkout.body(), "order.payment.status"), "157 is not a decline: " + checkout.body());
        String orderId = field(checkout.body(), "order.id");
        String attemptId = field(checkout.body(), "order.payment.attemptId");
        String token = field(checkout.body(), "accessToken");

        // While it is pending, the reconciler's inquiry finds it still pending, and paying again is refused
        http.post("/api/admin/payments/reconcile", null, "Authorization", Tokens.admin());
        assertEquals("PENDING_PAYMENT", customerView(http, checkout).getString("status"));
        var payAgain = http.post("/api/orders/" + orderId + "/payments",
                "{\"paymentProvider\":\"jazzcash\",\"wallet\":{\"number\":\"03001234567\",\"cnicLastSix\":\"345678\"}}",
                "X-Order-Token", token, "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(409, payAgain.statusCode(), "the first charge may still be approved: " + payAgain.body());

        // When the customer approves on the phone later, and JazzCash's IPN never arrives, and the ten minutes
        // after which JazzCash reports an attempt reliably (its plugin's first inquiry) pass
        stub.report(attemptId, "000");
        assertEquals(1, TestSql.update("update payment_attempt set created_at = created_at - interval 11 minute, next_check_at = null"
                + " where id = ?", attemptId));

        // Then the reconciler's inquiry finds it paid, and the order is paid once, by the one charge
        Eventually.await(Duration.ofSeconds(30), "the reconciler's inquiry finds the payment", () -> {
            http.post("/api/admin/payments/reconcile", null, "Authorization", Tokens.admin());
            return "PAID".equals(customerView(http, checkout).getString("status"));
        });
        assertEquals(1, count("select count(*) from payment_attempt where order_id = ?", orderId));
        assertEquals(1, count("select count(*) from payment_attempt where order_id = ? and status = 'APPROVED'", orderId));
        assertEquals(io.tijarat.plugin.jazzcash.stub.StubTransaction.COMPLETED, stub.transaction(attemptId).orElseThrow().status());
    }

    /**
     * The test servers give JazzCash's wallet start a 6 s budget ({@code tijarat.provider.jazzcash.ft.start.timeout-ms},
     * {@link PaymentStubs}); the plugin's own wallet timeout is 70 s, so only the core's budget can end the call.
     */
    @Test
    void a_gateway_answering_inside_the_budget_is_believed_and_one_answering_after_it_is_settled_by_inquiry() {
        var http = new Http(base);
        var stub = PaymentStubs.jazzCash();
        stub.outcome(JazzCashStub.Outcome.SUCCESS);
        // one payment without delay first, so that the timed ones measure the gateway, not a cold server
        assertEquals("PAID", field(new Shop(http).checkoutWith("jazzcash", WALLET).body(), "order.status"));
        long timeoutsBefore = ProviderCallCounts.of(http, "jazzcash", "start", "timeout");

        // Given the gateway answers one second inside the budget, the payment is approved at once
        HttpResponse<String> inTime;
        stub.delayAnswers(Duration.ofSeconds(5));
        try {
            inTime = new Shop(http).checkoutWith("jazzcash", WALLET);
        } finally {
            stub.delayAnswers(Duration.ZERO);
        }
        assertEquals("PAID", field(inTime.body(), "order.status"), inTime.body());

        // When it answers one second after the budget ...
        HttpResponse<String> late;
        long started = System.nanoTime();
        stub.delayAnswers(Duration.ofSeconds(7));
        try {
            late = new Shop(http).checkoutWith("jazzcash", WALLET);
        } finally {
            stub.delayAnswers(Duration.ZERO);
        }
        long millis = java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        // ... then the plugin's request ends with the budget (not the core's interrupt 2 s later) as Unknown ...
        assertEquals("UNKNOWN", field(late.body(), "order.payment.status"), late.body());
        assertTrue(millis < 7_500, "the checkout waited " + millis + " ms");
        assertEquals(timeoutsBefore, ProviderCallCounts.of(http, "jazzcash", "start", "timeout"),
                "the outer fault-tolerance timeout fired: the timeouts do not nest");
        // ... and, once JazzCash reports attempts reliably (ten minutes, let pass here), the inquiry finds the
        // charge the gateway made after all: paid once
        String attemptId = field(late.body(), "order.payment.attemptId");
        assertEquals(1, TestSql.update("update payment_attempt set created_at = created_at - interval 11 minute,"
                + " next_check_at = null where id = ?", attemptId));
        Eventually.await(Duration.ofSeconds(30), "the reconciler's inquiry settles the unknown payment", () -> {
            http.post("/api/admin/payments/reconcile", null, "Authorization", Tokens.admin());
            return "PAID".equals(customerView(http, late).getString("status"));
        });
        assertEquals(io.tijarat.plugin.jazzcash.stub.StubTransaction.COMPLETED, stub.transaction(attemptId).orElseThrow().status());
    }

    private static final String WALLET = ",\"paymentMethod\":\"WALLET\",\"wallet\":{\"number\":\"0300-1234567\","
            + "\"cnicLastSix\":\"345678\"}";


    @Test
    void a_wallet_number_that_is_not_a_mobile_is_refused_before_any_order_exists() {
        var http = new Http(base);
        var shop = new Shop(http);
        int ordersBefore = count("select count(*) from customer_order where id <> ?", "x");

        var refused = shop.attemptCheckout("jazzcash", ",\"paymentMethod\":\"WALLET\",\"wallet\":{\"number\":\"042-35761234\"}");

        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("wallet.number"), refused.body());
        assertEquals(ordersBefore, count("select count(*) from customer_order where id <> ?", "x"));
    }

    @Test
    void a_jazzcash_card_payment_on_the_hosted_page_returns_to_the_shop_and_is_applied_once() throws Exception {
        var http = new Http(base);
        var checkout = new Shop(http).checkoutWith("jazzcash", ",\"paymentMethod\":\"CARD\"");
        assertEquals("PENDING_PAYMENT", field(checkout.body(), "order.status"));
        String attemptId = field(checkout.body(), "order.payment.attemptId");

        // The storefront renders the redirect; the browser posts it to JazzCash, the customer pays there.
        HttpResponse<String> page = postForm(URI.create(field(checkout.body(), "order.payment.nextAction.url")),
                nextActionFields(checkout.body()));
        assertEquals(200, page.statusCode(), page.body());
        HttpResponse<String> done = postForm(PaymentStubs.jazzCash().baseUrl().resolve(JazzCashStub.CHECKOUT_DONE_PATH),
                Map.of("ref", attemptId, "choice", "pay"));
        // JazzCash's page posts the signed result to pp_ReturnURL: the shop's return endpoint.
        Form back = form(done.body());
        assertEquals(URI.create("http://127.0.0.1:" + base.getPort() + "/api/payments/return/jazzcash"), back.action());

        HttpResponse<String> landing = postForm(back.action(), back.fields());
        assertEquals(200, landing.statusCode(), landing.body());
        assertTrue(landing.body().contains(field(checkout.body(), "order.number") + " is paid"), landing.body());
        assertEquals("PAID", customerView(http, checkout).getString("status"));

        // The customer presses Back and the browser posts the same return again: nothing happens twice.
        HttpResponse<String> again = postForm(back.action(), back.fields());
        assertEquals(200, again.statusCode());
        assertEquals(1, count("select count(*) from provider_event where attempt_id = ?", attemptId));
        assertEquals(1, count("select count(*) from order_history where order_id = ? and to_status = 'PAID'",
                field(checkout.body(), "order.id")));
    }

    @Test
    void a_tampered_return_changes_nothing_and_the_customer_is_told_the_payment_is_being_confirmed() throws Exception {
        var http = new Http(base);
        var checkout = new Shop(http).checkoutWith("jazzcash", ",\"paymentMethod\":\"CARD\"");
        String attemptId = field(checkout.body(), "order.payment.attemptId");
        postForm(URI.create(field(checkout.body(), "order.payment.nextAction.url")), nextActionFields(checkout.body()));
        Form back = form(postForm(PaymentStubs.jazzCash().baseUrl().resolve(JazzCashStub.CHECKOUT_DONE_PATH),
                Map.of("ref", attemptId, "choice", "decline")).body());

        Map<String, String> forged = new LinkedHashMap<>(back.fields());
        forged.put("pp_ResponseCode", "000"); // "declined" rewritten as "paid", the hash left as it was
        HttpResponse<String> landing = postForm(back.action(), forged);

        assertEquals(400, landing.statusCode());
        assertTrue(landing.body().contains("confirming your payment"), landing.body());
        assertEquals("PENDING_PAYMENT", customerView(http, checkout).getString("status"));
        assertEquals(0, count("select count(*) from provider_event where attempt_id = ?", attemptId));

        // The genuine return, declined, is applied: the customer may try again.
        HttpResponse<String> genuine = postForm(back.action(), back.fields());
        assertEquals(200, genuine.statusCode());
        assertTrue(genuine.body().contains("did not go through"), genuine.body());
        assertEquals("DECLINED", customerView(http, checkout).getJsonObject("payment").getString("status"));
    }

    @Test
    void a_jazzcash_voucher_stays_pending_until_paid_at_a_shop_and_the_ipn_settles_it() {
        var http = new Http(base);
        var checkout = new Shop(http).checkoutWith("jazzcash", ",\"paymentMethod\":\"VOUCHER\"");
        assertEquals("PENDING_PAYMENT", field(checkout.body(), "order.status"));
        assertEquals("PAY_VOUCHER", field(checkout.body(), "order.payment.nextAction.type"), checkout.body());
        assertNotNull(field(checkout.body(), "order.payment.nextAction.voucherCode"));
        String attemptId = field(checkout.body(), "order.payment.attemptId");

        PaymentStubs.jazzCash().payVoucher(attemptId);
        var ipn = http.post("/api/webhooks/jazzcash", PaymentStubs.jazzCash().callbackBody(attemptId),
                "Content-Type", "application/x-www-form-urlencoded");

        assertEquals(200, ipn.statusCode(), ipn.body());
        Eventually.await(Duration.ofSeconds(20), "the IPN is applied",
                () -> "PAID".equals(customerView(http, checkout).getString("status")));
    }

    @Test
    void an_easypaisa_hosted_checkout_takes_both_browser_steps_and_is_confirmed_by_inquiry() throws Exception {
        var http = new Http(base);
        PaymentStubs.easyPaisa().willAnswer(EasyPaisaStub.Outcome.SUCCESS);
        var checkout = new Shop(http).checkoutWith("easypaisa", ",\"paymentMethod\":\"ANY\"");
        assertEquals("REDIRECT", field(checkout.body(), "order.payment.nextAction.type"), checkout.body());

        // Index.jsf sends the browser back to the shop with an auth_token ...
        HttpResponse<String> first = postForm(URI.create(field(checkout.body(), "order.payment.nextAction.url")),
                nextActionFields(checkout.body()));
        assertEquals(302, first.statusCode(), first.body());
        URI tokenReturn = URI.create(first.headers().firstValue("Location").orElseThrow());
        assertTrue(tokenReturn.toString().startsWith("http://127.0.0.1:" + base.getPort() + "/api/payments/return/easypaisa?"),
                tokenReturn.toString());
        // ... where the shop answers with the second form, to Confirm.jsf ...
        HttpResponse<String> onward = get(tokenReturn);
        assertEquals(200, onward.statusCode(), onward.body());
        Form confirm = form(onward.body());
        assertTrue(confirm.action().getPath().endsWith("/easypay/Confirm.jsf"), confirm.action().toString());
        // ... which sends the browser back with the (unsigned) result; inquiry confirms it.
        HttpResponse<String> second = postForm(confirm.action(), confirm.fields());
        assertEquals(302, second.statusCode(), second.body());
        HttpResponse<String> landing = get(URI.create(second.headers().firstValue("Location").orElseThrow()));

        assertEquals(200, landing.statusCode(), landing.body());
        assertTrue(landing.body().contains("is paid"), landing.body());
        assertEquals("PAID", customerView(http, checkout).getString("status"));
    }

    @Test
    void an_easypaisa_return_that_claims_success_for_a_failed_payment_is_not_believed() throws Exception {
        var http = new Http(base);
        PaymentStubs.easyPaisa().willAnswer(EasyPaisaStub.Outcome.FAILED_WITH_0000);
        try {
            var checkout = new Shop(http).checkoutWith("easypaisa", ",\"paymentMethod\":\"ANY\"");
            HttpResponse<String> first = postForm(URI.create(field(checkout.body(), "order.payment.nextAction.url")),
                    nextActionFields(checkout.body()));
            Form confirm = form(get(URI.create(first.headers().firstValue("Location").orElseThrow())).body());
            HttpResponse<String> second = postForm(confirm.action(), confirm.fields());
            assertTrue(second.headers().firstValue("Location").orElseThrow().contains("status=0000"));

            HttpResponse<String> landing = get(URI.create(second.headers().firstValue("Location").orElseThrow()));

            assertFalse(landing.body().contains("is paid"), landing.body());
            assertEquals("PENDING_PAYMENT", customerView(http, checkout).getString("status"));
            assertEquals("DECLINED", customerView(http, checkout).getJsonObject("payment").getString("status"));
        } finally {
            PaymentStubs.easyPaisa().willAnswer(EasyPaisaStub.Outcome.SUCCESS);
        }
    }

    @Test
    void an_easypaisa_voucher_paid_at_a_shop_is_settled_by_the_ipn_which_is_only_believed_after_inquiry() throws Exception {
        var http = new Http(base);
        PaymentStubs.easyPaisa().willAnswer(EasyPaisaStub.Outcome.SUCCESS);
        var checkout = new Shop(http).checkoutWith("easypaisa", ",\"paymentMethod\":\"VOUCHER\"");
        assertEquals("PAY_VOUCHER", field(checkout.body(), "order.payment.nextAction.type"), checkout.body());
        String attemptId = field(checkout.body(), "order.payment.attemptId");
        URI ipnEndpoint = URI.create("http://127.0.0.1:" + base.getPort() + "/api/webhooks/easypaisa");

        // An IPN before the voucher is paid: stored, confirmed by inquiry (still pending), nothing changes.
        assertEquals(200, PaymentStubs.easyPaisa().sendIpn(ipnEndpoint, attemptId));
        Thread.sleep(1_000);
        assertEquals("PENDING_PAYMENT", customerView(http, checkout).getString("status"));

        PaymentStubs.easyPaisa().settle(attemptId, "PAID");
        // EasyPaisa repeats the same IPN: its event key was seen, so the reconciler's sweep confirms it
        assertEquals(200, PaymentStubs.easyPaisa().sendIpn(ipnEndpoint, attemptId));
        Eventually.await(Duration.ofSeconds(30), "inquiry confirms the payment", () -> {
            http.post("/api/admin/payments/reconcile", null, "Authorization", Tokens.admin());
            return "PAID".equals(customerView(http, checkout).getString("status"));
        });
    }

    @Test
    void an_easypaisa_mobile_account_0000_is_confirmed_by_an_inquiry_at_once() {
        var http = new Http(base);
        PaymentStubs.easyPaisa().willAnswer(EasyPaisaStub.Outcome.SUCCESS);

        var checkout = new Shop(http).checkoutWith("easypaisa", ",\"wallet\":{\"number\":\"03451234567\"}");

        // the 0000 alone is not believed; the inquiry straight after it says PAID
        assertEquals("PAID", field(checkout.body(), "order.status"), checkout.body());
        assertEquals("APPROVED", field(checkout.body(), "order.payment.status"), checkout.body());
    }

    @Test
    void an_easypaisa_mobile_account_payment_waits_for_the_phone_and_inquiry_settles_it() {
        var http = new Http(base);
        var stub = PaymentStubs.easyPaisa();
        HttpResponse<String> checkout;
        stub.willAnswer(EasyPaisaStub.Outcome.PENDING);
        try {
            checkout = new Shop(http).checkoutWith("easypaisa", ",\"wallet\":{\"number\":\"03451234567\"}");
        } finally {
            stub.willAnswer(EasyPaisaStub.Outcome.SUCCESS);
        }
        assertEquals("APPROVE_ON_PHONE", field(checkout.body(), "order.payment.nextAction.type"), checkout.body());

        // the customer enters the PIN later
        stub.settle(field(checkout.body(), "order.payment.attemptId"), "PAID");
        Eventually.await(Duration.ofSeconds(30), "the reconciler's inquiry finds the payment", () -> {
            http.post("/api/admin/payments/reconcile", null, "Authorization", Tokens.admin());
            return "PAID".equals(customerView(http, checkout).getString("status"));
        });
    }

    @Test
    void bank_transfers_are_confirmed_by_statement_matching_and_by_an_admin_each_exactly_once() {
        var http = new Http(base);
        var shop = new Shop(http);
        var exact = shop.checkout("bank-transfer");
        var short_ = shop.checkout("bank-transfer");
        var byHand = shop.checkout("bank-transfer");
        assertEquals("PAY_OFFLINE", field(exact.body(), "order.payment.nextAction.type"), exact.body());
        String exactNumber = field(exact.body(), "order.number");
        assertEquals(exactNumber, field(exact.body(), "order.payment.nextAction.reference"));
        assertTrue(field(exact.body(), "order.payment.nextAction.instructions").contains("PK36 SCBL"),
                "the customer sees the shop's IBAN");
        long total = Long.parseLong(field(exact.body(), "order.totalMinor"));
        String ref = UUID.randomUUID().toString().substring(0, 8);
        String statement = "Date,Transaction ID,Description,Debit,Credit,Balance\n"
                + "26/11/2026,IBFT" + ref + "1,\"IBFT from AYESHA KHAN " + exactNumber.toLowerCase().replace("-", " ") + "\",,"
                + amount(total) + ",100000.00\n"
                + "26/11/2026,IBFT" + ref + "2,Payment " + field(short_.body(), "order.number") + ",," + amount(total - 5000) + ",1\n"
                + "26/11/2026,IBFT" + ref + "3,Cash deposit,," + amount(total) + ",1\n"
                + "26/11/2026,CHG" + ref + ",Bank charges,150.00,,1\n";

        var first = http.post("/api/admin/payments/bank-statements", statement, "Content-Type", "text/csv",
                "Authorization", Tokens.admin());
        assertEquals(200, first.statusCode(), first.body());
        var lines = Json.createReader(new StringReader(first.body())).readObject().getJsonArray("lines");
        assertEquals(3, lines.size(), "the debit line is skipped: " + first.body());
        assertEquals("CONFIRMED", lines.getJsonObject(0).getString("verdict"));
        assertEquals("SHORT", lines.getJsonObject(1).getString("verdict"));
        assertEquals("NO_ORDER_NUMBER", lines.getJsonObject(2).getString("verdict"));
        assertTrue(lines.getJsonObject(2).getJsonArray("candidates").toString().contains(field(byHand.body(), "order.number")),
                "orders waiting for exactly that amount are suggested");
        assertEquals("PAID", customerView(http, exact).getString("status"));
        assertEquals("PENDING_PAYMENT", customerView(http, short_).getString("status"));

        var again = http.post("/api/admin/payments/bank-statements", statement, "Content-Type", "text/csv",
                "Authorization", Tokens.admin());
        assertTrue(again.body().contains("\"verdict\":\"ALREADY_CONFIRMED\""), again.body());
        assertEquals(1, count("select count(*) from order_history where order_id = ? and to_status = 'PAID'",
                field(exact.body(), "order.id")));

        String byHandId = field(byHand.body(), "order.id");
        var confirmed = http.post("/api/admin/orders/" + byHandId + "/bank-transfer",
                "{\"bankReference\":\"RAAST" + ref + "\",\"note\":\"seen in the bank app\"}", "Authorization", Tokens.admin());
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertEquals("PAID", field(confirmed.body(), "orderStatus"));
        var detail = http.get("/api/admin/orders/" + byHandId, "Authorization", Tokens.admin());
        assertTrue(detail.body().contains("admin:"), "who confirmed it is in the history: " + detail.body());
        var twice = http.post("/api/admin/orders/" + byHandId + "/bank-transfer",
                "{\"bankReference\":\"RAAST" + ref + "\"}", "Authorization", Tokens.admin());
        assertEquals("true", field(twice.body(), "alreadyConfirmed"), twice.body());
        var reused = http.post("/api/admin/orders/" + field(short_.body(), "order.id") + "/bank-transfer",
                "{\"bankReference\":\"RAAST" + ref + "\"}", "Authorization", Tokens.admin());
        assertEquals(409, reused.statusCode(), "one bank transaction pays one order: " + reused.body());
        var staff = http.post("/api/admin/orders/" + field(short_.body(), "order.id") + "/bank-transfer",
                "{\"bankReference\":\"X" + ref + "\"}", "Authorization", Tokens.staff());
        assertEquals(403, staff.statusCode(), "confirming money is for admins");

        // Too little is refused (the order waits for the rest); too much pays the order and flags the excess
        var tooLittle = http.post("/api/admin/orders/" + field(short_.body(), "order.id") + "/bank-transfer",
                "{\"bankReference\":\"S" + ref + "\",\"amountMinor\":" + (total - 5000) + "}", "Authorization", Tokens.admin());
        assertEquals(422, tooLittle.statusCode(), tooLittle.body());
        assertEquals("PENDING_PAYMENT", customerView(http, short_).getString("status"));
        var over = shop.checkout("bank-transfer");
        var tooMuch = http.post("/api/admin/orders/" + field(over.body(), "order.id") + "/bank-transfer",
                "{\"bankReference\":\"O" + ref + "\",\"amountMinor\":" + (total + 10000) + "}", "Authorization", Tokens.admin());
        assertEquals(200, tooMuch.statusCode(), tooMuch.body());
        assertEquals("PAID", field(tooMuch.body(), "orderStatus"));
        assertTrue(field(tooMuch.body(), "attention").contains("refund the excess"), tooMuch.body());
    }

    @Test
    void a_months_statement_larger_than_an_ordinary_request_is_read_whole() {
        var http = new Http(base);
        var order = new Shop(http).checkout("bank-transfer");
        StringBuilder statement = new StringBuilder("Date,Description,Debit,Credit\n");
        while (statement.length() < 200 * 1024) {
            statement.append("01/11/2026,POS purchase at a shop in Saddar with a long narration,1500.00,\n");
        }
        statement.append("30/11/2026,IBFT ").append(field(order.body(), "order.number")).append(",,")
                .append(amount(Long.parseLong(field(order.body(), "order.totalMinor")))).append('\n');

        var matched = http.post("/api/admin/payments/bank-statements", statement.toString(), "Content-Type", "text/csv",
                "Authorization", Tokens.admin());

        assertEquals(200, matched.statusCode(), matched.body());
        assertEquals("1", field(matched.body(), "confirmed"), matched.body());
        var tooBig = http.post("/api/admin/payments/bank-statements", statement.toString().repeat(6), "Content-Type",
                "text/csv", "Authorization", Tokens.admin());
        assertEquals(413, tooBig.statusCode(), "over 1 MiB is refused");
        var ordinary = http.post("/api/checkout", "{\"cartId\":\"" + "x".repeat(70 * 1024) + "\"}",
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(413, ordinary.statusCode(), "other requests keep the 64 KiB limit");
    }

    @Test
    void a_cash_on_delivery_order_that_needs_a_call_waits_until_staff_confirm_it() {
        var http = new Http(base);
        // A COD provider configured for phone confirmation, as cod with phone-confirmation=true answers.
        TestPlugins.dropPayment("test-cod-call", "PaymentCapability.COLLECT_ON_DELIVERY", """
                public PaymentOutcome start(PaymentRequest request) {
                    return PaymentOutcome.Pending.of(new CustomerAction.ApproveOnPhone(
                            "We will call you to confirm before we ship", java.util.Optional.empty()));
                }
                """);
        Eventually.await(Duration.ofSeconds(30), "the plugin is active",
                () -> "ACTIVE".equals(TestPlugins.state(http, "test-cod-call")));
        var checkout = new Shop(http).checkout("test-cod-call");
        assertEquals("AWAITING_CONFIRMATION", field(checkout.body(), "order.status"), checkout.body());
        String orderId = field(checkout.body(), "order.id");
        var early = http.post("/api/admin/orders/" + orderId + "/fulfil", null, "Authorization", Tokens.admin());
        assertEquals(422, early.statusCode(), "not shipped before the customer confirmed: " + early.body());

        var confirmed = http.post("/api/admin/orders/" + orderId + "/confirm", "{\"note\":\"customer answered, address ok\"}",
                "Authorization", Tokens.staff());

        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertTrue(confirmed.body().contains("customer answered, address ok"), confirmed.body());
        assertEquals("CONFIRMED", customerView(http, checkout).getString("status"));
        var again = http.post("/api/admin/orders/" + orderId + "/confirm", null, "Authorization", Tokens.staff());
        assertEquals(200, again.statusCode(), "confirming twice is harmless: " + again.body());
        PaymentStubs.jazzCash().outcome(JazzCashStub.Outcome.SUCCESS);
        var paid = new Shop(http).checkoutWith("jazzcash", ",\"wallet\":{\"number\":\"03001234567\",\"cnicLastSix\":\"345678\"}");
        var notWaiting = http.post("/api/admin/orders/" + field(paid.body(), "order.id") + "/confirm", null,
                "Authorization", Tokens.staff());
        assertEquals(409, notWaiting.statusCode(), notWaiting.body());
    }

    @Test
    void a_flood_of_notifications_is_slowed_down_with_429_before_any_plugin_sees_it() {
        var http = new Http(base);
        // a client of its own behind the trusted test proxy (127.0.0.1): the other tests' buckets stay full
        String flooder = "198.51.100." + (1 + new java.util.Random().nextInt(250));
        var sent = new java.util.ArrayList<java.util.concurrent.CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < 150; i++) {
            sent.add(BROWSER.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + base.getPort()
                            + "/api/webhooks/jazzcash")).header("Content-Type", "application/x-www-form-urlencoded")
                            .header("X-Forwarded-For", flooder)
                    .POST(HttpRequest.BodyPublishers.ofString("pp_TxnRefNo=FLOOD&pp_SecureHash=00")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        int limited = 0;
        for (var answer : sent) {
            if (answer.join().statusCode() == 429) {
                limited++;
                assertTrue(answer.join().headers().firstValue("Retry-After").isPresent());
            }
        }
        assertTrue(limited > 0, "the default limit is 20 a second with a burst of 40");
        // other providers' notifications are not held up by jazzcash's flood
        var other = http.post("/api/webhooks/easypaisa", "", "Content-Type", "application/x-www-form-urlencoded",
                "X-Forwarded-For", flooder);
        assertTrue(other.statusCode() != 429, other.body());
    }

    // ------------------------------------------------------------------------------------------- helpers

    private static String amount(long minor) {
        return (minor / 100) + "." + String.format("%02d", minor % 100);
    }

    private static JsonObject customerView(Http http, HttpResponse<String> checkout) {
        var answer = http.get("/api/orders/" + field(checkout.body(), "order.id"), "X-Order-Token",
                field(checkout.body(), "accessToken"));
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    private static Map<String, String> nextActionFields(String checkoutBody) {
        JsonObject fields = Json.createReader(new StringReader(checkoutBody)).readObject().getJsonObject("order")
                .getJsonObject("payment").getJsonObject("nextAction").getJsonObject("fields");
        Map<String, String> map = new LinkedHashMap<>();
        fields.forEach((name, value) -> map.put(name, ((jakarta.json.JsonString) value).getString()));
        return map;
    }

    /** A self-submitting form on a page: where it posts, and its hidden fields. */
    private record Form(URI action, Map<String, String> fields) {
    }

    private static Form form(String html) {
        Matcher action = ACTION.matcher(html);
        assertTrue(action.find(), "a form on the page: " + html);
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(html);
        while (hidden.find()) {
            fields.put(unescape(hidden.group(1)), unescape(hidden.group(2)));
        }
        return new Form(URI.create(unescape(action.group(1))), fields);
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static HttpResponse<String> postForm(URI target, Map<String, String> fields) throws Exception {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return BROWSER.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(URI target) throws Exception {
        return BROWSER.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
