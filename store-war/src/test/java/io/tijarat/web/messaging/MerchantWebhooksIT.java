package io.tijarat.web.messaging;

import static io.tijarat.web.testing.Http.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.tijarat.core.plugin.testkit.Eventually;
import io.tijarat.web.testing.Http;
import io.tijarat.web.testing.PayaraTestServer;
import io.tijarat.web.testing.Shop;
import io.tijarat.web.testing.StubHttp;
import io.tijarat.web.testing.TestSql;
import io.tijarat.web.testing.TijaratIT;
import io.tijarat.web.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Merchant webhooks end to end: an admin registers a URL, an order is placed, and a real HTTP receiver on
 * 127.0.0.1 gets the event signed with the secret from the registration answer (verified here with the
 * JDK's HMAC, not our code); a receiver that keeps answering 500 is retried and then shows as disabled;
 * the secret is never in a later answer, nor in plain text in the database; a rotated secret signs beside the
 * new one until its grace period ends. The server runs with {@code tijarat.webhooks.retry-scale=1000}, a 1 s relay
 * interval and a 30 s grace period for rotated secrets (PayaraTestServer), so the schedule's first waits take
 * milliseconds.
 */
@TijaratIT
@RunAsClient
class MerchantWebhooksIT {

    /** One request the receiver got. */
    private record Received(String id, String timestamp, String signature, String contentType, String body) {
        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    private static HttpServer receiver;
    /** What the receiver answers per path; a path not listed gets 404. */
    private static final Map<String, Integer> answers = new ConcurrentHashMap<>();
    private static final Map<String, List<Received>> received = new ConcurrentHashMap<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PayaraTestServer.realWar();
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void receiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            var headers = exchange.getRequestHeaders();
            received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new Received(
                    headers.getFirst("Tijarat-Webhook-Id"), headers.getFirst("Tijarat-Webhook-Timestamp"),
                    headers.getFirst("Tijarat-Webhook-Signature"), headers.getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            StubHttp.respond(exchange, answers.getOrDefault(path, 404), "");
        });
        receiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.stop(0);
    }

    private static String receiverUrl(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    /** The order.placed requests a path got for one order (a webhook for all events may hear of others). */
    private static List<Received> receivedFor(String path, String orderId) {
        return received.getOrDefault(path, List.of()).stream()
                .filter(r -> r.json().getString("type").equals("order.placed")
                        && r.json().getJsonObject("data").getString("orderId").equals(orderId)).toList();
    }

    private static HttpResponse<String> register(Http http, String url, String events) {
        return http.post("/api/admin/webhooks", "{\"url\":\"" + url + "\",\"events\":" + events + "}",
                "Authorization", Tokens.admin());
    }

    private static Optional<JsonObject> listed(Http http, String webhookId) {
        var list = http.get("/api/admin/webhooks", "Authorization", Tokens.admin());
        assertEquals(200, list.statusCode(), list.body());
        return Json.createReader(new StringReader(list.body())).readArray().getValuesAs(JsonObject.class).stream()
                .filter(w -> w.getString("id").equals(webhookId)).findFirst();
    }

    private static JsonArray deliveries(Http http, String webhookId) {
        var answer = http.get("/api/admin/webhooks/" + webhookId + "/deliveries", "Authorization", Tokens.admin());
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.createReader(new StringReader(answer.body())).readArray();
    }

    /** Waits like {@link Eventually#await}, and on a time-out says what the server and the receiver saw. */
    private static void await(Duration limit, String what, BooleanSupplier condition, String orderId) {
        try {
            Eventually.await(limit, what, condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; deliveries of the order (status/attempts/error): "
                    + TestSql.text("SELECT GROUP_CONCAT(CONCAT(event_type, ' ', status, '/', attempts, '/', "
                    + "IFNULL(last_error, '-')) SEPARATOR '; ') FROM webhook_delivery WHERE order_id = ?", orderId)
                    + "; the receiver got requests on " + received.keySet(), e);
        }
    }

    private static String hmac(String secret, String signedText) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signedText.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_registered_webhook_receives_the_order_event_signed_with_the_secret_shown_once() throws Exception {
        var http = new Http(base);
        var shop = new Shop(http);
        String path = "/ok-" + UUID.randomUUID();
        answers.put(path, 200);

        // Given a webhook for new orders
        var created = register(http, receiverUrl(path), "[\"order.placed\"]");
        assertEquals(201, created.statusCode(), created.body());
        String webhookId = field(created.body(), "id");
        String secret = field(created.body(), "secret");
        assertTrue(secret.startsWith("whsec_") && secret.length() > 40, secret);
        assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/api/admin/webhooks/" + webhookId));
        try {
            // When an order is placed
            String orderId = field(shop.checkout("cod").body(), "order.id");

            // Then the receiver gets it once, signed over the timestamp and the exact body
            await(Duration.ofSeconds(60), "the receiver gets order.placed",
                    () -> !receivedFor(path, orderId).isEmpty(), orderId);
            Received event = receivedFor(path, orderId).get(0);
            JsonObject body = event.json();
            assertEquals("application/json", event.contentType());
            assertEquals("order.placed", body.getString("type"));
            assertEquals(body.getString("id"), event.id(), "the header and the body carry the same event id");
            JsonObject data = body.getJsonObject("data");
            assertEquals(orderId, data.getString("orderId"));
            assertNotNull(data.getString("orderNumber"));
            assertNotNull(data.getString("status"));
            assertTrue(data.getJsonObject("total").getJsonNumber("amount").longValueExact() >= 10_000, data.toString());
            assertEquals("PKR", data.getJsonObject("total").getString("currency"));
            assertFalse(event.body().contains("Test Customer") || event.body().contains("3001234567"),
                    "no customer details: " + event.body());
            long timestamp = Long.parseLong(event.timestamp());
            assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 300, "timestamp " + timestamp);
            assertEquals("v1=" + hmac(secret, event.id() + "." + timestamp + "." + event.body()), event.signature());
            assertTrue(Instant.parse(body.getString("createdAt")).isBefore(Instant.now().plusSeconds(60)));

            // and admins see it delivered — and never the secret again
            Eventually.await(Duration.ofSeconds(30), "the delivery is recorded as DELIVERED",
                    () -> deliveries(http, webhookId).getValuesAs(JsonObject.class).stream().anyMatch(d ->
                            d.getString("id").equals(event.id()) && d.getString("status").equals("DELIVERED")));
            JsonObject delivery = deliveries(http, webhookId).getValuesAs(JsonObject.class).stream()
                    .filter(d -> d.getString("id").equals(event.id())).findFirst().orElseThrow();
            assertEquals(1, delivery.getInt("attempts"));
            assertEquals(200, delivery.getInt("lastStatusCode"));
            assertEquals("order.placed", delivery.getString("event"));
            JsonObject webhook = listed(http, webhookId).orElseThrow();
            assertTrue(webhook.getBoolean("active"));
            assertEquals(0, webhook.getInt("consecutiveFailures"));
            assertFalse(webhook.containsKey("secret"));
            for (String get : List.of("/api/admin/webhooks", "/api/admin/webhooks/" + webhookId,
                    "/api/admin/webhooks/" + webhookId + "/deliveries")) {
                var answer = http.get(get, "Authorization", Tokens.admin());
                assertEquals(200, answer.statusCode(), get + ": " + answer.body());
                assertFalse(answer.body().contains(secret), get + " shows the secret");
                assertFalse(answer.body().contains(secret.substring(6, 30)), get + " shows part of the secret");
            }
            var disabled = http.post("/api/admin/webhooks/" + webhookId + "/disable", "", "Authorization", Tokens.admin());
            assertEquals(200, disabled.statusCode(), disabled.body());
            assertFalse(disabled.body().contains(secret));
        } finally {
            assertEquals(204, http.send("DELETE", "/api/admin/webhooks/" + webhookId, null,
                    "Authorization", Tokens.admin()).statusCode());
        }
        assertEquals(404, http.get("/api/admin/webhooks/" + webhookId, "Authorization", Tokens.admin()).statusCode());
    }

    @Test
    void the_secret_is_encrypted_at_rest_and_a_rotated_secret_signs_beside_the_new_one_until_its_grace_period_ends()
            throws Exception {
        var http = new Http(base);
        var shop = new Shop(http);
        String path = "/rotate-" + UUID.randomUUID();
        answers.put(path, 200);
        var created = register(http, receiverUrl(path), "[\"order.placed\"]");
        assertEquals(201, created.statusCode(), created.body());
        String webhookId = field(created.body(), "id");
        String oldSecret = field(created.body(), "secret");
        try {
            // The database holds the secret encrypted, never as it was shown
            assertEquals(null, TestSql.text("SELECT secret FROM webhook_endpoint WHERE id = ?", webhookId),
                    "the plain-text column is empty");
            String ciphertext = TestSql.text("SELECT secret_ciphertext FROM webhook_endpoint WHERE id = ?", webhookId);
            assertNotNull(ciphertext);
            assertFalse(ciphertext.contains(oldSecret.substring(6)), "the stored value is not the secret");
            assertEquals("dev", TestSql.text("SELECT secret_key_id FROM webhook_endpoint WHERE id = ?", webhookId),
                    "test mode without tijarat.secrets.key uses the DEV-ONLY key");

            // When an admin rotates the secret
            var rotated = http.post("/api/admin/webhooks/" + webhookId + "/rotate-secret", "", "Authorization", Tokens.admin());
            assertEquals(200, rotated.statusCode(), rotated.body());
            String newSecret = field(rotated.body(), "secret");
            Instant graceEnds = Instant.parse(field(rotated.body(), "previousSecretExpiresAt"));
            assertTrue(newSecret.startsWith("whsec_") && !newSecret.equals(oldSecret), rotated.body());
            assertTrue(graceEnds.isAfter(Instant.now().plusSeconds(15)) && graceEnds.isBefore(Instant.now().plusSeconds(31)),
                    "the configured grace period (30 s): " + graceEnds);
            assertEquals(graceEnds, Instant.parse(listed(http, webhookId).orElseThrow().getString("previousSecretExpiresAt")));
            for (String get : List.of("/api/admin/webhooks", "/api/admin/webhooks/" + webhookId)) {
                String answer = http.get(get, "Authorization", Tokens.admin()).body();
                assertFalse(answer.contains(newSecret) || answer.contains(oldSecret), get + " shows a secret");
            }
            assertFalse(TestSql.text("SELECT CONCAT(secret_ciphertext, previous_secret_ciphertext) FROM webhook_endpoint"
                    + " WHERE id = ?", webhookId).contains(newSecret.substring(6)));

            // Then a delivery within the grace period is signed with both, the new secret first
            String during = field(shop.checkout("cod").body(), "order.id");
            await(Duration.ofSeconds(60), "the receiver gets order.placed", () -> !receivedFor(path, during).isEmpty(), during);
            Received both = receivedFor(path, during).get(0);
            long sentAt = Long.parseLong(both.timestamp());
            assertTrue(sentAt < graceEnds.getEpochSecond() - 1, "sent within the grace period (" + sentAt + " vs "
                    + graceEnds + "): the machine was too slow for this test's 30 s");
            String signed = both.id() + "." + both.timestamp() + "." + both.body();
            assertEquals("v1=" + hmac(newSecret, signed) + " v1=" + hmac(oldSecret, signed), both.signature());

            // and once it has ended, with the new secret only
            Eventually.await(Duration.ofSeconds(60), "the grace period ends", () -> Instant.now().isAfter(graceEnds.plusSeconds(1)));
            String after = field(shop.checkout("cod").body(), "order.id");
            await(Duration.ofSeconds(60), "the receiver gets order.placed", () -> !receivedFor(path, after).isEmpty(), after);
            Received one = receivedFor(path, after).get(0);
            assertEquals("v1=" + hmac(newSecret, one.id() + "." + one.timestamp() + "." + one.body()), one.signature());
            var unknown = http.post("/api/admin/webhooks/" + UUID.randomUUID() + "/rotate-secret", "", "Authorization",
                    Tokens.admin());
            assertEquals(404, unknown.statusCode(), unknown.body());
            assertEquals(403, http.post("/api/admin/webhooks/" + webhookId + "/rotate-secret", "", "Authorization",
                    Tokens.staff()).statusCode());
        } finally {
            assertEquals(204, http.send("DELETE", "/api/admin/webhooks/" + webhookId, null,
                    "Authorization", Tokens.admin()).statusCode());
        }
    }

    @Test
    void a_receiver_that_keeps_failing_is_retried_then_the_webhook_shows_disabled_until_an_admin_enables_it() {
        var http = new Http(base);
        var shop = new Shop(http);
        String path = "/fail-" + UUID.randomUUID();
        answers.put(path, 500);
        var created = register(http, receiverUrl(path), "[\"*\"]");
        assertEquals(201, created.statusCode(), created.body());
        String webhookId = field(created.body(), "id");
        String secret = field(created.body(), "secret");
        try {
            // When an order is placed and the receiver answers 500 every time
            String orderId = field(shop.checkout("cod").body(), "order.id");

            // Then the same event is retried (same id, fresh signature each time) ...
            await(Duration.ofSeconds(120), "five attempts reach the receiver",
                    () -> receivedFor(path, orderId).size() >= 5, orderId);
            List<Received> attempts = receivedFor(path, orderId);
            assertEquals(1, attempts.stream().map(Received::id).distinct().count(), "one event, retried");
            String eventId = attempts.get(0).id();
            for (Received attempt : attempts) {
                assertEquals("v1=" + hmacQuietly(secret, attempt.id() + "." + attempt.timestamp() + "." + attempt.body()), attempt.signature());
            }
            // ... and after five failures in a row the webhook is disabled, visibly
            Eventually.await(Duration.ofSeconds(30), "the webhook shows disabled",
                    () -> !listed(http, webhookId).orElseThrow().getBoolean("active"));
            JsonObject webhook = listed(http, webhookId).orElseThrow();
            assertEquals(5, webhook.getInt("consecutiveFailures"));
            String reason = webhook.getString("disabledReason");
            assertTrue(reason.contains("5 consecutive failed deliveries") && reason.contains("HTTP 500"), reason);
            assertNotNull(webhook.getString("disabledAt"));
            JsonObject parked = deliveries(http, webhookId).getValuesAs(JsonObject.class).stream()
                    .filter(d -> d.getString("id").equals(eventId)).findFirst().orElseThrow();
            assertEquals("FAILED", parked.getString("status"));
            assertEquals(5, parked.getInt("attempts"));
            assertEquals(500, parked.getInt("lastStatusCode"));
            assertEquals(5, receivedFor(path, orderId).size(), "nothing is sent to a disabled webhook");

            // When the receiver is fixed, an admin enables the webhook and retries the parked delivery
            answers.put(path, 200);
            var retryWhileDisabled = http.post("/api/admin/webhooks/deliveries/" + eventId + "/retry", "",
                    "Authorization", Tokens.admin());
            assertEquals(409, retryWhileDisabled.statusCode(), retryWhileDisabled.body());
            var enabled = http.post("/api/admin/webhooks/" + webhookId + "/enable", "", "Authorization", Tokens.admin());
            assertEquals(200, enabled.statusCode(), enabled.body());
            assertEquals("true", field(enabled.body(), "active"));
            assertEquals("0", field(enabled.body(), "consecutiveFailures"));
            var retried = http.post("/api/admin/webhooks/deliveries/" + eventId + "/retry", "",
                    "Authorization", Tokens.admin());
            assertEquals(200, retried.statusCode(), retried.body());
            assertEquals("PENDING", field(retried.body(), "status"));

            // Then it is delivered, with the same event id
            Eventually.await(Duration.ofSeconds(60), "the retried delivery is DELIVERED",
                    () -> deliveries(http, webhookId).getValuesAs(JsonObject.class).stream().anyMatch(d ->
                            d.getString("id").equals(eventId) && d.getString("status").equals("DELIVERED")));
            assertEquals(eventId, receivedFor(path, orderId).get(5).id());
            for (String get : List.of("/api/admin/webhooks", "/api/admin/webhooks/" + webhookId + "/deliveries")) {
                assertFalse(http.get(get, "Authorization", Tokens.admin()).body().contains(secret));
            }
        } finally {
            assertEquals(204, http.send("DELETE", "/api/admin/webhooks/" + webhookId, null,
                    "Authorization", Tokens.admin()).statusCode());
        }
    }

    private static String hmacQuietly(String secret, String text) {
        try {
            return hmac(secret, text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void bad_registrations_are_problems_naming_the_field_and_private_addresses_are_refused_even_in_test_mode() {
        var http = new Http(base);

        // malformed input: 400
        for (var bad : List.of(
                List.of("{\"url\":\"ftp://hooks.example.com/in\",\"events\":[\"*\"]}", "url"),
                List.of("{\"url\":\"http://127.0.0.1:9/in\",\"events\":[\"order.exploded\"]}", "events[0]"),
                List.of("{\"url\":\"http://127.0.0.1:9/in\"}", "events"),
                List.of("{\"events\":[\"*\"]}", "url"),
                List.of("{\"url\":\"https://user:pw@hooks.example.com/in\",\"events\":[\"*\"]}", "url"),
                // the secret is generated by the server, never chosen by the client
                List.of("{\"url\":\"http://127.0.0.1:9/in\",\"events\":[\"*\"],\"secret\":\"mine\"}", "secret"))) {
            var answer = http.post("/api/admin/webhooks", bad.get(0), "Authorization", Tokens.admin());
            assertEquals(400, answer.statusCode(), bad.get(0) + " → " + answer.body());
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
            assertTrue(answer.body().contains("\"field\":\"" + bad.get(1) + "\""), bad.get(0) + " → " + answer.body());
        }

        // well-formed, but an address no webhook may reach: 422, without any connection being made
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/in", // private: refused, never contacted
                "http://192.168.1.1/in", "http://[fd00::1]/in", "http://[::ffff:169.254.169.254]/in", // private: refused
                "http://100.64.0.1/in")) {
            var answer = register(http, url, "[\"*\"]");
            assertEquals(422, answer.statusCode(), url + " → " + answer.body());
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
            assertTrue(answer.body().contains("\"field\":\"url\"") && answer.body().contains("public addresses"),
                    url + " → " + answer.body());
        }

        // admins only
        assertEquals(401, http.post("/api/admin/webhooks", "{\"url\":\"http://127.0.0.1:9/in\",\"events\":[\"*\"]}")
                .statusCode());
        assertEquals(403, http.get("/api/admin/webhooks", "Authorization", Tokens.staff()).statusCode());
        var unknown = http.post("/api/admin/webhooks/deliveries/" + UUID.randomUUID() + "/retry", "",
                "Authorization", Tokens.admin());
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertEquals(404, http.post("/api/admin/webhooks/" + UUID.randomUUID() + "/enable", "",
                "Authorization", Tokens.admin()).statusCode());
    }
}
