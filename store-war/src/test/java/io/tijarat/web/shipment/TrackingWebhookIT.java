package io.tijarat.web.shipment;

import static io.tijarat.web.testing.Http.field;
import static io.tijarat.web.testing.TestSql.count;
import static io.tijarat.web.testing.TestSql.text;
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
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Courier tracking pushed to {@code POST /api/webhooks/{providerId}} (SPI 1.1, TRACKING_WEBHOOKS), with a
 * third-party courier plugin dropped into the running server that verifies an HMAC of the raw body: a signed
 * "delivered" moves the order to DELIVERED once however often (and however concurrently) it arrives; a forged or
 * tampered one is refused with 401, counted, and changes nothing; an older "in transit" arriving after "delivered"
 * changes nothing either. The courier offers no polling, so only webhooks move these parcels.
 */
@TijaratIT
@RunAsClient
class TrackingWebhookIT {

    private static final String COURIER = "test-hook-courier";
    private static final String SECRET = "test-tracking-secret";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PayaraTestServer.realWar();
    }

    @ArquillianResource
    URL base;

    private Http http;

    @BeforeEach
    void courier() {
        http = new Http(base);
        if (TestPlugins.state(http, COURIER) == null) {
            dropCourier();
        }
        Eventually.await(Duration.ofSeconds(30), "the courier plugin is active",
                () -> "ACTIVE".equals(TestPlugins.state(http, COURIER)));
    }

    @Test
    void a_signed_delivered_webhook_moves_the_order_once_and_forged_or_late_ones_change_nothing() throws Exception {
        String orderId = order(new Shop(http));
        var booked = fulfil(orderId);
        assertEquals("FULFILLING", field(booked, "orderStatus"));
        String tracking = field(booked, "trackingNumber");

        // Forged (signed with another key) and tampered (changed after signing): 401, counted, nothing stored
        long rejectedBefore = rejectedCount();
        String delivered = webhook("evt-" + UUID.randomUUID(), tracking, "DELIVERED", "2026-11-30T12:00:00Z");
        var forged = send(delivered, sign("not-the-courier's-key", delivered));
        var tampered = send(delivered.replace("DELIVERED", "RETURNED"), sign(SECRET, delivered));
        assertEquals(401, forged.statusCode(), forged.body());
        assertEquals(401, tampered.statusCode(), tampered.body());
        assertTrue(forged.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                forged.headers().toString());
        assertEquals(rejectedBefore + 2, rejectedCount());
        assertEquals("FULFILLING", orderStatus(orderId));
        assertEquals(0, count("SELECT COUNT(*) FROM tracking_event WHERE tracking_number = ?", tracking));

        // Picked up: the order is shipped before the courier gets its answer
        String pickedUp = webhook("evt-" + UUID.randomUUID(), tracking, "IN_TRANSIT", "2026-11-30T09:00:00Z");
        assertEquals(200, send(pickedUp, sign(SECRET, pickedUp)).statusCode());
        assertEquals("SHIPPED", orderStatus(orderId));

        // Delivered, sent three times at once and once more after: applied once. Threads of their own, released
        // together: the common pool has a single thread on a two-core machine, which would send them one by one.
        ExecutorService senders = Executors.newFixedThreadPool(3);
        try {
            CyclicBarrier together = new CyclicBarrier(3);
            List<Future<HttpResponse<String>>> concurrent = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                concurrent.add(senders.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return send(delivered, sign(SECRET, delivered));
                }));
            }
            for (var answer : concurrent) {
                assertEquals(200, answer.get(60, TimeUnit.SECONDS).statusCode(), answer.get().body());
            }
        } finally {
            senders.shutdownNow();
        }
        assertEquals(200, send(delivered, sign(SECRET, delivered)).statusCode());
        assertEquals("DELIVERED", orderStatus(orderId));
        assertEquals("DELIVERED", text("SELECT status FROM shipment WHERE tracking_number = ?", tracking));
        assertEquals(1, count("SELECT COUNT(*) FROM order_history WHERE order_id = ? AND to_status = 'DELIVERED'",
                orderId), "delivered once");
        assertEquals(2, count("SELECT COUNT(*) FROM tracking_event WHERE tracking_number = ?", tracking),
                "picked up and delivered, each stored once");

        // An older "out for delivery" arriving late (another event) cannot move anything back
        String late = webhook("evt-" + UUID.randomUUID(), tracking, "OUT_FOR_DELIVERY", "2026-11-30T11:00:00Z");
        assertEquals(200, send(late, sign(SECRET, late)).statusCode());
        assertEquals("DELIVERED", orderStatus(orderId));
        assertEquals("DELIVERED", text("SELECT status FROM shipment WHERE tracking_number = ?", tracking));
        assertEquals(1, count("SELECT COUNT(*) FROM order_history WHERE order_id = ? AND to_status = 'SHIPPED'",
                orderId), "shipped once");
        assertEquals(3, count("SELECT COUNT(*) FROM tracking_event WHERE tracking_number = ?", tracking),
                "the late event is recorded, and changed nothing");
        // and the customer is told once that the parcel left (with its tracking number) and once that it arrived
        assertEquals(1, count("SELECT COUNT(*) FROM outbox_message WHERE order_id = ? AND event_type = 'ORDER_SHIPPED'"
                + " AND body LIKE CONCAT('%', (SELECT tracking_number FROM shipment WHERE order_id = outbox_message.order_id), '%')",
                orderId));
        assertEquals(1, count("SELECT COUNT(*) FROM outbox_message WHERE order_id = ? AND event_type = 'ORDER_DELIVERED'",
                orderId));
    }

    @Test
    void a_webhook_for_a_parcel_we_never_booked_is_acknowledged_and_changes_nothing() {
        String stranger = "HK-NOT-OURS-" + UUID.randomUUID().toString().substring(0, 8);
        String body = webhook("evt-" + UUID.randomUUID(), stranger, "DELIVERED", "2026-11-30T12:00:00Z");

        assertEquals(200, send(body, sign(SECRET, body)).statusCode(), "a courier must not retry it forever");

        assertTrue(text("SELECT outcome FROM tracking_event WHERE tracking_number = ?", stranger)
                .startsWith("no shipment"));
    }

    @Test
    void a_courier_without_tracking_webhooks_is_not_sent_the_request() {
        String body = webhook("evt-" + UUID.randomUUID(), "FR-1", "DELIVERED", "2026-11-30T12:00:00Z");

        var answer = http.send("POST", "/api/webhooks/flat-rate", body, "Content-Type", "application/x-www-form-urlencoded");

        assertEquals(404, answer.statusCode(), answer.body());
    }

    // --- helpers ------------------------------------------------------------------------------------

    private static String webhook(String event, String tracking, String status, String at) {
        return "event=" + event + "&cn=" + tracking + "&status=" + status + "&at=" + at;
    }

    private HttpResponse<String> send(String body, String signature) {
        return http.send("POST", "/api/webhooks/" + COURIER, body, "Content-Type", "application/x-www-form-urlencoded",
                "X-Courier-Signature", signature);
    }

    private static String sign(String key, String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String order(Shop shop) {
        var answer = shop.checkout("cod", COURIER, "Lahore", "Webhook Customer", "tracked-" + UUID.randomUUID() + "@example.pk",
                "en");
        assertEquals("CONFIRMED", field(answer.body(), "order.status"));
        return field(answer.body(), "order.id");
    }

    private String fulfil(String orderId) {
        var answer = http.post("/api/admin/orders/" + orderId + "/fulfil", "", "Authorization", Tokens.staff());
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("BOOKED", field(answer.body(), "status"), answer.body());
        return answer.body();
    }

    private String orderStatus(String orderId) {
        return field(http.get("/api/admin/orders/" + orderId, "Authorization", Tokens.staff()).body(), "summary.status");
    }

    private long rejectedCount() {
        for (String line : http.get("/metrics").body().split("\n")) {
            if (line.startsWith("tijarat_callbacks_rejected_total") && line.contains("provider=\"" + COURIER + "\"")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    /** A courier with rates and signed tracking webhooks (SPI 1.1), and no tracking API to poll. */
    private static void dropCourier() {
        TestPlugins.dropShipping(COURIER, "1.1", "ShippingCapability.RATES, ShippingCapability.COD, "
                + "ShippingCapability.TRACKING_WEBHOOKS", """
                public CityCoverage coverage(String city) {
                    return new CityCoverage(city, java.util.Optional.of(city), true, true, true);
                }
                public java.util.List<RateQuote> quote(RateRequest request) {
                    return java.util.List.of(new RateQuote("STD", "Webhook courier", io.tijarat.spi.Money.pkr(20000),
                            java.time.Duration.ofHours(1), java.util.Optional.empty()));
                }
                public BookingOutcome book(ShipmentRequest request) {
                    return new BookingOutcome.Booked("HK-" + request.bookingKey().value(), java.util.Optional.empty(),
                            java.util.Optional.empty());
                }
                public TrackingCallbackOutcome verifyTrackingCallback(io.tijarat.spi.CallbackRequest request) {
                    try {
                        var mac = javax.crypto.Mac.getInstance("HmacSHA256");
                        mac.init(new javax.crypto.spec.SecretKeySpec("%SECRET%".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                                "HmacSHA256"));
                        byte[] expected = java.util.HexFormat.of().formatHex(mac.doFinal(request.body()))
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                        byte[] given = request.header("X-Courier-Signature").orElse("")
                                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                        if (!java.security.MessageDigest.isEqual(expected, given)) {
                            return new TrackingCallbackOutcome.Rejected("bad signature");
                        }
                        var f = request.formParameters();
                        var status = TrackingStatus.valueOf(f.get("status"));
                        var event = new ShipmentTracking.Event(java.time.Instant.parse(f.get("at")), status, status.name(),
                                java.util.Optional.empty());
                        return new TrackingCallbackOutcome.Verified(f.get("event"), f.get("cn"),
                                new ShipmentTracking(f.get("cn"), status, java.util.List.of(event)),
                                io.tijarat.spi.CallbackReply.ok());
                    } catch (java.security.GeneralSecurityException | RuntimeException e) {
                        return new TrackingCallbackOutcome.Rejected("unreadable: " + e.getClass().getSimpleName());
                    }
                }
                """.replace("%SECRET%", SECRET));
    }
}
