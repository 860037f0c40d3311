package io.tijarat.web.payment;

import static io.tijarat.web.testing.TestSql.count;
import static io.tijarat.web.testing.Http.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.plugin.testkit.Eventually;
import io.tijarat.web.testing.Http;
import io.tijarat.web.testing.PayaraTestServer;
import io.tijarat.web.testing.Shop;
import io.tijarat.web.testing.TestPlugins;
import io.tijarat.web.testing.TijaratIT;
import io.tijarat.web.testing.Tokens;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost, nothing twice: callbacks verified over the raw bytes and applied once however often (and
 * however concurrently) they arrive, forged ones refused, out-of-order ones unable to move an order back,
 * unknown attempts settled by the reconciler's inquiry, and a payment after expiry flagged for refund.
 * The providers are third-party test plugins dropped into the running server.
 */
@TijaratIT
@RunAsClient
class PaymentSettlementIT {

    private static final String SECRET = "test-callback-secret";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PayaraTestServer.realWar();
    }

    @ArquillianResource
    URL base;

    private Http http;
    private Shop shop;

    @BeforeEach
    void plugins() {
        http = new Http(base);
        shop = new Shop(http);
        if (TestPlugins.state(http, "test-callbacks") == null) {
            String verify = """
                    public CallbackOutcome verifyCallback(io.tijarat.spi.CallbackRequest request) {
                        try {
                            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
                            mac.init(new javax.crypto.spec.SecretKeySpec("%SECRET%".getBytes(), "HmacSHA256"));
                            String expected = java.util.HexFormat.of().formatHex(mac.doFinal(request.body()));
                            String given = request.header("X-Signature").orElse("");
                            if (!java.security.MessageDigest.isEqual(expected.getBytes(), given.getBytes())) {
                                return new CallbackOutcome.Rejected("bad signature");
                            }
                        } catch (java.security.GeneralSecurityException e) {
                            return new CallbackOutcome.Rejected(e.toString());
                        }
                        var f = new java.util.HashMap<String, String>();
                        for (String pair : request.bodyText().split("&")) {
                            f.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                        }
                        var attempt = io.tijarat.spi.IdempotencyKey.of(f.get("attempt"));
                        InquiryOutcome status = f.get("status").equals("PAID")
                                ? new InquiryOutcome.Paid("CB-" + f.get("event"), io.tijarat.spi.Money.pkr(Long.parseLong(f.get("amount"))))
                                : new InquiryOutcome.Failed("DECLINED", "declined by the customer");
                        return new CallbackOutcome.Verified(f.get("event"), attempt, status, false, io.tijarat.spi.CallbackReply.ok());
                    }
                    """.replace("%SECRET%", SECRET);
            String pendingStart = """
                    public PaymentOutcome start(PaymentRequest request) {
                        return PaymentOutcome.Pending.of(new CustomerAction.ApproveOnPhone("approve on your phone", java.util.Optional.empty()));
                    }
                    """;
            TestPlugins.dropPayment("test-callbacks", "PaymentCapability.CALLBACKS", pendingStart + verify);
            TestPlugins.dropPayment("test-expiring", "PaymentCapability.CALLBACKS, PaymentCapability.INQUIRY", pendingStart + verify + """
                    public InquiryOutcome inquire(InquiryRequest request) {
                        return new InquiryOutcome.Pending(java.util.Optional.empty());
                    }
                    public java.time.Duration attemptExpiresAfter() {
                        return java.time.Duration.ofSeconds(1);
                    }
                    """);
            TestPlugins.dropPayment("test-inquiry", "PaymentCapability.INQUIRY", """
                    public PaymentOutcome start(PaymentRequest request) {
                        return PaymentOutcome.Unknown.of("the gateway timed out");
                    }
                    public InquiryOutcome inquire(InquiryRequest request) {
                        return new InquiryOutcome.Paid("INQ-" + request.attemptId(), request.amount());
                    }
                    """);
        }
        Eventually.await(Duration.ofSeconds(30), "the test payment plugins are active",
                () -> List.of("test-callbacks", "test-expiring", "test-inquiry").stream()
                        .allMatch(id -> "ACTIVE".equals(TestPlugins.state(http, id))));
    }

    @Test
    void the_reconciler_settles_an_unknown_attempt_by_inquiry() {
        var order = shop.checkout("test-inquiry");
        assertEquals("UNKNOWN", field(order.body(), "order.payment.status"));
        assertEquals("PENDING_PAYMENT", field(order.body(), "order.status"));

        Eventually.await(Duration.ofSeconds(20), "the reconciler settles it", () -> {
            reconcile();
            return "PAID".equals(orderStatus(order));
        });
        assertEquals("APPROVED", field(status(order).body(), "payment.status"));
    }

    @Test
    void a_callback_delivered_four_times_some_at_once_is_applied_once() throws Exception {
        var order = shop.checkout("test-callbacks");
        assertEquals("PENDING", field(order.body(), "order.payment.status"));
        String body = callback(order, "PAID", "evt-" + UUID.randomUUID());

        List<CompletableFuture<HttpResponse<String>>> concurrent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            concurrent.add(CompletableFuture.supplyAsync(() -> send("test-callbacks", body, sign(body))));
        }
        for (var f : concurrent) {
            assertEquals(200, f.get().statusCode(), f.get().body());
        }
        assertEquals(200, send("test-callbacks", body, sign(body)).statusCode());

        Eventually.await(Duration.ofSeconds(20), "the callback is applied", () -> "PAID".equals(orderStatus(order)));
        String orderId = field(order.body(), "order.id");
        assertEquals(1, count("SELECT COUNT(*) FROM provider_event e JOIN payment_attempt a ON a.id = e.attempt_id"
                + " WHERE a.order_id = ?", orderId), "stored once");
        assertEquals(1, count("SELECT COUNT(*) FROM order_history WHERE order_id = ? AND to_status = 'PAID'", orderId),
                "paid once");

        // An older "declined" arriving late (another event) cannot move the order back.
        String late = callback(order, "FAILED", "evt-" + UUID.randomUUID());
        assertEquals(200, send("test-callbacks", late, sign(late)).statusCode());
        Eventually.await(Duration.ofSeconds(20), "the late event is processed",
                () -> count("SELECT COUNT(*) FROM provider_event e JOIN payment_attempt a ON a.id = e.attempt_id"
                        + " WHERE a.order_id = ? AND e.state = 'APPLIED'", orderId) == 2);
        assertEquals("PAID", orderStatus(order));
        assertEquals("APPROVED", field(status(order).body(), "payment.status"));
    }

    @Test
    void a_forged_callback_is_refused_counted_and_changes_nothing() {
        var order = shop.checkout("test-callbacks");
        String body = callback(order, "PAID", "evt-" + UUID.randomUUID());
        long before = rejectedCount();

        var forged = send("test-callbacks", body, sign(body.replace("amount=", "amount=1")));
        var tampered = send("test-callbacks", body.replace("amount=", "amount=9"), sign(body));

        assertEquals(401, forged.statusCode());
        assertEquals(401, tampered.statusCode());
        assertEquals(before + 2, rejectedCount());
        reconcile();
        assertEquals("PENDING_PAYMENT", orderStatus(order));
        assertEquals(0, count("SELECT COUNT(*) FROM provider_event e JOIN payment_attempt a ON a.id = e.attempt_id"
                + " WHERE a.order_id = ?", field(order.body(), "order.id")));
    }

    @Test
    void an_unpaid_order_expires_with_its_stock_and_a_payment_after_that_is_flagged_for_refund() {
        var order = shop.checkout("test-expiring");
        Eventually.await(Duration.ofSeconds(20), "the order expires", () -> {
            reconcile();
            return "EXPIRED".equals(orderStatus(order));
        });

        String late = callback(order, "PAID", "evt-" + UUID.randomUUID());
        assertEquals(200, send("test-expiring", late, sign(late)).statusCode());

        String attempt = field(order.body(), "order.payment.attemptId");
        Eventually.await(Duration.ofSeconds(20), "the late payment is recorded",
                () -> count("SELECT COUNT(*) FROM payment_attempt WHERE id = ? AND attention LIKE '%refund the customer%'",
                        attempt) == 1);
        assertEquals("EXPIRED", orderStatus(order), "a payment after expiry does not revive the order");
    }

    // --- helpers ------------------------------------------------------------------------------------

    private static String callback(HttpResponse<String> order, String status, String event) {
        return "attempt=" + field(order.body(), "order.payment.attemptId") + "&status=" + status + "&event=" + event
                + "&amount=" + field(order.body(), "order.totalMinor");
    }

    private HttpResponse<String> send(String provider, String body, String signature) {
        return http.send("POST", "/api/webhooks/" + provider, body, "Content-Type", "application/x-www-form-urlencoded",
                "X-Signature", signature);
    }

    private static String sign(String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void reconcile() {
        assertEquals(200, http.post("/api/admin/payments/reconcile", "", "Authorization", Tokens.admin()).statusCode());
    }

    private HttpResponse<String> status(HttpResponse<String> order) {
        return http.get("/api/orders/" + field(order.body(), "order.id"), "X-Order-Token", field(order.body(), "accessToken"));
    }

    private String orderStatus(HttpResponse<String> order) {
        return field(status(order).body(), "status");
    }

    private long rejectedCount() {
        for (String line : http.get("/metrics").body().split("\n")) {
            if (line.startsWith("tijarat_callbacks_rejected_total") && line.contains("provider=\"test-callbacks\"")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }
}
