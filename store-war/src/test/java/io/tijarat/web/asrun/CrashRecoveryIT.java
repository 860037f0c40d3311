package io.tijarat.web.asrun;

import static io.tijarat.web.testing.TestSql.text;
import static io.tijarat.web.testing.TestSql.count;
import static io.tijarat.web.testing.StubHttp.respond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.tijarat.core.fault.FaultPoints;
import io.tijarat.core.plugin.testkit.TestPluginJars;
import io.tijarat.core.testsupport.TestDatabase;
import io.tijarat.web.testing.Http;
import io.tijarat.web.testing.Shop;
import io.tijarat.web.testing.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kill -9 at each fault point of checkout, restart, reconcile: exactly one charge at the gateway (or none),
 * exactly one order, and the order right. The gateway is an HTTP stub in this JVM that remembers charges
 * by the core's attempt id, as real gateways do by merchant reference; the payment plugin calls it through
 * the core's HTTP client and inquires it after the restart.
 */
class CrashRecoveryIT {

    private static HttpServer gateway;
    private static final Map<String, AtomicInteger> charges = new ConcurrentHashMap<>();

    @BeforeAll
    static void gateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/charge", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String attempt = body.substring(body.indexOf("attempt=") + 8, body.indexOf('&'));
            charges.computeIfAbsent(attempt, a -> new AtomicInteger()).incrementAndGet();
            respond(exchange, 200, "GW-" + attempt);
        });
        gateway.createContext("/charges/", exchange -> {
            String attempt = exchange.getRequestURI().getPath().substring("/charges/".length());
            if (charges.containsKey(attempt)) {
                respond(exchange, 200, "GW-" + attempt);
            } else {
                respond(exchange, 404, "no such payment");
            }
        });
        gateway.start();
    }

    @AfterAll
    static void stopGateway() {
        gateway.stop(0);
    }

    @ParameterizedTest(name = "crash {0}")
    @CsvSource({
            FaultPoints.AFTER_ATTEMPT_COMMIT + ", EXPIRED, EXPIRED, 0",
            FaultPoints.AFTER_PROVIDER_ANSWER + ", APPROVED, PAID, 1"})
    void a_crash_during_checkout_ends_with_at_most_one_charge_and_a_correct_order(String faultPoint, String attemptAfter,
                                                                                 String orderAfter, int chargesAfter)
            throws Exception {
        Path workdir = Files.createDirectories(Path.of(System.getProperty("tijarat.it.workdir"), "crash-" + faultPoint));
        Path plugins = Files.createDirectories(workdir.resolve("plugins"));
        Files.copy(Path.of(System.getProperty("tijarat.it.bundledPlugins"), "tijarat-plugin-flat-rate.jar"),
                plugins.resolve("tijarat-plugin-flat-rate.jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.write(plugins.resolve("test-gateway.jar"), gatewayPlugin());
        TestDatabase db = TestDatabase.get();
        Map<String, String> props = new HashMap<>(Map.of(
                "tijarat.db.url", db.url(), "tijarat.db.user", db.user(), "tijarat.db.password", db.password(),
                "tijarat.mode", "test", "tijarat.plugins.dir", plugins.toString(),
                "tijarat.provider.test-gateway.base-url", "http://127.0.0.1:" + gateway.getAddress().getPort(),
                "tijarat.reconciler.interval-seconds", "0",
                "tijarat.reconciler.in-flight-seconds", "0"));
        String name = "Crash " + UUID.randomUUID().toString().substring(0, 8);
        String orderCountSql = "SELECT COUNT(*) FROM customer_order WHERE customer_name = ?";

        // Given a server that dies at the fault point
        props.put("tijarat.fault-point", faultPoint);
        try (var dying = PayaraProcess.start(workdir, props)) {
            var http = new Http(new URL("http://127.0.0.1:" + dying.port + "/"));
            var shop = new Shop(http);
            // When a customer checks out, the connection drops as the server dies
            assertThrows(UncheckedIOException.class, () -> shop.checkout("test-gateway", name));
            dying.awaitDeath();
        }
        assertEquals(1, count(orderCountSql, name), "the order was committed before the crash");
        assertEquals("STARTED", text("SELECT a.status FROM payment_attempt a JOIN customer_order o ON o.id = a.order_id"
                + " WHERE o.customer_name = ?", name));

        // Then after a restart the reconciler settles it by asking the gateway
        props.remove("tijarat.fault-point");
        try (var restarted = PayaraProcess.start(workdir, props)) {
            var http = new Http(new URL("http://127.0.0.1:" + restarted.port + "/"));
            // (the gateway's window is 3 s: an attempt it never saw expires, one it charged is paid)
            io.tijarat.core.plugin.testkit.Eventually.await(java.time.Duration.ofSeconds(30), "the attempt is settled", () -> {
                var run = http.post("/api/admin/payments/reconcile", "", "Authorization", Tokens.admin());
                assertEquals(200, run.statusCode(), run.body());
                return !"STARTED".equals(text("SELECT a.status FROM payment_attempt a JOIN customer_order o"
                        + " ON o.id = a.order_id WHERE o.customer_name = ?", name));
            });
        }
        String attempt = text("SELECT a.id FROM payment_attempt a JOIN customer_order o ON o.id = a.order_id"
                + " WHERE o.customer_name = ?", name);
        assertEquals(attemptAfter, text("SELECT status FROM payment_attempt WHERE id = ?", attempt));
        assertEquals(orderAfter, text("SELECT status FROM customer_order WHERE customer_name = ?", name));
        assertEquals(1, count(orderCountSql, name), "still exactly one order");
        assertEquals(chargesAfter, charges.containsKey(attempt) ? charges.get(attempt).get() : 0, "charges at the gateway");
        assertEquals(null, text("SELECT attention FROM payment_attempt WHERE id = ?", attempt),
                "a payment the gateway never saw is not escalated; a settled one needs no one");
        assertTrue(chargesAfter <= 1);
    }

    /** A payment plugin that charges and inquires through the stub gateway above, via the core's HTTP client. */
    private static byte[] gatewayPlugin() {
        return TestPluginJars.jar()
                .source("com.example.gateway.Factory", """
                        package com.example.gateway;
                        import io.tijarat.spi.*;
                        import io.tijarat.spi.payment.*;
                        import java.net.URI;
                        import java.net.http.*;
                        public class Factory implements PaymentProviderFactory {
                            public ProviderDescriptor descriptor() {
                                return ProviderDescriptor.builder("test-gateway", ProviderKind.PAYMENT).displayName("Test gateway")
                                        .pluginVersion("1.0.0").capabilities(PaymentCapability.INQUIRY)
                                        .property(ConfigProperty.required("base-url", "the gateway"))
                                        .defaultTimeout(java.time.Duration.ofSeconds(10)).build();
                            }
                            public PaymentProvider create(ProviderContext context) {
                                String base = context.config().require("base-url");
                                ProviderHttp http = context.httpClient();
                                return new PaymentProvider() {
                                    public java.time.Duration attemptExpiresAfter() {
                                        return java.time.Duration.ofSeconds(3);
                                    }
                                    public PaymentOutcome start(PaymentRequest request) {
                                        try {
                                            var answer = http.send(HttpRequest.newBuilder(URI.create(base + "/charge"))
                                                    .POST(HttpRequest.BodyPublishers.ofString("attempt=" + request.attemptId()
                                                            + "&amount=" + request.amount().minorUnits())).build(),
                                                    HttpResponse.BodyHandlers.ofString());
                                            return new PaymentOutcome.Approved(answer.body(), request.amount());
                                        } catch (Exception e) {
                                            return PaymentOutcome.Unknown.of(e.toString());
                                        }
                                    }
                                    public InquiryOutcome inquire(InquiryRequest request) {
                                        try {
                                            var answer = http.send(HttpRequest.newBuilder(URI.create(base + "/charges/"
                                                    + request.attemptId())).GET().build(), HttpResponse.BodyHandlers.ofString());
                                            return answer.statusCode() == 200
                                                    ? new InquiryOutcome.Paid(answer.body(), request.amount())
                                                    : new InquiryOutcome.NotFound();
                                        } catch (Exception e) {
                                            return new InquiryOutcome.Unknown(e.toString());
                                        }
                                    }
                                };
                            }
                        }
                        """)
                .service("io.tijarat.spi.payment.PaymentProviderFactory", "com.example.gateway.Factory")
                .bytes();
    }
}
