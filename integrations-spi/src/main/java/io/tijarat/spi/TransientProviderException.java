package io.tijarat.spi;

import io.tijarat.spi.internal.Checks;
import java.time.Duration;
import java.util.Optional;

/**
 * No answer this time; the same call, with the same idempotency key, may succeed later. The core
 * retries it within the call's policy and counts it against the provider's circuit breaker.
 *
 * <p>Throw it only when repeating the call cannot do harm:
 * <ul>
 *   <li>for any call, when the request never reached the gateway
 *       ({@link ProviderHttp#wasNotSent}), or the gateway said it did not process it (HTTP 429 or 503,
 *       "system error, try again", SMS throughput limits);</li>
 *   <li>for a read (inquiry, tracking, rates, coverage, remittance, delivery status), whenever no
 *       usable answer came back.</li>
 * </ul>
 * For a changing call whose request may have reached the gateway, return {@code Unknown} instead.
 */
public final class TransientProviderException extends ProviderException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public TransientProviderException(String message) {
        this(message, null, null);
    }

    public TransientProviderException(String message, Throwable cause) {
        this(message, cause, null);
    }

    /**
     * @param retryAfter how long the gateway asked us to wait (a {@code Retry-After} header, a
     *                   throughput-limit code), or {@code null}; the core waits at least this long
     */
    public TransientProviderException(String message, Throwable cause, Duration retryAfter) {
        super(Checks.notBlank(message, "message"), cause);
        if (retryAfter != null) {
            Checks.positive(retryAfter, "retryAfter");
        }
        this.retryAfter = retryAfter;
    }

    /** How long the gateway asked us to wait before trying again, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
