package io.tijarat.spi;

/**
 * The gateway gave no answer. There are exactly two kinds, and the core treats them differently:
 * <ul>
 *   <li>{@link TransientProviderException} — no answer this time, and trying again is safe: the
 *       core retries (with the same idempotency key) and counts it against the circuit breaker.</li>
 *   <li>{@link PermanentProviderException} — no answer will come until a human fixes something
 *       (credentials, configuration, the merchant account): the core does not retry and alerts the
 *       operator.</li>
 * </ul>
 *
 * <p>What is <em>not</em> an exception: an answer. A declined payment, a refused booking or a
 * rejected message is a business result, returned as an outcome. And "the request went out but the
 * answer was lost, so it may have happened" is not an exception either: it is the {@code Unknown}
 * outcome of a changing call, which the core settles later by asking the gateway.
 *
 * <p>Anything else a plugin throws — {@code NullPointerException}, a JSON parser's exception, an
 * {@code IllegalArgumentException} from a record it built wrongly — is treated as a bug in the
 * plugin: contained to that call, logged with its stack trace, counted against the breaker, never
 * retried, and for a changing call handled like {@code Unknown}.
 *
 * <p>Messages end up in logs and admin screens: put the operation and the gateway's code in them,
 * never secrets or personal data.
 */
public abstract sealed class ProviderException extends RuntimeException
        permits TransientProviderException, PermanentProviderException {

    private static final long serialVersionUID = 1L;

    protected ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
