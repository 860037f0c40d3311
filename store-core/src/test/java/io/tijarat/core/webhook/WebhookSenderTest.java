package io.tijarat.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sender against a receiver on 127.0.0.1 (dev-mode policy), and the production policy refusing it. */
class WebhookSenderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);
    private static final String PAYLOAD = "{\"id\":\"evt-1\",\"type\":\"order.placed\",\"data\":{\"orderNumber\":\"TJ-1\"}}";

    private record Received(String path, Headers headers, String body) {
    }

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, exchange.getRequestHeaders(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            switch (path) {
                case "/ok" -> answer(exchange, 204, null);
                case "/fail" -> answer(exchange, 500, "oops");
                case "/moved" -> {
                    exchange.getResponseHeaders().add("Location", url("/ok"));
                    answer(exchange, 302, null);
                }
                case "/slow" -> {
                    await();
                    answer(exchange, 200, null);
                }
                case "/endless" -> {
                    exchange.sendResponseHeaders(200, 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write('[');
                        out.flush();
                        await(); // the body never ends while the test runs
                    } catch (IOException e) {
                        // the sender closed the connection, as it should
                    }
                }
                default -> answer(exchange, 404, null);
            }
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        receiver.stop(0);
    }

    private void await() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private static WebhookStore.Claim claim(String url, WebhookSecret secret) {
        return new WebhookStore.Claim("evt-1", "endpoint-1", url, List.of(secret), PAYLOAD, 1);
    }

    private static WebhookSender sender(boolean production, Duration requestTimeout) {
        return new WebhookSender(new DestinationPolicy(production, InetAddress::getAllByName), CLOCK,
                WebhookSender.client(Duration.ofSeconds(5)), requestTimeout);
    }

    @Test
    void a_delivery_is_a_signed_json_post_with_its_event_id_and_timestamp() {
        WebhookSecret secret = WebhookSecret.generate();

        DeliveryOutcome outcome = sender(false, Duration.ofSeconds(10)).send(claim(url("/ok"), secret)).join();

        assertEquals(new DeliveryOutcome.Delivered(204), outcome);
        Received request = received.get(0);
        assertEquals(PAYLOAD, request.body());
        assertEquals("application/json", request.headers().getFirst("Content-Type"));
        assertEquals("evt-1", request.headers().getFirst("Tijarat-Webhook-Id"));
        assertEquals("1796032800", request.headers().getFirst("Tijarat-Webhook-Timestamp"));
        assertEquals(WebhookSignature.sign(secret, "evt-1", 1_796_032_800L, PAYLOAD.getBytes(StandardCharsets.UTF_8)),
                request.headers().getFirst("Tijarat-Webhook-Signature"));
    }

    @Test
    void an_answer_other_than_2xx_is_a_rejection_and_redirects_are_not_followed() {
        var sender = sender(false, Duration.ofSeconds(10));

        assertEquals(new DeliveryOutcome.Rejected(500), sender.send(claim(url("/fail"), WebhookSecret.generate())).join());
        assertEquals(new DeliveryOutcome.Rejected(302), sender.send(claim(url("/moved"), WebhookSecret.generate())).join());
        assertEquals(List.of("/fail", "/moved"), received.stream().map(Received::path).toList());
        assertEquals("HTTP 500", new DeliveryOutcome.Rejected(500).error());
    }

    @Test
    void a_receiver_that_does_not_answer_in_time_is_no_answer() {
        long started = System.nanoTime();
        DeliveryOutcome outcome = sender(false, Duration.ofMillis(300)).send(claim(url("/slow"), WebhookSecret.generate())).join();

        assertInstanceOf(DeliveryOutcome.NoAnswer.class, outcome);
        assertTrue(outcome.error().contains("no answer within 300 ms"), outcome.error());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0);
    }

    @Test
    void a_body_that_never_ends_does_not_hold_the_sender() {
        long started = System.nanoTime();
        DeliveryOutcome outcome = sender(false, Duration.ofSeconds(2)).send(claim(url("/endless"), WebhookSecret.generate())).join();

        assertEquals(new DeliveryOutcome.Delivered(200), outcome);
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(2)) < 0);
    }

    @Test
    void nothing_listening_is_no_answer() throws IOException {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        DeliveryOutcome outcome = sender(false, Duration.ofSeconds(2))
                .send(claim("http://127.0.0.1:" + port + "/ok", WebhookSecret.generate())).join();

        assertEquals(new DeliveryOutcome.NoAnswer("connection refused"), outcome);
    }

    @Test
    void in_production_mode_a_loopback_receiver_is_refused_before_anything_is_sent() {
        DeliveryOutcome outcome = sender(true, Duration.ofSeconds(2)).send(claim(url("/ok"), WebhookSecret.generate())).join();

        assertInstanceOf(DeliveryOutcome.NoAnswer.class, outcome);
        assertTrue(outcome.error().startsWith("refused: url must use https"), outcome.error());
        DeliveryOutcome https = sender(true, Duration.ofSeconds(2))
                .send(claim(url("/ok").replace("http:", "https:"), WebhookSecret.generate())).join();
        assertTrue(https.error().contains("127.0.0.1, a loopback address"), https.error());
        assertEquals(List.of(), received);
    }
}
