package io.tijarat.web.messaging;

import static io.tijarat.web.testing.TestSql.text;
import static io.tijarat.web.testing.TestSql.count;
import static io.tijarat.web.testing.Http.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.tijarat.core.plugin.testkit.Eventually;
import io.tijarat.web.testing.Http;
import io.tijarat.web.testing.PayaraTestServer;
import io.tijarat.web.testing.Shop;
import io.tijarat.web.testing.TestPlugins;
import io.tijarat.web.testing.TestSql;
import io.tijarat.web.testing.TijaratIT;
import io.tijarat.web.testing.Tokens;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The transactional outbox: an order event writes its message with the order, in the customer's
 * language; relays running at the same time deliver each message exactly once (with its event id); a
 * message the provider refuses for good is parked where admins see it. The "mail gateway" is an HTTP
 * stub in this JVM reached by a notification plugin dropped into the running server.
 */
@TijaratIT
@RunAsClient
class OutboxIT {

    private static HttpServer mailGateway;
    private static final Map<String, List<String>> deliveries = new ConcurrentHashMap<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PayaraTestServer.realWar();
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void gateway() throws IOException {
        mailGateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        mailGateway.createContext("/send", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String event = body.substring(0, body.indexOf('\n'));
            deliveries.computeIfAbsent(event, e -> new CopyOnWriteArrayList<>()).add(body.substring(body.indexOf('\n') + 1));
            byte[] answer = ("MSG-" + event).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (var out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        mailGateway.start();
    }

    @AfterAll
    static void stop() {
        mailGateway.stop(0);
    }

    @Test
    void order_events_are_delivered_once_in_the_customers_language_and_refusals_are_parked() throws Exception {
        var http = new Http(base);
        dropMailPlugin();
        Eventually.await(Duration.ofSeconds(30), "the mail plugin is active",
                () -> "ACTIVE".equals(TestPlugins.state(http, "test-mail")));
        var shop = new Shop(http);

        // Given two COD orders with e-mail addresses, one in Urdu, and one to an address the gateway refuses
        String urdu = checkout(http, shop, "ayesha-" + UUID.randomUUID() + "@example.pk", "ur");
        String english = checkout(http, shop, "bilal-" + UUID.randomUUID() + "@example.pk", "en");
        String refused = checkout(http, shop, "nobody@reject.example.pk", "en");
        // the message was written with the order, in the same transaction
        assertEquals(1, count("SELECT COUNT(*) FROM outbox_message WHERE order_id = ? AND event_type = 'ORDER_PLACED'", urdu));

        // When five relays run at the same time (plus the scheduled one)
        List<CompletableFuture<Integer>> relays = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            relays.add(CompletableFuture.supplyAsync(() ->
                    http.post("/api/admin/notifications/relay", "", "Authorization", Tokens.admin()).statusCode()));
        }
        for (var relay : relays) {
            assertEquals(200, relay.get());
        }

        // Then each message reaches the gateway exactly once, with its event id
        Eventually.await(Duration.ofSeconds(30), "both customer messages are sent",
                () -> "SENT".equals(state(urdu)) && "SENT".equals(state(english)));
        String urduEvent = eventId(urdu);
        assertEquals(1, deliveries.get(urduEvent).size(), "delivered once");
        assertEquals(1, deliveries.get(eventId(english)).size(), "delivered once");
        assertTrue(deliveries.get(urduEvent).get(0).contains("موصول"), deliveries.get(urduEvent).toString());
        assertTrue(deliveries.get(eventId(english)).get(0).contains("received"), deliveries.get(eventId(english)).toString());
        // and a refusal is parked for an admin, not retried
        Eventually.await(Duration.ofSeconds(30), "the refused message is parked", () -> "PARKED".equals(state(refused)));
        var parked = http.get("/api/admin/notifications?state=PARKED", "Authorization", Tokens.admin());
        assertTrue(parked.body().contains(eventId(refused)), parked.body());
        assertTrue(parked.body().contains("550"), parked.body());
    }

    @Test
    void retrying_a_parked_message_behind_two_hundred_newer_pending_ones_answers_it_not_500() {
        var http = new Http(base);
        String prefix = "R" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "-";
        String parked = prefix + "parked";
        try {
            // Given a parked message, and 200 newer messages pending (not due, so no relay touches them)
            insert(parked, "PARKED", "2026-01-01 00:00:00", "2026-01-01 00:00:00");
            for (int i = 0; i < 200; i++) {
                insert(prefix + i, "PENDING", "2037-01-01 00:00:00", "2026-06-01 00:00:00");
            }

            // When an admin retries the parked one
            var retried = http.post("/api/admin/notifications/" + parked + "/retry", "", "Authorization", Tokens.admin());

            // Then it is answered, found by its id (it used to be looked up among the 200 newest pending: 500)
            assertEquals(200, retried.statusCode(), retried.body());
            assertEquals(parked, field(retried.body(), "id"));
            assertEquals("PENDING", field(retried.body(), "state"));
            var unknown = http.post("/api/admin/notifications/" + prefix + "nope/retry", "", "Authorization", Tokens.admin());
            assertEquals(404, unknown.statusCode(), unknown.body());
        } finally {
            TestSql.update("DELETE FROM outbox_message WHERE id LIKE ?", prefix + "%");
        }
    }

    private static void insert(String id, String state, String nextAttemptAt, String createdAt) {
        TestSql.update("INSERT INTO outbox_message (id, event_type, order_id, channel, recipient, locale, subject, body,"
                + " state, attempts, next_attempt_at, last_error, created_at) VALUES (?, 'ORDER_PLACED', NULL, 'EMAIL',"
                + " 'retry@example.pk', 'en', 'subject', 'body', ?, 1, ?, 'test', ?)", id, state, nextAttemptAt, createdAt);
    }

    private void dropMailPlugin() {
        String url = "http://127.0.0.1:" + mailGateway.getAddress().getPort() + "/send";
        TestPlugins.dropNotification("test-mail", "NotificationCapability.EMAIL", """
                public SendOutcome send(MessageRequest request) {
                    var to = ((Recipient.Email) request.recipient()).address().value();
                    if (to.endsWith("@reject.example.pk")) {
                        return new SendOutcome.Rejected("550", "no such mailbox");
                    }
                    try {
                        var answer = context.httpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("%URL%"))
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(request.eventId().value() + "\\n"
                                        + request.content().subject().orElse("") + "\\n" + request.content().text())).build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString());
                        return new SendOutcome.Accepted(answer.body());
                    } catch (Exception e) {
                        return new SendOutcome.Unknown(e.toString());
                    }
                }
                """.replace("%URL%", url));
    }

    private static String checkout(Http http, Shop shop, String email, String locale) {
        return field(shop.checkout("cod", "Outbox Customer", email, locale).body(), "order.id");
    }

    private static String state(String orderId) {
        return text("SELECT state FROM outbox_message WHERE order_id = ? AND event_type = 'ORDER_PLACED'", orderId);
    }

    private static String eventId(String orderId) {
        return text("SELECT id FROM outbox_message WHERE order_id = ? AND event_type = 'ORDER_PLACED'", orderId);
    }
}
