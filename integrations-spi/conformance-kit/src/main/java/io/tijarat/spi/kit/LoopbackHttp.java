package io.tijarat.spi.kit;

import io.tijarat.spi.ProviderHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The kit's {@link ProviderHttp}: {@code java.net.http} with the settings the core's client has —
 * connect and response timeouts, no redirects, a correlation id — and one rule the core does not have:
 * it only reaches {@code 127.0.0.1}, so a plugin's test can talk to a stub and never to a real gateway.
 *
 * <p>The response timeout stands in for the core's call budget: a request's own timeout is cut down to
 * it, as the core cuts it to the time left. Thread-safe.
 */
final class LoopbackHttp implements ProviderHttp {

    /** The only host the kit lets a plugin reach: where the stub listens. */
    static final String LOOPBACK = "127.0.0.1";

    private static final AtomicLong CORRELATION = new AtomicLong();

    private final HttpClient client;
    private final Duration responseTimeout;

    LoopbackHttp(Duration connectTimeout, Duration responseTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                // Plain HTTP/1.1: an h2c upgrade attempt would only add noise to the stub's journal.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.responseTimeout = responseTimeout;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> responseBodyHandler)
            throws IOException, InterruptedException {
        requireLoopback(request.uri());
        Duration timeout = request.timeout()
                .filter(own -> own.compareTo(responseTimeout) < 0)
                .orElse(responseTimeout);
        HttpRequest bounded = HttpRequest.newBuilder(request, (name, value) -> true)
                .timeout(timeout)
                .setHeader("X-Correlation-Id", "kit-" + CORRELATION.incrementAndGet())
                .build();
        return client.send(bounded, responseBodyHandler);
    }

    private static void requireLoopback(URI uri) {
        // HttpRequest already refuses schemes other than http and https; the host is ours to check.
        if (!LOOPBACK.equals(uri.getHost())) {
            throw new IllegalArgumentException("the conformance kit lets a plugin reach " + LOOPBACK
                    + " only (a stub), never '" + uri.getHost() + "': point the plugin's base URL at the stub"
                    + " the contract hands you");
        }
    }

    @Override
    public String toString() {
        return "LoopbackHttp[response timeout " + responseTimeout + "]";
    }
}
