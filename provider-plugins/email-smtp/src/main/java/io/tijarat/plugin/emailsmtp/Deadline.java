package io.tijarat.plugin.emailsmtp;

import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * The time left for one message, from connect to the reply to the final dot. Every read gets only what is
 * left, so a server that answers each command just inside a per-read timeout still cannot keep the call
 * beyond its budget. Measured with {@link System#nanoTime()}, not the context's clock: this is elapsed time on
 * this machine, and tests hold the context's clock still. Not thread-safe; one per message.
 */
final class Deadline {

    private final Duration budget;
    private final long endNanos;

    private Deadline(Duration budget) {
        this.budget = budget;
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    static Deadline after(Duration budget) {
        return new Deadline(budget);
    }

    /**
     * The milliseconds left, at least 1 (a socket timeout of 0 would mean "wait forever").
     *
     * @throws SocketTimeoutException if the budget is spent
     */
    int remainingMillis() throws SocketTimeoutException {
        long left = Duration.ofNanos(endNanos - System.nanoTime()).toMillis();
        if (left <= 0) {
            throw new SocketTimeoutException("the " + budget.toMillis() + " ms budget for this message is spent");
        }
        return (int) Math.min(left, Integer.MAX_VALUE);
    }

    /** At most {@code cap} of what is left, for a courtesy such as QUIT; 0 when nothing is left. */
    int remainingMillisAtMost(Duration cap) {
        long left = Duration.ofNanos(endNanos - System.nanoTime()).toMillis();
        return (int) Math.max(0, Math.min(left, cap.toMillis()));
    }
}
