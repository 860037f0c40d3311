package io.tijarat.spi.kit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * A WireMock server on {@code 127.0.0.1} with a dynamic port, standing in for a gateway, plus the
 * faults every gateway shows sooner or later. The plugin-specific answers (an approval, a decline) are
 * programmed by the plugin's test through the contract's hooks, on {@link #server()}.
 */
public final class GatewayStub implements AutoCloseable {

    /** A marker in the HTML page, so a test can tell whether a plugin echoed the page somewhere. */
    public static final String HTML_MARKER = "KIT-HTML-PAGE-7f3a";

    private final WireMockServer server;

    private GatewayStub(WireMockServer server) {
        this.server = server;
    }

    /** Starts a stub listening on 127.0.0.1 only, on a free port. */
    public static GatewayStub start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options()
                .bindAddress(LoopbackHttp.LOOPBACK)
                .dynamicPort());
        server.start();
        return new GatewayStub(server);
    }

    /**
     * A URL on 127.0.0.1 where nothing listens, so connecting is refused. The port was free a moment
     * ago; another process taking it in between is possible but vanishingly rare on a test machine.
     */
    public static URI refusingUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LoopbackHttp.LOOPBACK))) {
            return URI.create("http://" + LoopbackHttp.LOOPBACK + ":" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + LoopbackHttp.LOOPBACK, e);
        }
    }

    /** The WireMock server, for the plugin's own stubs and checks. */
    public WireMockServer server() {
        return server;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public URI baseUrl() {
        return URI.create("http://" + LoopbackHttp.LOOPBACK + ":" + server.port());
    }

    /** The requests the stub received, oldest first. */
    public List<LoggedRequest> requests() {
        return server.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
                .toList();
    }

    /** Every request gets this HTTP status with a short plain-text body. */
    public void answerEverythingWith(int status) {
        server.stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "text/plain")
                .withBody("stubbed " + status)));
    }

    /**
     * Every request gets an HTML page with status 200, as when a gateway's firewall or a captive portal
     * answers instead of the API (JazzCash's geo-block does exactly this).
     */
    public void answerEverythingWithHtmlPage() {
        server.stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!DOCTYPE html><html><head><title>Access denied</title></head><body><h1>Access denied"
                        + "</h1><p>Your request was blocked. Reference " + HTML_MARKER + "</p></body></html>")));
    }

    /** Every request gets status 200 and a JSON body cut off half-way. */
    public void answerEverythingWithTruncatedJson() {
        server.stubFor(any(anyUrl()).atPriority(1).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\": \"APPROVED\", \"reference\": ")));
    }

    /** Every answer, whatever is stubbed, comes this late. */
    public void delayEverything(Duration delay) {
        server.setGlobalFixedDelay(Math.toIntExact(delay.toMillis()));
    }

    @Override
    public void close() {
        server.stop();
    }

    @Override
    public String toString() {
        return "GatewayStub[" + (server.isRunning() ? baseUrl() : "stopped") + "]";
    }
}
