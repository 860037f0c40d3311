package io.tijarat.core.plugin.context;

import io.tijarat.spi.ProviderHttp;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
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
 * request without its own timeout the time left in the call's {@link CallBudget} (the provider's budget
 * outside a guarded call), cuts a longer timeout the plugin set itself down to that time, refuses to send
 * when nothing is left (as a connect timeout: certainly not sent), replaces any {@code X-Correlation-Id} with the
 * current one, and reports the exchange to the {@link ProviderCallListener}. A response body is read only up to
 * the provider's cap ({@link CappedBodyHandler}: {@code tijarat.provider.<id>.max-response-bytes}, else
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

    private HttpRequest guard(HttpRequest request) throws HttpConnectTimeoutException {
        // Copies method, body, headers, version and timeout; drops a plugin-made correlation header.
        HttpRequest.Builder builder = HttpRequest.newBuilder(request,
                (name, value) -> !name.equalsIgnoreCase(CORRELATION_HEADER));
        builder.timeout(timeout(request.timeout().orElse(defaultRequestTimeout), CallBudget.remaining()));
        CorrelationIds.current(correlationId).ifPresent(id -> builder.header(CORRELATION_HEADER, id));
        return builder.build();
    }

    /**
     * The request's timeout within what is left of the call's budget.
     *
     * @throws HttpConnectTimeoutException when the budget is spent: the request is not sent, and
     *                                     {@link ProviderHttp#wasNotSent} says so
     */
    static Duration timeout(Duration wanted, Optional<Duration> left) throws HttpConnectTimeoutException {
        if (left.isEmpty()) {
            return wanted;
        }
        Duration remaining = left.get();
        if (remaining.toMillis() < 1) {
            throw new HttpConnectTimeoutException("the call's time budget is spent; the request was not sent");
        }
        return remaining.compareTo(wanted) < 0 ? remaining : wanted;
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
