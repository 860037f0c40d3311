package io.tijarat.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.tijarat.core.plugin.context.ProviderCall;
import io.tijarat.core.plugin.testkit.FixturePlugin;
import io.tijarat.core.plugin.testkit.RegistryHarness;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real plugin calling a stub on 127.0.0.1 through the context the registry built for it. */
class PluginHttpTest {

    @TempDir
    Path temp;

    private HttpServer stub;
    private final List<String> correlationIds = new CopyOnWriteArrayList<>();
    private final List<ProviderCall> calls = new CopyOnWriteArrayList<>();
    private RegistryHarness host;

    @BeforeEach
    void start() throws IOException {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/ping", exchange -> {
            correlationIds.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Correlation-Id")));
            byte[] body = "pong".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
        host = RegistryHarness.withContexts(temp, contexts -> contexts
                .correlationId(() -> Optional.of("checkout-77"))
                .callListener(calls::add));
        host.drop(FixturePlugin.payment("jazzcash"), "jazzcash.jar");
        host.rescan();
    }

    @AfterEach
    void stop() {
        host.close();
        stub.stop(0);
    }

    @Test
    void givenAPluginCallingItsGateway_whenItUsesTheContextsClient_thenTheCallCarriesTheCorrelationIdAndIsCounted() {
        String answer = host.command("jazzcash", ProviderType.PAYMENT,
                "http:http://127.0.0.1:" + stub.getAddress().getPort() + "/ping");

        assertEquals("200 pong", answer);
        assertEquals(List.of("checkout-77"), correlationIds);
        assertEquals(1, calls.size());
        assertEquals("jazzcash", calls.get(0).providerId());
        assertEquals(OptionalInt.of(200), calls.get(0).status());
    }

    @Test
    void givenAPluginCallingAPlainHttpHostThatIsNotLoopback_whenSent_thenItGetsIllegalArgument() {
        // .invalid never resolves (RFC 2606), and the refusal comes before any lookup anyway.
        String answer = host.command("jazzcash", ProviderType.PAYMENT, "http:http://gateway.invalid/ping");

        assertTrue(answer.startsWith("java.lang.IllegalArgumentException: provider requests must use https"), answer);
        assertTrue(calls.isEmpty());
    }
}
