package io.tijarat.core.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one claimed delivery: checks its URL against the {@link DestinationPolicy} (resolving the host
 * right before the request), then POSTs the stored payload with the id, timestamp and signature headers.
 *
 * <p>The client connects within 5 s, waits at most 10 s for the answer's status line and headers, follows
 * no redirect, uses no proxy (so the address checked is the address connected to), and never reads the
 * answer's body: a receiver that trickles a body forever cannot hold the relay. The returned future never
 * fails; every failure is a {@link DeliveryOutcome.NoAnswer}. Thread-safe.
 */
final class WebhookSender {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final DestinationPolicy policy;
    private final Clock clock;
    private final HttpClient client;
    private final Duration requestTimeout;

    WebhookSender(DestinationPolicy policy, Clock clock) {
        this(policy, clock, client(CONNECT_TIMEOUT), REQUEST_TIMEOUT);
    }

    WebhookSender(DestinationPolicy policy, Clock clock, HttpClient client, Duration requestTimeout) {
        this.policy = policy;
        this.clock = clock;
        this.client = client;
        this.requestTimeout = requestTimeout;
    }

    static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    CompletableFuture<DeliveryOutcome> send(WebhookStore.Claim claim) {
        URI uri;
        try {
            uri = policy.parse(claim.url());
            policy.admit(uri);
        } catch (DestinationPolicy.RefusedException e) {
            return CompletableFuture.completedFuture(new DeliveryOutcome.NoAnswer("refused: url " + e.getMessage()));
        }
        byte[] body = claim.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Tijarat-Webhooks/1")
                .header(WebhookSignature.ID_HEADER, claim.deliveryId())
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER,
                        WebhookSignature.sign(claim.secrets(), claim.deliveryId(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                    // a last bound in case a phase is not covered by the client's own timeouts
                    .orTimeout(CONNECT_TIMEOUT.plus(requestTimeout).plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS)
                    .handle((response, failure) -> failure == null ? answered(response) : noAnswer(failure));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(noAnswer(e));
        }
    }

    private static DeliveryOutcome answered(HttpResponse<InputStream> response) {
        try (InputStream ignored = response.body()) {
            // closed unread: the answer's body is not ours to store, and reading it has no bound
        } catch (IOException e) {
            // the status is what counts
        }
        int status = response.statusCode();
        return status >= 200 && status < 300 ? new DeliveryOutcome.Delivered(status) : new DeliveryOutcome.Rejected(status);
    }

    private DeliveryOutcome noAnswer(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String error;
        if (t instanceof HttpConnectTimeoutException) {
            error = "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
        } else if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
            error = "no answer within " + requestTimeout.toMillis() + " ms";
        } else if (t instanceof ConnectException) {
            error = "connection refused";
        } else {
            error = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        }
        return new DeliveryOutcome.NoAnswer(error);
    }
}
