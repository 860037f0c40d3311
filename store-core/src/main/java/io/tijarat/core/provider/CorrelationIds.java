package io.tijarat.core.provider;

import java.util.Optional;

/**
 * The correlation id of the work the current thread is doing (an HTTP request, a job run), so that
 * provider calls and log lines can be tied back to it. Set and cleared by whoever starts the work.
 */
public final class CorrelationIds {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private CorrelationIds() {
    }

    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static void set(String correlationId) {
        CURRENT.set(correlationId);
    }

    public static void clear() {
        CURRENT.remove();
    }
}
