package io.tijarat.web.plugin;

import static io.tijarat.web.testing.Http.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.plugin.testkit.Eventually;
import io.tijarat.web.testing.Http;
import io.tijarat.web.testing.PayaraTestServer;
import io.tijarat.web.testing.ProviderCallCounts;
import io.tijarat.web.testing.Shop;
import io.tijarat.web.testing.TestPlugins;
import io.tijarat.web.testing.TijaratIT;
import java.net.URL;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Fault tolerance per provider, in the running server. Third-party payment plugins are dropped into the
 * plugin directory while it runs (hot drop-in): one whose gateway always refuses ("flaky") and one whose
 * gateway takes four seconds ("slow"), and one whose payments always end unknown. The flaky and unknown
 * providers' breakers open and the slow provider's bulkhead fills, and cash on delivery keeps taking
 * orders at full speed throughout.
 */
@TijaratIT
@RunAsClient
class ProviderIsolationIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PayaraTestServer.realWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void an_open_breaker_and_a_full_bulkhead_stay_with_their_own_provider() throws Exception {
        var http = new Http(base);
        var shop = new Shop(http);
        dropPlugin("test-flaky", "throw new io.tijarat.spi.TransientProviderException(\"gateway refused the connection\");");
        dropPlugin("test-slow", "try { Thread.sleep(4_000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }"
                + " return new PaymentOutcome.Approved(\"SLOW-\" + request.attemptId(), request.amount());");
        dropPlugin("test-unknown", "return PaymentOutcome.Unknown.of(\"the gateway did not answer in time\");");
        Eventually.await(Duration.ofSeconds(30), "the dropped plugins become active",
                () -> active(http, "test-flaky") && active(http, "test-slow") && active(http, "test-unknown"));

        // Given the flaky gateway refuses every call: its breaker opens after its request volume.
        List<String> flaky = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            flaky.add(field(shop.checkout("test-flaky").body(), "order.payment.status"));
        }
        assertTrue(flaky.stream().allMatch("NOT_SENT"::equals), flaky::toString);
        assertTrue(metric(http, "test-flaky", "breaker-open") >= 1, "the flaky provider's breaker opened");
        assertEquals("OPEN", pluginField(http, "test-flaky", "circuitBreaker"));
        assertEquals("CLOSED", pluginField(http, "cod", "circuitBreaker"));

        // Given a gateway that keeps leaving payments unknown: that counts against its breaker too.
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            unknown.add(field(shop.checkout("test-unknown").body(), "order.payment.status"));
        }
        assertEquals("UNKNOWN", unknown.get(0), unknown::toString);
        assertEquals("NOT_SENT", unknown.get(13), () -> "the breaker should have opened: " + unknown);
        assertTrue(metric(http, "test-unknown", "breaker-open") >= 1);

        // When thirty customers pay with the slow provider at once (its bulkhead holds twenty) ...
        ExecutorService pool = Executors.newFixedThreadPool(30);
        try {
            List<CompletableFuture<String>> slow = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                slow.add(CompletableFuture.supplyAsync(
                        () -> field(shop.checkout("test-slow").body(), "order.payment.status"), pool));
            }
            Eventually.await(Duration.ofSeconds(20), "the slow provider's bulkhead is full",
                    () -> metric(http, "test-slow", "bulkhead-full") >= 1);

            // ... then cash on delivery is served at once: neither breaker nor bulkhead is shared.
            long started = System.nanoTime();
            var cod = shop.checkout("cod");
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertEquals(201, cod.statusCode(), cod.body());
            assertEquals("CONFIRMED", field(cod.body(), "order.status"));
            assertTrue(millis < 3_000, "cod took " + millis + " ms while the slow provider was saturated");

            Map<String, Integer> outcomes = new TreeMap<>();
            for (var f : slow) {
                outcomes.merge(f.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            assertTrue(outcomes.getOrDefault("APPROVED", 0) <= 20, () -> "bulkhead exceeded: " + outcomes);
            assertTrue(outcomes.getOrDefault("NOT_SENT", 0) >= 1, () -> "bulkhead never filled: " + outcomes);
            assertEquals(30, outcomes.getOrDefault("APPROVED", 0) + outcomes.getOrDefault("NOT_SENT", 0), outcomes::toString);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(metric(http, "test-slow", "bulkhead-full") >= 1);
        assertEquals(0, metric(http, "cod", "breaker-open") + metric(http, "cod", "bulkhead-full"));

        // And a removed jar is unloaded without a restart.
        Files.delete(TestPlugins.pluginDir().resolve("test-flaky.jar"));
        Eventually.await(Duration.ofSeconds(30), "the removed plugin disappears", () -> !listed(http, "test-flaky"));
    }

    @Test
    void each_provider_has_its_own_fault_tolerance_values() throws Exception {
        var http = new Http(base);
        var shop = new Shop(http);
        // Two identical plugins whose gateway takes eight seconds; only "test-tight" has settings of its own
        // (tijarat.provider.test-tight.ft.start.timeout-ms=1500 and .bulkhead=2, in the test server's config).
        String eightSeconds = "try { Thread.sleep(8_000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }"
                + " return new PaymentOutcome.Approved(\"LATE-\" + request.attemptId(), request.amount());";
        dropPlugin("test-tight", eightSeconds);
        dropPlugin("test-patient", eightSeconds);
        Eventually.await(Duration.ofSeconds(30), "the dropped plugins become active",
                () -> active(http, "test-tight") && active(http, "test-patient"));

        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            // When four customers pay with the tight provider at once, and one with the patient provider ...
            List<CompletableFuture<String>> tight = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < 4; i++) {
                tight.add(CompletableFuture.supplyAsync(
                        () -> field(shop.checkout("test-tight").body(), "order.payment.status"), pool));
            }
            CompletableFuture<String> patient = CompletableFuture.supplyAsync(
                    () -> field(shop.checkout("test-patient").body(), "order.payment.status"), pool);

            Map<String, Integer> outcomes = new TreeMap<>();
            for (var f : tight) {
                outcomes.merge(f.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            long tightMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            // ... then its bulkhead of two refuses the other two at once, its 1.5 s budget (+2 s margin) ends
            // the two it took as unknown long before the gateway's eight seconds, ...
            assertEquals(Map.of("NOT_SENT", 2, "UNKNOWN", 2), outcomes);
            assertTrue(tightMillis < 7_000, "the tight provider's calls took " + tightMillis + " ms");
            // ... and the patient provider, with the defaults (its plugin declares a 10 s budget), is paid.
            assertEquals("APPROVED", patient.get(60, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertTrue(metric(http, "test-tight", "timeout") >= 2);
        assertEquals(0, metric(http, "test-patient", "timeout") + metric(http, "test-patient", "bulkhead-full"));
    }

    private static void dropPlugin(String id, String startBody) {
        TestPlugins.dropPayment(id, "", "public PaymentOutcome start(PaymentRequest request) { " + startBody + " }");
    }

    private static boolean active(Http http, String id) {
        return "ACTIVE".equals(TestPlugins.state(http, id));
    }

    private static boolean listed(Http http, String id) {
        return TestPlugins.state(http, id) != null;
    }

    private static String pluginField(Http http, String id, String name) {
        return TestPlugins.field(http, id, name);
    }

    @Test
    void made_up_provider_ids_in_callback_and_return_urls_add_no_metric_series() {
        var http = new Http(base);
        // one request with an unknown id first, so the shared "unknown" series exists before counting
        http.post("/api/webhooks/made-up-warmup", "{}");
        http.get("/api/payments/return/made-up-warmup");
        int before = http.get("/metrics").body().split("\n").length;

        // When a thousand made-up provider ids are sent callbacks and customer returns
        for (int i = 0; i < 500; i++) {
            http.post("/api/webhooks/made-up-" + i, "{\"status\":\"PAID\"}");
            http.get("/api/payments/return/made-up-x" + i + "?pp_ResponseCode=000");
        }

        // Then /metrics is the same size (give or take the few series of requests being counted) and names none
        String after = http.get("/metrics").body();
        int growth = after.split("\n").length - before;
        assertTrue(growth < 40, "/metrics grew by " + growth + " lines");
        assertTrue(after.lines().noneMatch(line -> line.contains("made-up")),
                () -> after.lines().filter(line -> line.contains("made-up")).findFirst().orElse(""));
    }

    private static long metric(Http http, String provider, String result) {
        return ProviderCallCounts.of(http, provider, null, result);
    }
}
