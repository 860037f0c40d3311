package io.tijarat.core.error;

/**
 * A provider the request needs could not be asked right now (down, breaker open, busy); nothing changed, and the
 * same request may be sent again shortly (→ 503 with {@code Retry-After}).
 */
public class ServiceUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServiceUnavailableException(String message) {
        super(message, null, false, false);
    }
}
