package io.tijarat.core.plugin.context;

import java.time.Duration;
import java.util.Optional;

/**
 * The time left in the provider call running on this thread. The core opens a budget when it enters a
 * provider (the provider guard, inside the outer fault-tolerance timeout, which is the budget plus a
 * margin), and {@link HostProviderHttp} gives no request longer than what is left. So the timeouts nest:
 * a plugin's own HTTP timeout never outlives its call's budget, and the budget ends before the outer
 * timeout interrupts the call. A plugin that answers within its budget is never cut off by the core; one
 * whose gateway is slower gets an HTTP timeout it can read as "maybe sent" (its {@code Unknown}), instead
 * of an interrupt in the middle of reading an answer.
 *
 * <p>Budgets nest: opening one inside another keeps the earlier deadline. Thread-confined.
 */
public final class CallBudget {

    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    private CallBudget() {
    }

    /** Starts a budget on this thread; close the scope when the call ends (try-with-resources). */
    public static Scope open(Duration budget) {
        Long outer = DEADLINE.get();
        long deadline = System.nanoTime() + budget.toNanos();
        if (outer == null || deadline - outer < 0) {
            DEADLINE.set(deadline);
        }
        return () -> {
            if (outer == null) {
                DEADLINE.remove();
            } else {
                DEADLINE.set(outer);
            }
        };
    }

    /** What is left of the current call's budget (zero or negative when spent), or empty outside a call. */
    public static Optional<Duration> remaining() {
        Long deadline = DEADLINE.get();
        return deadline == null ? Optional.empty() : Optional.of(Duration.ofNanos(deadline - System.nanoTime()));
    }

    /** The end of a budget; closing never throws. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
