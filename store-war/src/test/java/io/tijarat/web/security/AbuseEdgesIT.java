package io.tijarat.web.security;

import static io.tijarat.web.testing.Http.field;
import static io.tijarat.web.testing.TestSql.count;
import static io.tijarat.web.testing.TestSql.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.plugin.testkit.Eventually;
import io.tijarat.plugin.easypaisa.stub.EasyPaisaStub;
import io.tijarat.web.testing.Http;
import io.tijarat.web.testing.PayaraTestServer;
import io.tijarat.web.testing.PaymentStubs;
import io.tijarat.web.testing.Shop;
import io.tijarat.web.testing.TestPlugins;
import io.tijarat.web.testing.TestSql;
import io.tijarat.web.testing.TijaratIT;
import io.tijarat.web.testing.Tokens;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The public edges abused as issue 12 describes (findings 2, 3 and 4): floods from many clients behind the
 * reverse proxy, forged-but-plausible EasyPaisa notifications for a real attempt, checkout used as a spam relay,
 * and cash-on-delivery orders nobody confirms. The test server trusts 127.0.0.1 as its proxy, so each test speaks
 * for clients of its own through {@code X-Forwarded-For} and no test empties another's bucket; nothing waits for
 * a bucket to refill.
 */
@TijaratIT
@RunAsClient
class AbuseEdgesIT {

    /** Distinct made-up client addresses (TEST-NET-3 and benchmarking ranges), never reused within a run. */
    private static final AtomicInteger NEXT_CLIENT = new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 16));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PayaraTestServer.realWar();
    }

    @ArquillianResource
    URL base;

    private static String newClient() {
        int n = NEXT_CLIENT.getAndIncrement() & 0xffff;
        return "198.18." + (n >> 8) + "." + (n & 0xff);
    }

    private static String newPhone() {
        return "0345" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    // --------------------------------------------------------------------------------- finding 2: proxies

    @Test
    void behind_the_trusted_proxy_one_clients_flood_leaves_other_clients_callbacks_served() {
        var http = new Http(base);
        String flooder = newClient();
        String genuine = newClient();

        // (10.9.9.9 is what the client claimed; the proxy appended the address it saw)
        var flood = floodUntilRefused(() -> http.post("/api/webhooks/jazzcash", "pp_TxnRefNo=FLOOD&pp_SecureHash=00",
                "Content-Type", "application/x-www-form-urlencoded", "X-Forwarded-For", "10.9.9.9, " + flooder));
        assertTrue(flood.refused().headers().firstValue("Retry-After").isPresent());
        assertEquals("application/problem+json", flood.refused().headers().firstValue("Content-Type").orElse(""));
        assertTrue(flood.admitted() >= 35, "refused after " + flood.admitted() + " (limit: 20 a second, burst 40)");

        // While the flood goes on, the same proxy forwards other clients: each has its own bucket, not the flooder's
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        var floodAnswers = new java.util.concurrent.ConcurrentLinkedQueue<Integer>();
        try {
            for (int i = 0; i < 300; i++) {
                pool.submit(() -> floodAnswers.add(http.post("/api/webhooks/jazzcash", "pp_TxnRefNo=FLOOD&pp_SecureHash=00",
                        "Content-Type", "application/x-www-form-urlencoded", "X-Forwarded-For", flooder).statusCode()));
            }
            java.util.List<Integer> genuineAnswers = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                genuineAnswers.add(http.post("/api/webhooks/jazzcash", "pp_TxnRefNo=GENUINE&pp_SecureHash=00",
                        "Content-Type", "application/x-www-form-urlencoded", "X-Forwarded-For", i == 0 ? genuine : newClient())
                        .statusCode());
            }
            // RFC 7239 Forwarded names the client just as well
            genuineAnswers.add(http.post("/api/webhooks/jazzcash", "pp_TxnRefNo=GENUINE&pp_SecureHash=00",
                    "Content-Type", "application/x-www-form-urlencoded", "Forwarded", "for=\"" + newClient() + ":4711\"")
                    .statusCode());
            assertTrue(genuineAnswers.stream().noneMatch(status -> status == 429), genuineAnswers.toString());
        } finally {
            pool.shutdown();
        }
        try {
            assertTrue(pool.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertTrue(floodAnswers.contains(429), "the flood was still being refused");
    }

    // ------------------------------------------------------------------------ finding 3: forged callbacks

    @Test
    void distinct_forged_easypaisa_notifications_for_one_attempt_cost_one_inquiry_and_the_genuine_one_still_settles_it()
            throws Exception {
        var http = new Http(base);
        PaymentStubs.easyPaisa().willAnswer(EasyPaisaStub.Outcome.SUCCESS);
        var checkout = new Shop(http).checkoutWith("easypaisa", ",\"paymentMethod\":\"VOUCHER\"");
        String attemptId = field(checkout.body(), "order.payment.attemptId");
        URI ipnEndpoint = URI.create("http://127.0.0.1:" + base.getPort() + "/api/webhooks/easypaisa");
        long inquiriesBefore = inquiries(attemptId);

        // When a customer who knows their attempt id sends 25 distinct, plausible IPNs (the url varies)
        for (int i = 0; i < 25; i++) {
            String url = PaymentStubs.easyPaisa().ipnDetailUrl(attemptId) + "?forged=" + i;
            var answer = http.get("/api/webhooks/easypaisa?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8),
                    "X-Forwarded-For", newClient());
            assertEquals(200, answer.statusCode(), "acknowledged like any IPN: " + answer.body());
        }
        Eventually.await(Duration.ofSeconds(30), "the first report is confirmed by inquiry",
                () -> inquiries(attemptId) > inquiriesBefore);

        // Then at most one waits per attempt: two rows at most (one confirmed, one waiting), not one per forgery
        int rows = count("SELECT COUNT(*) FROM provider_event WHERE attempt_id = ?", attemptId);
        assertTrue(rows <= 2, rows + " provider events stored for one attempt");
        assertTrue(count("SELECT COUNT(*) FROM provider_event WHERE attempt_id = ? AND state = 'RECEIVED'", attemptId) <= 1);
        assertTrue(count("SELECT COALESCE(SUM(coalesced), 0) FROM provider_event WHERE attempt_id = ?", attemptId) >= 20,
                "the others were counted on the waiting one");
        long asked = inquiries(attemptId) - inquiriesBefore;
        assertTrue(asked <= 2, "EasyPaisa was asked " + asked + " times");

        // And when the customer really pays, EasyPaisa's own IPN still settles the order (after the backoff)
        PaymentStubs.easyPaisa().settle(attemptId, "PAID");
        assertEquals(200, PaymentStubs.easyPaisa().sendIpn(ipnEndpoint, attemptId));
        Eventually.await(Duration.ofSeconds(120), "the genuine payment is confirmed",
                () -> "PAID".equals(text("SELECT status FROM customer_order WHERE id = ?", field(checkout.body(), "order.id"))));
    }

    private static long inquiries(String attemptId) {
        return PaymentStubs.easyPaisa().requests().stream()
                .filter(r -> r.getUrl().contains("inquire-transaction") && r.getBodyAsString().contains(attemptId))
                .count();
    }

    // ---------------------------------------------------------------------------- finding 4: checkout spam

    @Test
    void checkouts_from_one_client_address_are_limited_with_429_and_the_refused_key_can_be_used_again() {
        var http = new Http(base);
        String client = newClient();

        HttpResponse<String> refused = spamUntilRefused(http, () -> client, AbuseEdgesIT::newPhone).refused();

        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        assertTrue(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        assertTrue(refused.body().contains("\"status\":429"), refused.body());
        // a refused Idempotency-Key is given back: sent again, it is not "still in progress" (409)
        String key = UUID.randomUUID().toString();
        String again = body("no-such-cart", "Spam", newPhone(), null);
        // (the test server's bucket refills a token a second: any 404 in between also gives the key back)
        int first = 0;
        for (int i = 0; i < 100 && first != 429; i++) {
            first = http.post("/api/checkout", again, "Idempotency-Key", key, "X-Forwarded-For", client).statusCode();
            assertTrue(first == 429 || first == 404, "answered " + first);
        }
        assertEquals(429, first);
        int retried = http.post("/api/checkout", again, "Idempotency-Key", key, "X-Forwarded-For", client).statusCode();
        assertTrue(retried == 429 || retried == 404, "the retry was answered " + retried);
        // other clients still check out
        assertNotEquals(429, checkout(http, newClient(), UUID.randomUUID().toString(), "no-such-cart", "Ok", newPhone())
                .statusCode());
    }

    @Test
    void checkouts_for_one_phone_number_from_many_addresses_are_limited() {
        var http = new Http(base);
        String phone = newPhone();

        // the number written two ways, alternately: one bucket (two would let about 200 through)
        String otherForm = "+92 " + phone.substring(1, 4) + " " + phone.substring(4);
        var flip = new AtomicInteger();
        var spam = spamUntilRefused(http, AbuseEdgesIT::newClient, () -> flip.getAndIncrement() % 2 == 0 ? phone : otherForm);

        assertTrue(spam.admitted() < 160, spam.admitted() + " admitted: one number however it is written");
        assertNotEquals(429, checkout(http, newClient(), UUID.randomUUID().toString(), "no-such-cart", "Ok", newPhone())
                .statusCode());
    }

    @Test
    void a_replayed_checkout_is_answered_even_when_its_client_is_limited() {
        var http = new Http(base);
        String client = newClient();
        String sku = product(http, 100);
        String key = UUID.randomUUID().toString();
        String body = body(cartWith(http, sku, 1), "Replay Customer", newPhone(), null);
        var first = http.post("/api/checkout", body, "Idempotency-Key", key, "X-Forwarded-For", client);
        assertEquals(201, first.statusCode(), first.body());

        spamUntilRefused(http, () -> client, AbuseEdgesIT::newPhone);

        var replay = http.post("/api/checkout", body, "Idempotency-Key", key, "X-Forwarded-For", client);
        assertEquals(201, replay.statusCode(), replay.body());
        assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(field(first.body(), "order.id"), field(replay.body(), "order.id"));
    }

    @Test
    void the_order_confirmation_to_an_unverified_contact_carries_none_of_the_typed_name() {
        var http = new Http(base);
        String sku = product(http, 100);
        String name = "Prize winner claim at evil.example now";

        var placed = http.post("/api/checkout", body(cartWith(http, sku, 1), name, newPhone(),
                "victim-" + UUID.randomUUID().toString().substring(0, 8) + "@example.pk"),
                "Idempotency-Key", UUID.randomUUID().toString(), "X-Forwarded-For", newClient());

        assertEquals(201, placed.statusCode(), placed.body());
        String message = text("SELECT CONCAT(subject, ' | ', body) FROM outbox_message WHERE order_id = ?"
                + " AND event_type = 'ORDER_PLACED' AND recipient LIKE 'victim-%'", field(placed.body(), "order.id"));
        assertTrue(message != null && message.contains(field(placed.body(), "order.number")), String.valueOf(message));
        assertFalse(message.contains("Prize") || message.contains("evil"), message);
    }

    @Test
    void an_unconfirmed_cash_on_delivery_order_releases_its_stock_once_after_the_configured_time() {
        var http = new Http(base);
        TestPlugins.dropPayment("test-cod-hold", "PaymentCapability.COLLECT_ON_DELIVERY", """
                public PaymentOutcome start(PaymentRequest request) {
                    return PaymentOutcome.Pending.of(new CustomerAction.ApproveOnPhone(
                            "We will call you to confirm before we ship", java.util.Optional.empty()));
                }
                """);
        Eventually.await(Duration.ofSeconds(30), "the plugin is active",
                () -> "ACTIVE".equals(TestPlugins.state(http, "test-cod-hold")));
        String sku = product(http, 5);
        var unconfirmed = http.post("/api/checkout", body(cartWith(http, sku, 2), "Held Customer", newPhone(),
                "held-" + UUID.randomUUID().toString().substring(0, 8) + "@example.pk", "test-cod-hold"),
                "Idempotency-Key", UUID.randomUUID().toString(), "X-Forwarded-For", newClient());
        var confirmed = http.post("/api/checkout", body(cartWith(http, sku, 1), "Confirmed Customer", newPhone(), null,
                "test-cod-hold"), "Idempotency-Key", UUID.randomUUID().toString(), "X-Forwarded-For", newClient());
        assertEquals("AWAITING_CONFIRMATION", field(unconfirmed.body(), "order.status"), unconfirmed.body());
        String orderId = field(unconfirmed.body(), "order.id");
        String confirmedId = field(confirmed.body(), "order.id");
        assertEquals(200, http.post("/api/admin/orders/" + confirmedId + "/confirm", null, "Authorization", Tokens.staff())
                .statusCode());
        assertEquals(2, stock(sku));

        // When both have waited longer than tijarat.cod.confirm-within-hours (48 by default)
        TestSql.update("UPDATE order_history SET at = DATE_SUB(at, INTERVAL 49 HOUR) WHERE order_id = ?", orderId);
        TestSql.update("UPDATE order_history SET at = DATE_SUB(at, INTERVAL 49 HOUR) WHERE order_id = ?", confirmedId);

        // Then the unconfirmed one is cancelled with a reason, its two units are back, and the customer is told
        Eventually.await(Duration.ofSeconds(60), "the unconfirmed order is cancelled",
                () -> "CANCELLED".equals(text("SELECT status FROM customer_order WHERE id = ?", orderId)));
        assertTrue(text("SELECT reason FROM order_history WHERE order_id = ? AND to_status = 'CANCELLED'", orderId)
                .contains("not confirmed"));
        assertEquals(1, count("SELECT COUNT(*) FROM outbox_message WHERE order_id = ? AND event_type = 'ORDER_CANCELLED'",
                orderId));
        assertEquals(4, stock(sku));
        // and later runs of the job return nothing twice, nor touch the confirmed order
        long runs = jobRuns(http);
        Eventually.await(Duration.ofSeconds(30), "two more runs of the job", () -> jobRuns(http) >= runs + 2);
        assertEquals(4, stock(sku));
        assertEquals("CONFIRMED", text("SELECT status FROM customer_order WHERE id = ?", confirmedId));
    }

    private static long jobRuns(Http http) {
        var job = http.get("/api/admin/jobs/cod-release", "Authorization", Tokens.admin());
        assertEquals(200, job.statusCode(), job.body());
        return Long.parseLong(field(job.body(), "runs"));
    }

    // ------------------------------------------------------------------------------------------- helpers

    /** How a flood ended: the first refusal, and how many were let through before it. */
    private record Spam(HttpResponse<String> refused, int admitted) {
    }

    /** Checkouts (of a cart that does not exist: cheap, yet each one counts) until one is refused with 429. */
    private static Spam spamUntilRefused(Http http, java.util.function.Supplier<String> client,
                                         java.util.function.Supplier<String> phone) {
        var unexpected = new java.util.concurrent.ConcurrentLinkedQueue<String>();
        Spam spam = floodUntilRefused(() -> {
            var answer = checkout(http, client.get(), UUID.randomUUID().toString(), "no-such-cart", "Spam", phone.get());
            if (answer.statusCode() != 429 && answer.statusCode() != 404 && answer.statusCode() != 400) {
                unexpected.add(answer.statusCode() + " " + answer.body());
            }
            return answer;
        });
        assertEquals(java.util.List.of(), java.util.List.copyOf(unexpected));
        assertTrue(spam.admitted() >= 90, "refused after only " + spam.admitted() + " (test limit: burst 100)");
        return spam;
    }

    /**
     * Sends {@code request} sixteen at a time — faster than any test refill, however slow the machine — until one
     * is answered 429 (at most 1,000).
     */
    private static Spam floodUntilRefused(java.util.function.Supplier<HttpResponse<String>> request) {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            var refused = new java.util.concurrent.atomic.AtomicReference<HttpResponse<String>>();
            var admitted = new AtomicInteger();
            var sent = new AtomicInteger();
            var workers = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int t = 0; t < 16; t++) {
                workers.add(pool.submit(() -> {
                    while (refused.get() == null && sent.incrementAndGet() <= 1_000) {
                        var answer = request.get();
                        if (answer.statusCode() == 429) {
                            refused.compareAndSet(null, answer);
                        } else {
                            admitted.incrementAndGet();
                        }
                    }
                }));
            }
            for (var worker : workers) {
                worker.get(5, java.util.concurrent.TimeUnit.MINUTES);
            }
            assertTrue(refused.get() != null, admitted.get() + " requests and none refused");
            return new Spam(refused.get(), admitted.get());
        } catch (InterruptedException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static HttpResponse<String> checkout(Http http, String client, String key, String cartId, String name,
                                                 String phone) {
        return http.post("/api/checkout", body(cartId, name, phone, null), "Idempotency-Key", key,
                "X-Forwarded-For", client);
    }

    private static String body(String cartId, String name, String phone, String email) {
        return body(cartId, name, phone, email, "cod");
    }

    private static String body(String cartId, String name, String phone, String email, String provider) {
        return "{\"cartId\":\"" + cartId + "\",\"customer\":{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\","
                + (email == null ? "" : "\"email\":\"" + email + "\",") + "\"locale\":\"en\"},"
                + "\"shippingAddress\":{\"address\":\"House 3, Street 9\",\"city\":\"Lahore\"},"
                + "\"paymentProvider\":\"" + provider + "\",\"shippingProvider\":\"flat-rate\"}";
    }

    private static String product(Http http, int stock) {
        String sku = "AB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var created = http.post("/api/admin/products", "{\"slug\":\"p-" + sku.toLowerCase() + "\",\"title\":\"Abuse test\","
                + "\"variants\":[{\"sku\":\"" + sku + "\",\"title\":\"One\",\"priceMinor\":10000,\"weightGrams\":100,\"stock\":"
                + stock + "}]}", "Authorization", Tokens.admin());
        assertEquals(201, created.statusCode(), created.body());
        return sku;
    }

    private static String cartWith(Http http, String sku, int quantity) {
        String cartId = field(http.post("/api/carts", null).body(), "id");
        var line = http.put("/api/carts/" + cartId + "/lines/" + sku, "{\"quantity\":" + quantity + "}");
        assertEquals(200, line.statusCode(), line.body());
        return cartId;
    }

    private static int stock(String sku) {
        return count("SELECT stock FROM product_variant WHERE sku = ?", sku);
    }
}
