package io.tijarat.core.plugin.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderHttp;
import io.tijarat.spi.ProviderKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guarded HTTP client against a JDK HTTP server on 127.0.0.1; no test traffic leaves the machine. */
class HostProviderHttpTest {

    private static final ProviderDescriptor STUBBED = ProviderDescriptor.builder("stubbed", ProviderKind.PAYMENT)
            .displayName("Stubbed").pluginVersion("1.0.0").defaultTimeout(Duration.ofMillis(500)).build();

    private HttpServer server;
    private java.util.concurrent.ExecutorService serverThreads;
    private final Map<String, String> correlationHeaders = new ConcurrentHashMap<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<ProviderCall> calls = new CopyOnWriteArrayList<>();
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    private final AtomicReference<String> correlationId = new AtomicReference<>("order-1042-attempt-1");

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().getPath());
            Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Correlation-Id"))
                    .ifPresent(id -> correlationHeaders.put(exchange.getRequestURI().getPath(), id));
            switch (exchange.getRequestURI().getPath()) {
                case "/redirect" -> {
                    exchange.getResponseHeaders().add("Location", "/elsewhere");
                    respond(exchange, 302, "moved");
                }
                case "/slow" -> {
                    awaitRelease();
                    respond(exchange, 200, "late");
                }
                default -> respond(exchange, 200, "ok");
            }
        });
        serverThreads = java.util.concurrent.Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.start();
    }

    @AfterEach
    void stopServer() {
        releaseSlow.countDown();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void givenALoopbackStub_whenCalledOverHttpWithInsecureLoopbackAllowed_thenTheResponseComesBack() throws Exception {
        HttpResponse<String> response = http(true).send(get("/ok"), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertEquals("ok", response.body());
    }

    @Test
    void givenPlainHttpToANonLoopbackHost_whenSent_thenRefusedBeforeAnythingIsSent() {
        // A capturing client: even if the check regressed, nothing would leave the machine.
        CapturingHttpClient client = new CapturingHttpClient();
        HostProviderHttp http = new HostProviderHttp("stubbed", Duration.ofMillis(500), client, true,
                Optional::empty, calls::add);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> http.send(
                HttpRequest.newBuilder(URI.create("http://sandbox.jazzcash.com.pk/pay?pp_Amount=100")).build(),
                HttpResponse.BodyHandlers.discarding()));

        assertTrue(e.getMessage().contains("must use https"), e.getMessage());
        assertFalse(e.getMessage().contains("pp_Amount"), "the query may carry data: " + e.getMessage());
        assertTrue(client.sent.isEmpty());
        assertTrue(calls.isEmpty(), "nothing was sent, so nothing is counted");
    }

    @Test
    void givenPlainHttpToLoopbackWithoutTheInsecureFlag_whenSent_thenRefused() {
        ProviderHttp http = http(false);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> http.send(get("/ok"), HttpResponse.BodyHandlers.discarding()));

        assertTrue(e.getMessage().contains("insecure loopback"), e.getMessage());
        assertTrue(paths.isEmpty());
    }

    @Test
    void givenOtherSchemes_whenSent_thenRefused() {
        ProviderHttp http = http(true);

        for (String uri : List.of("ftp://127.0.0.1/file", "ws://127.0.0.1/socket")) {
            assertThrows(IllegalArgumentException.class,
                    () -> http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.discarding()),
                    uri);
        }
    }

    @Test
    void givenHttpsToTheLoopbackStub_whenSent_thenItIsAllowedAndFailsOnlyAtTheTlsHandshake() {
        // The stub speaks plain HTTP: the policy lets https through, TLS then fails, on 127.0.0.1 only.
        URI https = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/ok");

        assertThrows(IOException.class, () -> http(false).send(HttpRequest.newBuilder(https).build(),
                HttpResponse.BodyHandlers.discarding()));

        assertEquals(1, calls.size());
        assertTrue(calls.get(0).failure().isPresent());
        assertEquals("failed", calls.get(0).outcomeClass());
    }

    @Test
    void givenARedirect_whenSent_thenThe3xxIsReturnedAndNotFollowed() throws Exception {
        HttpResponse<String> response = http(true).send(get("/redirect"), HttpResponse.BodyHandlers.ofString());

        assertEquals(302, response.statusCode());
        assertEquals(Optional.of("/elsewhere"), response.headers().firstValue("Location"));
        assertEquals(List.of("/redirect"), paths);
    }

    @Test
    void givenACorrelationId_whenSent_thenTheHeaderCarriesIt_evenOverAPluginsOwn() throws Exception {
        ProviderHttp http = http(true);

        http.send(get("/ok"), HttpResponse.BodyHandlers.discarding());
        http.send(HttpRequest.newBuilder(uri("/own")).header("X-Correlation-Id", "plugin-made").build(),
                HttpResponse.BodyHandlers.discarding());

        assertEquals("order-1042-attempt-1", correlationHeaders.get("/ok"));
        assertEquals("order-1042-attempt-1", correlationHeaders.get("/own"));
    }

    @Test
    void givenNoCorrelationIdOrAnUnsafeOne_whenSent_thenNoHeaderAndTheCallStillWorks() throws Exception {
        ProviderHttp http = http(true);
        correlationId.set(null);
        http.send(get("/none"), HttpResponse.BodyHandlers.discarding());
        correlationId.set("evil\r\nX-Injected: 1");

        HttpResponse<Void> response = http.send(get("/unsafe"), HttpResponse.BodyHandlers.discarding());

        assertEquals(200, response.statusCode());
        assertFalse(correlationHeaders.containsKey("/none"));
        assertFalse(correlationHeaders.containsKey("/unsafe"));
    }

    @Test
    void givenARequestWithoutATimeout_whenTheGatewayIsSlow_thenTheDescriptorsBudgetEndsIt() {
        ProviderHttp http = http(true); // STUBBED's budget: 500 ms

        assertThrows(HttpTimeoutException.class, () -> http.send(get("/slow"), HttpResponse.BodyHandlers.discarding()));

        assertEquals(Optional.of(HttpTimeoutException.class.getName()), calls.get(0).failure());
    }

    @Test
    void givenRequestsWithAndWithoutTheirOwnTimeout_whenSent_thenOnlyTheMissingOneGetsTheBudget() throws Exception {
        CapturingHttpClient client = new CapturingHttpClient();
        HostProviderHttp http = new HostProviderHttp("stubbed", Duration.ofMillis(500), client, false,
                Optional::empty, ProviderCallListener.NONE);
        URI gateway = URI.create("https://gateway.example/api"); // captured, never sent

        http.send(HttpRequest.newBuilder(gateway).build(), HttpResponse.BodyHandlers.discarding());
        http.send(HttpRequest.newBuilder(gateway).timeout(Duration.ofSeconds(50)).build(),
                HttpResponse.BodyHandlers.discarding());

        assertEquals(Optional.of(Duration.ofMillis(500)), client.sent.get(0).timeout());
        assertEquals(Optional.of(Duration.ofSeconds(50)), client.sent.get(1).timeout());
    }

    @Test
    void givenACallBudget_whenAPluginAsksForALongerTimeout_thenTheRequestGetsOnlyWhatIsLeft() throws Exception {
        CapturingHttpClient client = new CapturingHttpClient();
        HostProviderHttp http = new HostProviderHttp("stubbed", Duration.ofSeconds(60), client, false,
                Optional::empty, ProviderCallListener.NONE);
        URI gateway = URI.create("https://gateway.example/api"); // captured, never sent

        try (CallBudget.Scope budget = CallBudget.open(Duration.ofSeconds(3))) {
            http.send(HttpRequest.newBuilder(gateway).timeout(Duration.ofSeconds(55)).build(),
                    HttpResponse.BodyHandlers.discarding());
            http.send(HttpRequest.newBuilder(gateway).build(), HttpResponse.BodyHandlers.discarding());
            http.send(HttpRequest.newBuilder(gateway).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.discarding());
        }

        Duration first = client.sent.get(0).timeout().orElseThrow();
        Duration second = client.sent.get(1).timeout().orElseThrow();
        assertTrue(first.compareTo(Duration.ofSeconds(3)) <= 0 && first.compareTo(Duration.ofSeconds(2)) > 0, first::toString);
        assertTrue(second.compareTo(Duration.ofSeconds(3)) <= 0, second::toString);
        assertEquals(Optional.of(Duration.ofSeconds(1)), client.sent.get(2).timeout(), "a shorter timeout is kept");
    }

    @Test
    void givenASpentBudget_whenAPluginSends_thenNothingIsSentAndTheFailureSaysNotSent() throws Exception {
        ProviderHttp http = http(true);

        IOException e;
        try (CallBudget.Scope budget = CallBudget.open(Duration.ofMillis(1))) {
            Thread.sleep(5);
            e = assertThrows(IOException.class, () -> http.send(get("/never"), HttpResponse.BodyHandlers.discarding()));
        }

        assertTrue(ProviderHttp.wasNotSent(e), e.toString());
        assertFalse(paths.contains("/never"), "the request reached the gateway");
    }

    @Test
    void givenASlowGateway_whenTheBudgetEndsBeforeThePluginsOwnTimeout_thenTheBudgetEndsTheRequest() {
        ProviderHttp http = http(true);
        long started = System.nanoTime();

        try (CallBudget.Scope budget = CallBudget.open(Duration.ofMillis(300))) {
            assertThrows(HttpTimeoutException.class, () -> http.send(HttpRequest.newBuilder(uri("/slow"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding()));
        }

        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0,
                "the plugin's 20 s timeout applied instead of the 300 ms left");
        assertEquals(Optional.empty(), CallBudget.remaining(), "the budget ends with its scope");
    }

    @Test
    void givenNestedBudgets_whenTheInnerOneIsLonger_thenTheOuterDeadlineStillHolds() {
        try (CallBudget.Scope outer = CallBudget.open(Duration.ofSeconds(2))) {
            try (CallBudget.Scope inner = CallBudget.open(Duration.ofSeconds(60))) {
                assertTrue(CallBudget.remaining().orElseThrow().compareTo(Duration.ofSeconds(2)) <= 0);
            }
            assertTrue(CallBudget.remaining().isPresent());
        }
        assertEquals(Optional.empty(), CallBudget.remaining());
    }

    @Test
    void givenAPostWithHeaders_whenGuarded_thenMethodBodyAndHeadersAreKept() throws Exception {
        CapturingHttpClient client = new CapturingHttpClient();
        HostProviderHttp http = new HostProviderHttp("stubbed", Duration.ofMillis(500), client, false,
                () -> Optional.of("corr-1"), ProviderCallListener.NONE);

        http.send(HttpRequest.newBuilder(URI.create("https://gateway.example/api"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build(), HttpResponse.BodyHandlers.discarding());

        HttpRequest sent = client.sent.get(0);
        assertEquals("POST", sent.method());
        assertEquals(7L, sent.bodyPublisher().orElseThrow().contentLength());
        assertEquals(Optional.of("application/json"), sent.headers().firstValue("Content-Type"));
        assertEquals(List.of("corr-1"), sent.headers().allValues("X-Correlation-Id"));
    }

    @Test
    void givenAnExchange_whenCompleted_thenTheListenerGetsProviderMethodHostStatusAndDuration() throws Exception {
        http(true).send(HttpRequest.newBuilder(uri("/ok?cnic=3520212345671")).POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(), HttpResponse.BodyHandlers.discarding());

        ProviderCall call = calls.get(0);
        assertEquals("stubbed", call.providerId());
        assertEquals("POST", call.method());
        assertEquals("127.0.0.1", call.host());
        assertEquals(OptionalInt.of(200), call.status());
        assertEquals(Optional.empty(), call.failure());
        assertEquals("2xx", call.outcomeClass());
        assertFalse(call.duration().isNegative());
    }

    @Test
    void givenTheOperatorsTimeoutForTheProvider_whenTheGatewayIsSlow_thenItReplacesTheDescriptorsBudget() {
        var descriptor = ProviderDescriptor.builder("patient", ProviderKind.PAYMENT).displayName("Patient")
                .pluginVersion("1.0.0").defaultTimeout(Duration.ofSeconds(60)).build();
        ProviderContextFactory contexts = ProviderContextFactory.builder(
                        key -> key.equals("tijarat.provider.patient.timeout-ms") ? Optional.of("300") : Optional.empty())
                .allowInsecureLoopback(true)
                .build();
        ProviderHttp http = contexts.create(descriptor, contexts.readConfig(descriptor)).httpClient();

        long started = System.nanoTime();
        assertThrows(HttpTimeoutException.class, () -> http.send(get("/slow"), HttpResponse.BodyHandlers.discarding()));

        // Without the setting the descriptor's 60 s would apply and the stub's answer after 10 s would arrive.
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(30)) < 0);
    }

    @Test
    void givenAnInvalidOperatorTimeout_whenTheContextIsCreated_thenTheErrorNamesTheKey() {
        ProviderContextFactory contexts = ProviderContextFactory.builder(
                key -> key.equals("tijarat.provider.stubbed.timeout-ms") ? Optional.of("soon") : Optional.empty()).build();

        var e = assertThrows(IllegalArgumentException.class, () -> contexts.create(STUBBED, contexts.readConfig(STUBBED)));

        assertTrue(e.getMessage().contains("tijarat.provider.stubbed.timeout-ms"), e.getMessage());
    }

    @Test
    void givenAFailingListener_whenACallCompletes_thenTheCallIsUnaffected() throws Exception {
        ProviderContextFactory contexts = ProviderContextFactory.builder(key -> Optional.empty())
                .allowInsecureLoopback(true)
                .callListener(call -> {
                    throw new IllegalStateException("metrics down");
                })
                .build();
        ProviderHttp http = contexts.create(STUBBED, contexts.readConfig(STUBBED)).httpClient();

        assertEquals(200, http.send(get("/ok"), HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    @Test
    void givenTheContext_whenAskedTwice_thenTheSameClientAndLoggerAreReturned() {
        ProviderContextFactory contexts = ProviderContextFactory.builder(key -> Optional.empty()).build();
        var context = contexts.create(STUBBED, contexts.readConfig(STUBBED));

        assertInstanceOf(HostProviderHttp.class, context.httpClient());
        assertTrue(context.httpClient() == context.httpClient());
        assertTrue(context.logger() == context.logger());
        assertTrue(context.config() == context.config());
        assertEquals("stubbed", context.providerId());
    }

    @Test
    void givenLoopbackSpellings_whenChecked_thenOnlyLiteralLoopbackCounts() {
        assertTrue(UriPolicy.isLoopback("localhost"));
        assertTrue(UriPolicy.isLoopback("127.0.0.1"));
        assertTrue(UriPolicy.isLoopback("127.10.20.30"));
        assertTrue(UriPolicy.isLoopback("[::1]"));
        assertFalse(UriPolicy.isLoopback("127.0.0.1.nip.io"));
        assertFalse(UriPolicy.isLoopback("localhost.example.com"));
        assertFalse(UriPolicy.isLoopback("10.0.0.1")); // a private address is not loopback; nothing is sent
    }

    private ProviderHttp http(boolean allowInsecureLoopback) {
        ProviderContextFactory contexts = ProviderContextFactory.builder(key -> Optional.empty())
                .allowInsecureLoopback(allowInsecureLoopback)
                .connectTimeout(Duration.ofSeconds(2))
                .correlationId(() -> Optional.ofNullable(correlationId.get()))
                .callListener(calls::add)
                .build();
        return contexts.create(STUBBED, contexts.readConfig(STUBBED)).httpClient();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET().build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private void awaitRelease() {
        try {
            releaseSlow.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
