package io.tijarat.web.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * One token bucket (Bucket4j) per key — a client address, a phone number — in a bounded cache (Caffeine): at most
 * {@code maxKeys} buckets are kept, and when a flood of new keys arrives the least recently and least often seen
 * are forgotten one by one, so a client being limited stays limited and nobody's limit is ever reset wholesale.
 * A forgotten key starts again with a full bucket, which only forgives. Thread-safe.
 */
public final class KeyedRateLimiter {

    /** Whether a request may go on, and if not, how long until a token is back. */
    public record Decision(boolean allowed, Duration retryAfter) {

        /** Whole seconds, at least 1: the form {@code Retry-After} takes. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    private final Bandwidth limit;
    private final TimeMeter time;
    private final Cache<String, Bucket> buckets;

    /**
     * @param perSecond tokens added a second (e.g. 0.5: one every two seconds), above 0
     * @param burst     tokens saved up at most: how many may arrive at once
     * @param maxKeys   buckets kept at most
     */
    public KeyedRateLimiter(double perSecond, int burst, int maxKeys) {
        this(perSecond, burst, maxKeys, TimeMeter.SYSTEM_NANOTIME, null);
    }

    /** For tests: a clock of their own, and evictions on the calling thread so sizes can be asserted. */
    KeyedRateLimiter(double perSecond, int burst, int maxKeys, TimeMeter time, Executor maintenance) {
        if (!(perSecond > 0) || burst < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("rate must be > 0, burst and maxKeys >= 1");
        }
        this.limit = Bandwidth.builder().capacity(burst)
                .refillGreedy(1, Duration.ofNanos(Math.max(1, Math.round(1e9 / perSecond)))).build();
        this.time = time;
        var builder = Caffeine.newBuilder().maximumSize(maxKeys);
        if (maintenance != null) {
            builder.executor(maintenance);
        }
        this.buckets = builder.build();
    }

    /** Takes one token from {@code key}'s bucket, if it has one. */
    public Decision take(String key) {
        var probe = buckets.get(key, k -> Bucket.builder().addLimit(limit).withCustomTimePrecision(time).build())
                .tryConsumeAndReturnRemaining(1);
        return new Decision(probe.isConsumed(), Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** How many keys are remembered now (approximately, while evictions are pending). */
    long keys() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
