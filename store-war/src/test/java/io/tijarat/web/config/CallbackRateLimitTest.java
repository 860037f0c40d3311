package io.tijarat.web.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The token bucket behind the inbound-callback rate limit. */
class CallbackRateLimitTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void givenAFullBucket_whenABurstArrives_thenTheBurstPassesAndTheNextIsRefused() {
        var bucket = new CallbackRateLimit.Bucket(3);
        long now = System.nanoTime();

        assertTrue(bucket.take(1, 3, now));
        assertTrue(bucket.take(1, 3, now));
        assertTrue(bucket.take(1, 3, now));
        assertFalse(bucket.take(1, 3, now));
    }

    @Test
    void givenAnEmptyBucket_whenTimePasses_thenItRefillsAtTheRateButNeverBeyondItsCapacity() {
        var bucket = new CallbackRateLimit.Bucket(2);
        long now = System.nanoTime();
        bucket.take(2, 2, now);
        bucket.take(2, 2, now);

        assertFalse(bucket.take(2, 2, now + SECOND / 4), "half a token after a quarter second");
        assertTrue(bucket.take(2, 2, now + SECOND / 2 + SECOND / 4), "one token after half a second more");
        long muchLater = now + 100 * SECOND;
        assertTrue(bucket.take(2, 2, muchLater));
        assertTrue(bucket.take(2, 2, muchLater));
        assertFalse(bucket.take(2, 2, muchLater), "capacity caps what was saved up");
    }
}
