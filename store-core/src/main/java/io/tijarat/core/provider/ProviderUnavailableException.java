package io.tijarat.core.provider;

/**
 * A provider could not be asked: unknown or disabled id, connection refused, breaker open, bulkhead full,
 * or a configuration problem. Nothing reached the gateway, so nothing needs settling.
 */
public class ProviderUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String providerId;

    public ProviderUnavailableException(String providerId, String reason, Throwable cause) {
        super("provider " + providerId + " is unavailable: " + reason, cause);
        this.providerId = providerId;
    }

    public String providerId() { return providerId; }
}
