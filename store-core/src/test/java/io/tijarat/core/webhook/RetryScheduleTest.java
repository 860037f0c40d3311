package io.tijarat.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private static final List<Duration> PUBLISHED = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

    @Test
    void without_jitter_the_waits_are_the_standard_webhooks_schedule_and_the_eighth_failure_gives_up() {
        var schedule = new RetrySchedule(1, () -> 0.0);

        for (int failed = 1; failed <= 7; failed++) {
            assertEquals(Optional.of(PUBLISHED.get(failed - 1)), schedule.waitAfter(failed), "after failure " + failed);
        }
        assertEquals(Optional.empty(), schedule.waitAfter(8));
        assertEquals(Optional.empty(), schedule.waitAfter(100));
        assertEquals(8, RetrySchedule.MAX_ATTEMPTS);
    }

    @Test
    void jitter_only_lengthens_a_wait_and_by_at_most_ten_percent() {
        var schedule = new RetrySchedule(1, () -> ThreadLocalRandom.current().nextDouble());
        for (int failed = 1; failed <= 7; failed++) {
            long base = PUBLISHED.get(failed - 1).toMillis();
            var seen = new HashSet<Long>();
            for (int i = 0; i < 200; i++) {
                long millis = schedule.waitAfter(failed).orElseThrow().toMillis();
                assertTrue(millis >= base && millis < base * 1.1, failed + ": " + millis);
                seen.add(millis);
            }
            assertTrue(seen.size() > 1, "jitter spreads retries out");
        }
        assertEquals(Duration.ofMillis(5_499), new RetrySchedule(1, () -> 0.9999).waitAfter(1).orElseThrow());
    }

    @Test
    void the_scale_divides_every_wait_for_tests() {
        var schedule = new RetrySchedule(1000, () -> 0.0);

        assertEquals(Duration.ofMillis(5), schedule.waitAfter(1).orElseThrow());
        assertEquals(Duration.ofMillis(300), schedule.waitAfter(2).orElseThrow());
        assertEquals(Duration.ofSeconds(36), schedule.waitAfter(7).orElseThrow());
        assertEquals(Optional.empty(), schedule.waitAfter(8), "the number of attempts does not change");
    }

    @Test
    void a_scale_below_one_is_refused_with_the_key_named() {
        var e = assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(0, () -> 0.0));
        assertTrue(e.getMessage().contains("tijarat.webhooks.retry-scale"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(1, () -> 0.0).waitAfter(0));
    }
}
