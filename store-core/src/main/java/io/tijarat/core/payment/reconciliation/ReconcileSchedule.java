package io.tijarat.core.payment.reconciliation;

import io.tijarat.core.provider.PaymentProviders.Timing;
import java.time.Duration;
import java.time.Instant;

/**
 * When the reconciler asks a provider about an open attempt, when it gives up, and when it looks again: a pure
 * function of the clock, the attempt's age and checks so far, and the provider's timing. The {@link Reconciler}
 * does the asking and the writing; every rule of "how patient" lives here, tested without a database.
 *
 * @param createdAt   when the attempt was made
 * @param timing      the provider's minimum delay before the first inquiry and its payment window
 * @param canInquire  whether the provider answers inquiries at all
 */
record ReconcileSchedule(Instant createdAt, Timing timing, boolean canInquire) {

    /** What to do with an attempt the inquiry (if any) left open. */
    sealed interface Next permits Expire, CheckAt {
    }

    /** The provider's window has passed: the attempt expires (and the order with it, if nothing else is open). */
    record Expire() implements Next {
    }

    /** Look again at {@code at}. */
    record CheckAt(Instant at) implements Next {
    }

    /** The earliest moment an inquiry may race no checkout still waiting for the provider's answer. */
    Instant firstInquiry() {
        return createdAt.plus(timing.firstInquiryAfter());
    }

    /** The end of the provider's payment window. */
    Instant expiry() {
        return createdAt.plus(timing.expiresAfter());
    }

    /** Whether to ask the provider now: it can be asked and its minimum delay has passed. */
    boolean inquireNow(Instant now) {
        return canInquire && !now.isBefore(firstInquiry());
    }

    /**
     * After an inquiry that settled nothing (or none made): expire once the window has passed; else look again
     * after a back-off that grows with {@code checks}, never before the first inquiry is allowed, never after the
     * window ends (so an attempt is expired on time even while backing off).
     */
    Next whenStillOpen(Instant now, int checks) {
        if (!now.isBefore(expiry())) {
            return new Expire();
        }
        Instant next = now.plus(backoff(checks));
        if (canInquire && now.isBefore(firstInquiry())) {
            next = firstInquiry();
        }
        return new CheckAt(next.isAfter(expiry()) ? expiry() : next);
    }

    /** 1, 2, 4 … minutes, at most 30: patient with slow gateways, never hammering them. */
    static Duration backoff(int checks) {
        return Duration.ofMinutes(Math.min(30, 1L << Math.min(5, Math.max(0, checks - 1))));
    }
}
