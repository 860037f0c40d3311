package io.tijarat.web.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.TimeMeter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class KeyedRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    @Test
    void a_key_gets_its_burst_then_one_token_per_period_and_is_told_when() {
        var limiter = new KeyedRateLimiter(2.0, 3, 100, clock, Runnable::run);

        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.take("a").allowed());
        }
        var refused = limiter.take("a");
        assertFalse(refused.allowed());
        assertEquals(1, refused.retryAfterSeconds(), "half a second, rounded up to a whole second");
        assertTrue(limiter.take("b").allowed(), "another key has its own bucket");

        nanos.addAndGet(500_000_000L);
        assertTrue(limiter.take("a").allowed(), "one token back after half a second");
        assertFalse(limiter.take("a").allowed());
    }

    @Test
    void a_flood_of_new_keys_evicts_others_one_by_one_and_never_resets_the_limited_key() {
        var limiter = new KeyedRateLimiter(0.001, 2, 100, clock, Runnable::run);
        assertTrue(limiter.take("flooder").allowed());
        assertTrue(limiter.take("flooder").allowed());

        for (int i = 0; i < 10_000; i++) {
            limiter.take("made-up-" + i);
            if (i % 50 == 0) {
                assertFalse(limiter.take("flooder").allowed(), "still limited after " + i + " new keys");
            }
        }

        assertFalse(limiter.take("flooder").allowed());
        assertTrue(limiter.keys() <= 100, "bounded: " + limiter.keys());
    }
}
