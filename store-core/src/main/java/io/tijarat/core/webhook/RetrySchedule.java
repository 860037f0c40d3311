package io.tijarat.core.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a delivery is tried again: the Standard Webhooks schedule — immediately, then 5 s, 5 min, 30 min,
 * 2 h, 5 h, 10 h and 10 h after the previous failure (eight attempts over about 28 hours), each wait
 * lengthened by up to 10 % jitter so that deliveries that failed together do not all come back together.
 * After the eighth failure the delivery is FAILED (parked for an admin).
 *
 * <p>{@code scale} divides every wait ({@code tijarat.webhooks.retry-scale}, 1 in production): tests use
 * 1000, which turns 10 h into 36 s. Immutable and thread-safe.
 */
public final class RetrySchedule {

    /** The wait after the n-th failed attempt (index n − 1); no entry after the last attempt. */
    static final List<Duration> WAITS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

    /** Attempts in all: the first, immediate one plus one per wait. */
    public static final int MAX_ATTEMPTS = WAITS.size() + 1;

    private static final double JITTER = 0.10;

    private final long scale;
    private final DoubleSupplier random;

    /**
     * @param scale  divides every wait; at least 1
     * @param random uniform values in [0, 1), for the jitter
     */
    public RetrySchedule(long scale, DoubleSupplier random) {
        if (scale < 1) {
            throw new IllegalArgumentException("tijarat.webhooks.retry-scale must be at least 1 (1 = the published "
                    + "schedule), was " + scale);
        }
        this.scale = scale;
        this.random = random;
    }

    /**
     * How long to wait after {@code failedAttempts} attempts have failed, or empty when that was the last
     * attempt and the delivery is given up.
     */
    public Optional<Duration> waitAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1, was " + failedAttempts);
        }
        if (failedAttempts > WAITS.size()) {
            return Optional.empty();
        }
        long base = WAITS.get(failedAttempts - 1).toMillis() / scale;
        long jitter = (long) (base * JITTER * random.getAsDouble());
        return Optional.of(Duration.ofMillis(base + jitter));
    }
}
