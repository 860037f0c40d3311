package io.tijarat.core.plugin.context;

import io.tijarat.spi.ProviderHttp;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The host's {@link ProviderHttp}: one per provider, over an {@link HttpClient} shared by all providers
 * (built by {@link ProviderContextFactory} with a connect timeout and {@code Redirect.NEVER}).
 *
 * <p>Per request it refuses non-{@code https} URIs ({@link UriPolicy}) before anything is sent, gives a
 * request without its own timeout the provider's budget (the descriptor's {@code defaultTimeout}: the
 * host does not know when the core's call started, and the core's own timeout interrupts the call when
 * the budget runs out anyway), replaces any {@code X-Correlation-Id} with the current one, and reports
 * the exchange to the {@link ProviderCallListener}. A response body is read only up to the provider's cap
 * ({@link CappedBodyHandler}: {@code tijarat.provider.<id>.max-response-bytes}, else
 * {@code tijarat.plugins.max-response-bytes}): a bigger one fails the call with an {@code IOException} instead
 * of filling the heap. Thread-safe.
 */
final class HostProviderHttp implements ProviderHttp {

    static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Logger LOG = Logger.getLogger(HostProviderHttp.class.getName());

    private final String providerId;
    private final Duration defaultRequestTimeout;
    private final HttpClient client;
    private final boolean allowInsecureLoopback;
    private final Supplier<Optional<String>> correlationId;
    private final ProviderCallListener listener;
    private final long maxResponseBytes;

    HostProviderHttp(String providerId, Duration defaultRequestTimeout, HttpClient client, boolean allowInsecureLoopback,
                     Supplier<Optional<String>> correlationId, ProviderCallListener listener) {
        this(providerId, defaultRequestTimeout, client, allowInsecureLoopback, correlationId, listener,
                ProviderContextFactory.DEFAULT_MAX_RESPONSE_BYTES);
    }

    HostProviderHttp(String providerId, Duration defaultRequestTimeout, HttpClient client, boolean allowInsecureLoopback,
                     Supplier<Optional<String>> correlationId, ProviderCallListener listener, long maxResponseBytes) {
        if (maxResponseBytes <= 0) {
            throw new IllegalArgumentException("maxResponseBytes must be > 0, was " + maxResponseBytes);
        }
        this.maxResponseBytes = maxResponseBytes;
        this.providerId = providerId;
        this.defaultRequestTimeout = defaultRequestTimeout;
        this.client = client;
        this.allowInsecureLoopback = allowInsecureLoopback;
        this.correlationId = correlationId;
        this.listener = listener;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> responseBodyHandler)
            throws IOException, InterruptedException {
        UriPolicy.check(request.uri(), allowInsecureLoopback);
        HttpRequest guarded = guard(request);
        long started = System.nanoTime();
        try {
            HttpResponse<T> response = client.send(guarded, new CappedBodyHandler<>(responseBodyHandler,
                    maxResponseBytes, "provider " + providerId + " may read (tijarat.provider." + providerId
                    + ".max-response-bytes)"));
            report(guarded, OptionalInt.of(response.statusCode()), Optional.empty(), started);
            return response;
        } catch (IOException | InterruptedException | RuntimeException e) {
            report(guarded, OptionalInt.empty(), Optional.of(e.getClass().getName()), started);
            throw e;
        }
    }

    private HttpRequest guard(HttpRequest request) {
        // Copies method, body, headers, version and timeout; drops a plugin-made correlation header.
        HttpRequest.Builder builder = HttpRequest.newBuilder(request,
                (name, value) -> !name.equalsIgnoreCase(CORRELATION_HEADER));
        if (request.timeout().isEmpty()) {
            builder.timeout(defaultRequestTimeout);
        }
        CorrelationIds.current(correlationId).ifPresent(id -> builder.header(CORRELATION_HEADER, id));
        return builder.build();
    }

    private void report(HttpRequest request, OptionalInt status, Optional<String> failure, long startedNanos) {
        Duration duration = Duration.ofNanos(System.nanoTime() - startedNanos);
        try {
            listener.onCall(new ProviderCall(providerId, request.method(), request.uri().getHost(), status, failure,
                    duration));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the provider call listener failed for provider " + providerId
                    + "; the call itself is unaffected", e);
        }
    }
}
