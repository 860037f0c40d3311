package io.tijarat.web.payment;

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
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refunds through the admin API: through the provider when it can refund (full and partial), recorded as
 * manual when it cannot and staff confirm it, never more than was paid, idempotent per key.
 */
@TijaratIT
@RunAsClient
class RefundIT {

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
        if (TestPlugins.state(http, "test-refunds") == null) {
            TestPlugins.dropPayment("test-refunds", "PaymentCapability.REFUND, PaymentCapability.PARTIAL_REFUND", """
                    public PaymentOutcome start(PaymentRequest request) {
                        return new PaymentOutcome.Approved("PAY-" + request.attemptId(), request.amount());
                    }
                    public RefundOutcome refund(RefundRequest request) {
                        return new RefundOutcome.Refunded("RF-" + request.refundId());
                    }
                    """);
            TestPlugins.dropPayment("test-norefund", "", """
                    public PaymentOutcome start(PaymentRequest request) {
                        return new PaymentOutcome.Approved("PAY-" + request.attemptId(), request.amount());
                    }
                    """);
        }
        Eventually.await(Duration.ofSeconds(30), "the test payment plugins are active",
                () -> "ACTIVE".equals(TestPlugins.state(http, "test-refunds"))
                        && "ACTIVE".equals(TestPlugins.state(http, "test-norefund")));
    }

    @Test
    void a_paid_order_is_refunded_in_parts_through_the_provider_and_never_beyond_what_was_paid() {
        var order = shop.checkout("test-refunds");
        assertEquals("PAID", field(order.body(), "order.status"));
        String id = field(order.body(), "order.id");
        long total = Long.parseLong(field(order.body(), "order.totalMinor"));
        String key = UUID.randomUUID().toString();

        var part = refund(id, key, "{\"amountMinor\":4000,\"reason\":\"one item arrived broken\"}", Tokens.admin());
        var replay = refund(id, key, "{\"amountMinor\":4000,\"reason\":\"one item arrived broken\"}", Tokens.admin());
        var tooMuch = refund(id, UUID.randomUUID().toString(), "{\"amountMinor\":" + total + ",\"reason\":\"all\"}", Tokens.admin());
        var rest = refund(id, UUID.randomUUID().toString(), "{\"amountMinor\":" + (total - 4000) + ",\"reason\":\"returned\"}", Tokens.admin());
        var beyond = refund(id, UUID.randomUUID().toString(), "{\"amountMinor\":1,\"reason\":\"one more\"}", Tokens.admin());

        assertEquals(201, part.statusCode(), part.body());
        assertEquals("SUCCEEDED", field(part.body(), "status"));
        assertEquals("PARTIALLY_REFUNDED", field(part.body(), "orderStatus"));
        assertTrue(field(part.body(), "gatewayReference").startsWith("RF-"), part.body());
        assertEquals(part.body(), replay.body(), "the same key and body replay the first refund");
        assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(422, tooMuch.statusCode(), tooMuch.body());
        assertTrue(tooMuch.body().contains("\"field\":\"amountMinor\""), tooMuch.body());
        assertEquals(201, rest.statusCode(), rest.body());
        assertEquals("REFUNDED", field(rest.body(), "orderStatus"));
        assertEquals(String.valueOf(total), field(rest.body(), "orderRefundedMinor"));
        assertEquals(422, beyond.statusCode(), "a fully refunded order has nothing left to refund");

        var detail = http.get("/api/admin/orders/" + id, "Authorization", Tokens.staff());
        assertTrue(detail.body().contains("\"to\":\"PARTIALLY_REFUNDED\"") && detail.body().contains("\"to\":\"REFUNDED\""),
                detail.body());
    }

    @Test
    void when_the_provider_cannot_refund_staff_confirm_a_manual_refund() {
        var order = shop.checkout("test-norefund");
        String id = field(order.body(), "order.id");

        var refused = refund(id, UUID.randomUUID().toString(), "{\"amountMinor\":5000,\"reason\":\"late delivery\"}", Tokens.admin());
        var manual = refund(id, UUID.randomUUID().toString(),
                "{\"amountMinor\":5000,\"reason\":\"late delivery, paid back by bank transfer\",\"manual\":true}", Tokens.admin());

        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("\"field\":\"manual\""), refused.body());
        assertEquals(201, manual.statusCode(), manual.body());
        assertEquals("MANUAL", field(manual.body(), "status"));
        assertEquals("PARTIALLY_REFUNDED", field(manual.body(), "orderStatus"));
    }

    @Test
    void nothing_is_refunded_without_payment_an_admin_or_an_idempotency_key() {
        String cod = field(shop.checkout("cod").body(), "order.id");
        String paid = field(shop.checkout("test-refunds").body(), "order.id");
        String body = "{\"amountMinor\":100,\"reason\":\"goodwill\"}";

        assertEquals(422, refund(cod, UUID.randomUUID().toString(), body, Tokens.admin()).statusCode(),
                "cash on delivery not yet collected: nothing was paid");
        assertEquals(403, refund(paid, UUID.randomUUID().toString(), body, Tokens.staff()).statusCode());
        assertEquals(400, http.post("/api/admin/orders/" + paid + "/refunds", body, "Authorization", Tokens.admin()).statusCode());
        assertEquals(400, refund(paid, UUID.randomUUID().toString(), "{\"amountMinor\":100}", Tokens.admin()).statusCode(),
                "a reason is required");
        assertEquals("0", field(http.get("/api/admin/orders/" + paid, "Authorization", Tokens.admin()).body(), "refundedMinor"));
    }

    private HttpResponse<String> refund(String orderId, String key, String body, String token) {
        return http.post("/api/admin/orders/" + orderId + "/refunds", body, "Authorization", token, "Idempotency-Key", key);
    }
}
