package io.tijarat.core.plugin.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderHttp;
import io.tijarat.spi.ProviderKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A gateway (or whatever answers in its place) that sends a 50 MB body: the plugin's read stops at the cap
 * with an IOException that says so, however the plugin reads the body, and the rest is never read.
 */
class ResponseBodyCapTest {

    private static final long FIFTY_MB = 50L * 1024 * 1024;
    private static final long ONE_MIB = 1024 * 1024;
    private static final ProviderDescriptor GATEWAY = ProviderDescriptor.builder("bloated", ProviderKind.PAYMENT)
            .displayName("Bloated").pluginVersion("1.0.0").defaultTimeout(Duration.ofSeconds(20)).build();

    private HttpServer server;
    private ExecutorService serverThreads;
    private final AtomicLong served = new AtomicLong();
    private final List<ProviderCall> calls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/streamed", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no length announced
            writeFiftyMegabytes(exchange.getResponseBody());
            exchange.close();
        });
        server.createContext("/declared", exchange -> {
            exchange.sendResponseHeaders(200, FIFTY_MB);
            writeFiftyMegabytes(exchange.getResponseBody());
            exchange.close();
        });
        server.createContext("/small", exchange -> {
            byte[] body = "{\"pp_ResponseCode\":\"000\"}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        serverThreads = Executors.newCachedThreadPool();
        server.setExecutor(serverThreads);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void givenAStubStreaming50MB_whenThePluginReadsItAsAString_thenTheCallFailsAtTheCapNamingTheSetting() {
        ProviderHttp http = http(Map.of());

        IOException e = assertThrows(IOException.class,
                () -> http.send(get("/streamed"), HttpResponse.BodyHandlers.ofString()));

        assertTrue(e.getMessage().contains("larger than the 1048576 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("tijarat.provider.bloated.max-response-bytes"), e.getMessage());
        assertTrue(served.get() < FIFTY_MB, "the rest was not read: " + served.get());
        assertTrue(calls.get(0).failure().isPresent(), "counted as a failed exchange");
        assertTrue(!ProviderHttp.wasNotSent(e), "the request was sent: a changing call's outcome is unknown");
    }

    @Test
    void givenAStubDeclaring50MB_whenThePluginReadsBytes_thenItFailsBeforeReadingTheBody() {
        IOException e = assertThrows(IOException.class,
                () -> http(Map.of()).send(get("/declared"), HttpResponse.BodyHandlers.ofByteArray()));

        assertTrue(e.getMessage().contains("declares 52428800 bytes"), e.getMessage());
    }

    @Test
    void givenAStubStreaming50MB_whenThePluginStreamsTheBody_thenReadingStopsAtTheCap() throws Exception {
        HttpResponse<InputStream> response = http(Map.of()).send(get("/streamed"), HttpResponse.BodyHandlers.ofInputStream());
        long read = 0;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[8192];
            IOException e = null;
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    read += n;
                }
            } catch (IOException failure) {
                e = failure;
            }
            assertTrue(e != null, "reading past the cap must fail, read " + read);
            assertTrue(String.valueOf(e.getMessage()).contains("max-response-bytes")
                    || String.valueOf(e.getCause()).contains("max-response-bytes"), String.valueOf(e));
        }
        assertTrue(read <= ONE_MIB, "no more than the cap reached the plugin: " + read);
    }

    @Test
    void givenAProviderSpecificCap_whenTheBodyFitsIt_thenItIsRead_andAHostCapAppliesOtherwise() throws Exception {
        ProviderHttp roomy = http(Map.of("tijarat.provider.bloated.max-response-bytes", String.valueOf(64L * 1024 * 1024)));
        long read;
        try (InputStream in = roomy.send(get("/streamed"), HttpResponse.BodyHandlers.ofInputStream()).body()) {
            read = in.transferTo(OutputStream.nullOutputStream());
        }
        assertEquals(FIFTY_MB, read, "the provider's own cap lets the whole body through");

        assertEquals("{\"pp_ResponseCode\":\"000\"}", http(Map.of()).send(get("/small"),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void givenAnInvalidCap_whenTheContextIsCreated_thenTheErrorNamesTheKey() {
        ProviderContextFactory contexts = ProviderContextFactory.builder(
                key -> key.equals("tijarat.provider.bloated.max-response-bytes") ? Optional.of("lots") : Optional.empty())
                .build();

        var e = assertThrows(IllegalArgumentException.class, () -> contexts.create(GATEWAY, contexts.readConfig(GATEWAY)));

        assertTrue(e.getMessage().contains("tijarat.provider.bloated.max-response-bytes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProviderContextFactory.builder(key -> Optional.empty())
                .maxResponseBytes(0));
    }

    private ProviderHttp http(Map<String, String> config) {
        ProviderContextFactory contexts = ProviderContextFactory.builder(key -> Optional.ofNullable(config.get(key)))
                .allowInsecureLoopback(true)
                .maxResponseBytes(ONE_MIB)
                .callListener(calls::add)
                .build();
        return contexts.create(GATEWAY, contexts.readConfig(GATEWAY)).httpClient();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path)).GET().build();
    }

    /** 50 MB from one 64 KiB buffer: the stub itself never holds the body. Stops when the client hangs up. */
    private void writeFiftyMegabytes(OutputStream out) {
        byte[] chunk = new byte[64 * 1024];
        try {
            for (long sent = 0; sent < FIFTY_MB; sent += chunk.length) {
                out.write(chunk);
                served.addAndGet(chunk.length);
            }
            out.flush();
        } catch (IOException clientHungUp) {
            // expected when the cap cuts the exchange
        }
    }
}
