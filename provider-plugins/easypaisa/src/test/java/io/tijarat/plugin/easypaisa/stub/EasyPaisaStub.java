package io.tijarat.plugin.easypaisa.stub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tijarat.spi.CallbackRequest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A WireMock stand-in for EasyPaisa (Easypay), on {@code 127.0.0.1} only, that behaves like the documented
 * API: REST v4 initiations and inquiry with their response codes, the hosted checkout with its encrypted
 * {@code merchantHashedReq} and two-step redirect, and IPNs the way EasyPaisa sends them. What it answers
 * is set with {@link #willAnswer(Outcome)}, how late with {@link #delayEveryAnswer(Duration)} and
 * {@link #answerTimeoutsAfter(Duration)}.
 *
 * <pre>{@code
 * try (EasyPaisaStub easyPaisa = EasyPaisaStub.start()) {
 *     context.property("base-url", easyPaisa.baseUrl().toString());   // http://127.0.0.1:<port>
 *     easyPaisa.willAnswer(EasyPaisaStub.Outcome.DECLINE);
 *     ...
 * }
 * }</pre>
 *
 * A developer can run it by hand with {@link #main(String[])}: see the module's README.
 */
public final class EasyPaisaStub implements AutoCloseable {

    /** What the stub's EasyPaisa does with the next payments, until told otherwise. */
    public enum Outcome {
        /** A mobile account pays ({@code 0000}, inquiry {@code PAID}); a voucher is issued, to be paid later. */
        SUCCESS,
        /** {@code 0000}, but the customer has not approved yet: inquiry {@code PENDING}. */
        PENDING,
        /** {@code 0013} low balance; inquiry {@code FAILED}. */
        DECLINE,
        /** {@code 0000} with {@code transactionStatus FAILED}: the answer that must be read whole. */
        FAILED_WITH_0000,
        /** {@code 0001} system error; nothing recorded (but the order id is used up). */
        SYSTEM_ERROR,
        /** Acts as {@link #SUCCESS}, then answers only after {@link #answerTimeoutsAfter}. */
        TIMEOUT,
        /** Every request gets a web firewall's HTML page with status 200. */
        HTML_FIREWALL
    }

    /**
     * What the stub's EasyPaisa expects on every request.
     *
     * @param hashKey 16 ASCII characters
     */
    public record Credentials(String storeId, String accountNumber, String username, String password, String hashKey) {

        /** The store the tests and {@link #main} use. Test values only: they open nothing real. */
        public static Credentials sample() {
            return new Credentials("43210", "654321987", "tijarat-test", "Ep-Pass-7Qx91Lm", "Hk3Vq8Zt1Lp6Wm2R");
        }

        @Override
        public String toString() {
            return "Credentials[store " + storeId + ", account " + accountNumber + ", user " + username + "]";
        }
    }

    private static final String LOOPBACK = "127.0.0.1";

    private final WireMockServer server;
    private final StubApi api;
    private final Credentials credentials;

    private EasyPaisaStub(WireMockServer server, StubApi api, Credentials credentials) {
        this.server = server;
        this.api = api;
        this.credentials = credentials;
    }

    /** The sample store on a free port. */
    public static EasyPaisaStub start() {
        return start(Credentials.sample(), 0);
    }

    /** {@code port} 0 takes a free one. Binds to 127.0.0.1 only. */
    public static EasyPaisaStub start(Credentials credentials, int port) {
        StubApi api = new StubApi(credentials);
        WireMockConfiguration options = WireMockConfiguration.options().bindAddress(LOOPBACK).extensions(api)
                .maxRequestJournalEntries(10_000) // WireMock keeps every request by default: unbounded in a long run
                .containerThreads(20);
        WireMockServer server = new WireMockServer(port == 0 ? options.dynamicPort() : options.port(port));
        server.start();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withTransformers(StubApi.NAME)));
        return new EasyPaisaStub(server, api, credentials);
    }

    /** {@code http://127.0.0.1:<port>}: the plugin's {@code base-url}. */
    public URI baseUrl() {
        return URI.create("http://" + LOOPBACK + ":" + server.port());
    }

    public Credentials credentials() {
        return credentials;
    }

    /** The WireMock server, for tests that add their own answers (they win over the stub's at priority < 10). */
    public WireMockServer server() {
        return server;
    }

    public void willAnswer(Outcome outcome) {
        api.outcome(outcome);
    }

    /** Every answer comes this much later. */
    public void delayEveryAnswer(Duration delay) {
        api.delay(delay);
    }

    /** How late {@link Outcome#TIMEOUT} answers (30 s unless set). */
    public void answerTimeoutsAfter(Duration delay) {
        api.timeoutDelay(delay);
    }

    /**
     * The quirk of appending {@code ?auth_token=…} to a {@code postBackURL} that already has a query, giving
     * {@code …?attempt=X?auth_token=Y}. Off by default (the stub appends with {@code &}).
     */
    public void appendQueryNaively(boolean naive) {
        api.naiveQueryAppend(naive);
    }

    /** Moves a transaction to {@code status}, e.g. a voucher paid at a shop: {@code PAID}. */
    public void settle(String orderId, String status) {
        if (!api.ledger().settle(orderId, status)) {
            throw new IllegalArgumentException("the stub has no transaction " + orderId);
        }
    }

    /** The transaction the stub recorded for an order id. */
    public Optional<StubTransaction> transaction(String orderId) {
        return api.ledger().transaction(orderId);
    }

    /** The requests the stub received, oldest first. */
    public List<LoggedRequest> requests() {
        return server.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }

    // ---------------------------------------------------------------------------------------- IPN

    /** The URL an IPN names for an order: its last path segment is the order id. */
    public URI ipnDetailUrl(String orderId) {
        return URI.create(baseUrl() + "/easypay/ipn/" + credentials.storeId() + "/" + orderId);
    }

    /** The request EasyPaisa makes to the merchant's IPN endpoint: {@code GET <endpoint>?url=<detail URL>}. */
    public URI ipnRequestUri(URI merchantIpnEndpoint, String orderId) {
        String separator = merchantIpnEndpoint.getRawQuery() == null ? "?" : "&";
        return URI.create(merchantIpnEndpoint + separator + "url="
                + URLEncoder.encode(ipnDetailUrl(orderId).toString(), StandardCharsets.UTF_8));
    }

    /** That IPN as the core hands it to {@code verifyCallback}: a bodiless GET from EasyPaisa's server. */
    public CallbackRequest ipn(URI merchantIpnEndpoint, String orderId) {
        return new CallbackRequest(CallbackRequest.Source.NOTIFICATION, "GET", ipnRequestUri(merchantIpnEndpoint,
                orderId), HttpHeaders.of(Map.of("User-Agent", List.of("Apache-HttpClient/4.5.2 (Java/1.8.0_181)")),
                (name, value) -> true), new byte[0], Optional.of("203.0.113.7"));
    }

    /**
     * Sends that IPN to a running shop, as EasyPaisa would; for manual runs. Loopback only: the stub never
     * talks to another machine.
     *
     * @return the shop's HTTP status
     */
    public int sendIpn(URI merchantIpnEndpoint, String orderId) throws IOException, InterruptedException {
        String host = merchantIpnEndpoint.getHost();
        if (!(LOOPBACK.equals(host) || "localhost".equals(host))) {
            throw new IllegalArgumentException("the stub sends IPNs to this machine only, not " + host);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(ipnRequestUri(merchantIpnEndpoint, orderId))
                .timeout(Duration.ofSeconds(5)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Override
    public void close() {
        server.stop();
    }

    @Override
    public String toString() {
        return "EasyPaisaStub[" + (server.isRunning() ? baseUrl() : "stopped") + ", " + credentials + "]";
    }

    // -------------------------------------------------------------------------------------- by hand

    /**
     * Runs the stub until it is stopped (Ctrl-C). Arguments: {@code --port <n>} (default 8089; 0 for a free
     * one), {@code --outcome <OUTCOME>} (default SUCCESS). Prints the settings to give Tijarat.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = 8089;
        Outcome outcome = Outcome.SUCCESS;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--outcome" -> outcome = Outcome.valueOf(args[i + 1].toUpperCase(java.util.Locale.ROOT));
                default -> throw new IllegalArgumentException("usage: [--port 8089] [--outcome SUCCESS|PENDING|DECLINE|"
                        + "FAILED_WITH_0000|SYSTEM_ERROR|TIMEOUT|HTML_FIREWALL]");
            }
        }
        EasyPaisaStub stub = start(Credentials.sample(), port);
        stub.willAnswer(outcome);
        Runtime.getRuntime().addShutdownHook(new Thread(stub::close, "easypaisa-stub-stop"));
        Credentials c = stub.credentials();
        String p = "tijarat.provider.easypaisa.";
        System.out.println("EasyPaisa stub on " + stub.baseUrl() + " answering " + outcome + "; for Tijarat (the"
                + " server must run with tijarat.mode dev or test to allow plain http to 127.0.0.1):\n"
                + p + "mode=sandbox\n" + p + "base-url=" + stub.baseUrl() + "\n" + p + "store-id=" + c.storeId() + "\n"
                + p + "account-number=" + c.accountNumber() + "\n" + p + "username=" + c.username() + "\n"
                + p + "password=" + c.password() + "\n" + p + "hash-key=" + c.hashKey() + "\n"
                + p + "postback-url=http://127.0.0.1:8080/<the core's EasyPaisa return path>\n"
                + "Change the outcome: curl -X POST " + stub.baseUrl() + "/__stub/outcome/DECLINE\n"
                + "Pay a voucher:      curl -X POST " + stub.baseUrl() + "/__stub/status/<orderId>/PAID\n"
                + "Ctrl-C stops it.");
        Thread.currentThread().join();
    }
}
