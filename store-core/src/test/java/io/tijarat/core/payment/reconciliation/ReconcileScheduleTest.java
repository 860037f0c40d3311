package io.tijarat.core.payment.reconciliation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.provider.PaymentProviders.Timing;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How patient the reconciler is with an open attempt: no database, the schedule alone. */
class ReconcileScheduleTest {

    private static final Instant MADE = Instant.parse("2026-12-05T10:00:00Z");
    /** JazzCash-like: first inquiry after 2 minutes, the payment window closes after an hour. */
    private static final Timing TIMING = new Timing(Duration.ofMinutes(2), Duration.ofHours(1));

    private final ReconcileSchedule asks = new ReconcileSchedule(MADE, TIMING, true);
    private final ReconcileSchedule cannotAsk = new ReconcileSchedule(MADE, TIMING, false);

    @Test
    void aProviderIsNotAskedBeforeItsMinimumDelaySoTheCheckoutStillWaitingIsNotRaced() {
        assertFalse(asks.inquireNow(MADE.plusSeconds(119)));
        assertTrue(asks.inquireNow(MADE.plusSeconds(120)));
        assertEquals(new ReconcileSchedule.CheckAt(MADE.plusSeconds(120)), asks.whenStillOpen(MADE.plusSeconds(30), 0),
                "looked at early: the next look is exactly when asking is allowed");
    }

    @Test
    void aProviderThatCannotBeAskedIsNeverAskedAndItsAttemptExpiresWithTheWindow() {
        assertFalse(cannotAsk.inquireNow(MADE.plus(Duration.ofMinutes(59))));
        assertEquals(new ReconcileSchedule.CheckAt(MADE.plus(Duration.ofMinutes(31))),
                cannotAsk.whenStillOpen(MADE.plusSeconds(60), 6), "waits with the longest back-off, not the inquiry delay");
        assertInstanceOf(ReconcileSchedule.Expire.class, cannotAsk.whenStillOpen(MADE.plus(Duration.ofHours(1)), 6));
    }

    @Test
    void theBackOffGrowsOneTwoFourMinutesUpToHalfAnHour() {
        Instant now = MADE.plus(Duration.ofMinutes(5));
        long[] expected = {1, 1, 2, 4, 8, 16, 30, 30, 30};
        for (int checks = 0; checks < expected.length; checks++) {
            assertEquals(new ReconcileSchedule.CheckAt(now.plus(Duration.ofMinutes(expected[checks]))),
                    asks.whenStillOpen(now, checks), "after " + checks + " checks");
        }
        assertEquals(Duration.ofMinutes(30), ReconcileSchedule.backoff(Integer.MAX_VALUE));
    }

    @Test
    void theNextLookNeverFallsAfterTheWindowSoTheAttemptExpiresOnTime() {
        Instant late = MADE.plus(Duration.ofMinutes(50));
        assertEquals(new ReconcileSchedule.CheckAt(MADE.plus(Duration.ofHours(1))), asks.whenStillOpen(late, 10));
    }

    @Test
    void atTheEndOfTheWindowAnOpenAttemptExpiresWhateverItsChecks() {
        for (int checks = 0; checks < 8; checks++) {
            assertInstanceOf(ReconcileSchedule.Expire.class, asks.whenStillOpen(MADE.plus(Duration.ofHours(1)), checks));
            assertInstanceOf(ReconcileSchedule.Expire.class, asks.whenStillOpen(MADE.plus(Duration.ofDays(3)), checks));
        }
    }
}
