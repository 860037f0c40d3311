package io.tijarat.core.provider;

import java.util.Optional;

/**
 * The correlation id of the work the current thread is doing (an HTTP request, a job run), so that
 * provider calls and log lines can be tied back to it. Set and cleared by whoever starts the work.
 */
public final class CorrelationIds {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<String> ORDER = new ThreadLocal<>();

    private CorrelationIds() {
    }

    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static void set(String correlationId) {
        CURRENT.set(correlationId);
    }

    /** The order the current work is about, once it is known; log lines carry it as {@code orderId}. */
    public static Optional<String> currentOrder() {
        return Optional.ofNullable(ORDER.get());
    }

    public static void order(String orderId) {
        ORDER.set(orderId);
    }

    public static void clear() {
        CURRENT.remove();
        ORDER.remove();
    }
}
