package io.tijarat.core.plugin.context;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One HTTP exchange a provider made, for per-provider metrics: exactly one of {@link #status()} (the
 * gateway answered, whatever the status) and {@link #failure()} (no answer) is present.
 *
 * @param providerId the provider that made the call
 * @param method     the HTTP method
 * @param host       the URI's host; never the path or query, which may carry references or personal data
 * @param status     the response status, if there was a response
 * @param failure    the exception's class name, if there was none (e.g. {@code java.net.http.HttpTimeoutException})
 * @param duration   from just before sending to the response headers or the failure
 */
public record ProviderCall(String providerId, String method, String host, OptionalInt status,
                           Optional<String> failure, Duration duration) {

    public ProviderCall {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(duration, "duration");
        if (status.isPresent() == failure.isPresent()) {
            throw new IllegalArgumentException("a provider call has either a status or a failure, not both or neither");
        }
    }

    /** {@code 2xx}, {@code 4xx} … or {@code failed}: the metric tag the status class is counted under. */
    public String outcomeClass() {
        return status.isPresent() ? (status.getAsInt() / 100) + "xx" : "failed";
    }
}
