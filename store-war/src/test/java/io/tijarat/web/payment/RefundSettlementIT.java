package io.tijarat.web.payment;

import static io.tijarat.web.testing.Http.field;
import static io.tijarat.web.testing.TestSql.count;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.plugin.testkit.Eventually;
import io.tijarat.plugin.jazzcash.stub.JazzCashStub;
import io.tijarat.web.testing.Http;
import io.tijarat.web.testing.PayaraTestServer;
import io.tijarat.web.testing.PaymentStubs;
import io.tijarat.web.testing.Shop;
import io.tijarat.web.testing.TestPlugins;
import io.tijarat.web.testing.TijaratIT;
import io.tijarat.web.testing.Tokens;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refunds that settle: the reconciler asks JazzCash (the stub) about a pending refund and settles it; a refund
 * the provider cannot be asked about waits for staff, and an admin resolves it (audited, once: again is 409); a
 * refund of an order with two approved payments must name the one it refunds.
 */
@TijaratIT
@RunAsClient
class RefundSettlementIT {

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
        if (TestPlugins.state(http, "test-refund-later") == null) {
            // Refunds are taken and completed later; the gateway cannot be asked about them (SPI default).
            TestPlugins.dropPayment("test-refund-later", "PaymentCapability.REFUND, PaymentCapability.PARTIAL_REFUND", """
                    public PaymentOutcome start(PaymentRequest request) {
                        return new PaymentOutcome.Approved("PAY-" + request.attemptId(), request.amount());
                    }
                    public RefundOutcome refund(RefundRequest request) {
                        return new RefundOutcome.Pending(java.util.Optional.of("RQ-" + request.refundId()));
                    }
                    """);
            // Declines a voucher, approves anything else; a callback reports an attempt paid (unsigned: a test).
            TestPlugins.dropPayment("test-twice", "PaymentCapability.REFUND, PaymentCapability.PARTIAL_REFUND,"
                    + " PaymentCapability.CALLBACKS", """
                    public PaymentOutcome start(PaymentRequest request) {
                        return request.method() == PaymentMethod.VOUCHER
                                ? new PaymentOutcome.Declined("51", "declined")
                                : new PaymentOutcome.Approved("PAY-" + request.attemptId(), request.amount());
                    }
                    public RefundOutcome refund(RefundRequest request) {
                        return new RefundOutcome.Refunded("RF-" + request.attemptId());
                    }
                    public CallbackOutcome verifyCallback(io.tijarat.spi.CallbackRequest request) {
                        var f = new java.util.HashMap<String, String>();
                        for (String pair : request.bodyText().split("&")) {
                            f.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
                        }
                        return new CallbackOutcome.Verified(f.get("event"), io.tijarat.spi.IdempotencyKey.of(f.get("attempt")),
                                new InquiryOutcome.Paid("LATE-" + f.get("event"), io.tijarat.spi.Money.pkr(Long.parseLong(f.get("amount")))),
                                false, io.tijarat.spi.CallbackReply.ok());
                    }
                    """);
        }
        Eventually.await(Duration.ofSeconds(30), "the test payment plugins are active",
                () -> List.of("test-refund-later", "test-twice").stream()
                        .allMatch(id -> "ACTIVE".equals(TestPlugins.state(http, id))));
    }

    @Test
    void a_pending_jazzcash_refund_is_settled_by_the_reconciler_asking_jazzcash() {
        PaymentStubs.jazzCash().outcome(JazzCashStub.Outcome.SUCCESS);
        var order = shop.checkoutWith("jazzcash", ",\"paymentMethod\":\"WALLET\",\"wallet\":{\"number\":\"0300-1234567\","
                + "\"cnicLastSix\":\"345678\"}");
        assertEquals("PAID", field(order.body(), "order.status"), order.body());
        String orderId = field(order.body(), "order.id");
        String attemptId = field(order.body(), "order.payment.attemptId");
        long total = Long.parseLong(field(order.body(), "order.totalMinor"));
        PaymentStubs.jazzCash().answerRefundWith(attemptId, "157"); // JazzCash takes it, to complete later

        var refund = refund(orderId, "{\"amountMinor\":" + total + ",\"reason\":\"order returned\"}");
        assertEquals(201, refund.statusCode(), refund.body());
        assertEquals("PENDING", field(refund.body(), "status"), refund.body());
        assertEquals(attemptId, field(refund.body(), "attemptId"));
        assertEquals("0", field(refund.body(), "orderRefundedMinor"), "a pending refund is not applied yet");
        assertTrue(PaymentStubs.jazzCash().requestsTo(JazzCashStub.REFUND_PATH).stream()
                .anyMatch(f -> attemptId.equals(f.get("pp_TxnRefNo"))), "a wallet payment goes to the wallet refund API");

        PaymentStubs.jazzCash().report(attemptId, "131"); // JazzCash completed it: "Transaction is Refunded"
        String refundId = field(refund.body(), "id");
        Eventually.await(Duration.ofSeconds(150), "the reconciler settles the refund", () -> {
            reconcile();
            return "SUCCEEDED".equals(field(http.get("/api/admin/refunds/" + refundId, "Authorization", Tokens.admin()).body(),
                    "status"));
        });

        var detail = http.get("/api/admin/orders/" + orderId, "Authorization", Tokens.admin());
        assertEquals(String.valueOf(total), field(detail.body(), "refundedMinor"), detail.body());
        assertEquals("REFUNDED", field(detail.body(), "summary.status"), detail.body());
        assertTrue(PaymentStubs.jazzCash().requestsTo(JazzCashStub.INQUIRY_PATH).stream()
                .anyMatch(f -> attemptId.equals(f.get("pp_TxnRefNo"))), "settled by asking JazzCash");
    }

    @Test
    void a_refund_the_provider_cannot_be_asked_about_waits_for_staff_and_an_admin_resolves_it_once() {
        var order = shop.checkout("test-refund-later");
        String orderId = field(order.body(), "order.id");

        var first = refund(orderId, "{\"amountMinor\":3000,\"reason\":\"broken item\"}");
        var second = refund(orderId, "{\"amountMinor\":2000,\"reason\":\"late delivery\"}");
        assertEquals("PENDING", field(first.body(), "status"), first.body());
        String firstId = field(first.body(), "id");
        String secondId = field(second.body(), "id");
        Eventually.await(Duration.ofSeconds(60), "the reconciler hands both to staff", () -> {
            reconcile();
            return count("SELECT COUNT(*) FROM refund WHERE order_id = ? AND status = 'AWAITING_STAFF'", orderId) == 2;
        });
        var waiting = http.get("/api/admin/refunds?status=AWAITING_STAFF&size=100", "Authorization", Tokens.staff());
        assertEquals(200, waiting.statusCode(), waiting.body());
        assertTrue(waiting.body().contains(firstId) && waiting.body().contains("cannot be asked"), waiting.body());

        String succeeded = "{\"outcome\":\"succeeded\",\"gatewayReference\":\"PORTAL-77\",\"reason\":\"refunded in the portal\"}";
        assertEquals(401, http.post("/api/admin/refunds/" + firstId + "/resolution", succeeded,
                "Idempotency-Key", UUID.randomUUID().toString()).statusCode());
        assertEquals(403, resolve(firstId, succeeded, Tokens.staff(), UUID.randomUUID().toString()).statusCode());
        assertEquals(400, resolve(firstId, "{\"outcome\":\"succeeded\",\"reason\":\"no reference\"}", Tokens.admin(),
                UUID.randomUUID().toString()).statusCode());

        String key = UUID.randomUUID().toString();
        var resolved = resolve(firstId, succeeded, Tokens.admin(), key);
        var replayed = resolve(firstId, succeeded, Tokens.admin(), key);
        var again = resolve(firstId, "{\"outcome\":\"failed\",\"reason\":\"changed my mind\"}", Tokens.admin(),
                UUID.randomUUID().toString());
        var failed = resolve(secondId, "{\"outcome\":\"failed\",\"reason\":\"the customer kept the item\"}", Tokens.admin(),
                UUID.randomUUID().toString());

        assertEquals(201, resolved.statusCode(), resolved.body());
        assertEquals("SUCCEEDED", field(resolved.body(), "status"));
        assertEquals("PORTAL-77", field(resolved.body(), "gatewayReference"));
        assertEquals("admin:test-admin", field(resolved.body(), "resolvedBy"), "the admin is the token's subject");
        assertEquals("refunded in the portal", field(resolved.body(), "resolutionNote"));
        assertTrue(field(resolved.body(), "resolvedAt").startsWith("20"), resolved.body());
        assertEquals("3000", field(resolved.body(), "orderRefundedMinor"));
        assertEquals(resolved.body(), replayed.body(), "the same key replays the resolution");
        assertEquals(409, again.statusCode(), again.body());
        assertTrue(again.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(again.body().contains("already SUCCEEDED"), again.body());
        assertEquals(201, failed.statusCode(), failed.body());
        assertEquals("FAILED", field(failed.body(), "status"));
        assertEquals("3000", field(failed.body(), "orderRefundedMinor"), "a failed refund moves no money");

        long total = Long.parseLong(field(order.body(), "order.totalMinor"));
        var rest = refund(orderId, "{\"amountMinor\":" + (total - 3000) + ",\"reason\":\"the rest\"}");
        assertEquals(201, rest.statusCode(), "the failed refund's amount is free again: " + rest.body());
    }

    @Test
    void a_refund_of_an_order_with_two_approved_payments_must_name_the_one_it_refunds() {
        var order = shop.checkoutWith("test-twice", ",\"paymentMethod\":\"VOUCHER\"");
        assertEquals("DECLINED", field(order.body(), "order.payment.status"), order.body());
        String orderId = field(order.body(), "order.id");
        String declined = field(order.body(), "order.payment.attemptId");
        var again = http.post("/api/orders/" + orderId + "/payments", "{\"paymentProvider\":\"test-twice\",\"paymentMethod\":\"CARD\"}",
                "X-Order-Token", field(order.body(), "accessToken"), "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, again.statusCode(), again.body());
        String paid = field(again.body(), "payment.attemptId");
        // The first, declined payment went through after all.
        String late = "attempt=" + declined + "&event=late-" + UUID.randomUUID() + "&amount=" + field(order.body(), "order.totalMinor");
        assertEquals(200, http.send("POST", "/api/webhooks/test-twice", late, "Content-Type",
                "application/x-www-form-urlencoded").statusCode());
        Eventually.await(Duration.ofSeconds(30), "both payments are approved",
                () -> count("SELECT COUNT(*) FROM payment_attempt WHERE order_id = ? AND status = 'APPROVED'", orderId) == 2);

        var ambiguous = refund(orderId, "{\"amountMinor\":1000,\"reason\":\"paid twice\"}");
        var named = refund(orderId, "{\"amountMinor\":1000,\"reason\":\"paid twice\",\"attemptId\":\"" + declined + "\"}");
        var notThisOrder = refund(orderId, "{\"amountMinor\":1000,\"reason\":\"x\",\"attemptId\":\"AAAAAAAAAAAAAAAAAAAA\"}");

        assertEquals(422, ambiguous.statusCode(), ambiguous.body());
        assertTrue(ambiguous.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(ambiguous.body().contains("\"field\":\"attemptId\"") && ambiguous.body().contains("ambiguous")
                && ambiguous.body().contains(paid), ambiguous.body());
        assertEquals(201, named.statusCode(), named.body());
        assertEquals(declined, field(named.body(), "attemptId"));
        assertEquals("SUCCEEDED", field(named.body(), "status"));
        assertEquals("RF-" + declined, field(named.body(), "gatewayReference"), "refunded through the named payment");
        assertEquals(422, notThisOrder.statusCode(), notThisOrder.body());
    }

    private HttpResponse<String> refund(String orderId, String body) {
        return http.post("/api/admin/orders/" + orderId + "/refunds", body, "Authorization", Tokens.admin(),
                "Idempotency-Key", UUID.randomUUID().toString());
    }

    private HttpResponse<String> resolve(String refundId, String body, String token, String key) {
        return http.post("/api/admin/refunds/" + refundId + "/resolution", body, "Authorization", token, "Idempotency-Key", key);
    }

    private void reconcile() {
        assertEquals(200, http.post("/api/admin/payments/reconcile", "", "Authorization", Tokens.admin()).statusCode());
    }
}
