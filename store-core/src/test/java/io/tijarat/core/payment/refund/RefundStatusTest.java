package io.tijarat.core.payment.refund;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What each refund state means for the reconciler, for admins and for the amount held. */
class RefundStatusTest {

    @Test
    void onlySucceededManualAndFailedAreFinal_soEveryOtherRefundCanStillBeSettled() {
        for (RefundStatus s : RefundStatus.values()) {
            boolean expected = s == RefundStatus.SUCCEEDED || s == RefundStatus.MANUAL || s == RefundStatus.FAILED;
            assertEquals(expected, s.isFinal(), s.name());
        }
    }

    @Test
    void aRefundWaitingForStaffHoldsItsAmountButIsNotAskedAbout() {
        assertTrue(RefundStatus.AWAITING_STAFF.holdsAmount());
        assertFalse(RefundStatus.AWAITING_STAFF.isAskedAbout());
        assertTrue(RefundStatus.PENDING.isAskedAbout());
        assertTrue(RefundStatus.UNKNOWN.isAskedAbout());
        assertFalse(RefundStatus.FAILED.holdsAmount(), "a failed refund frees its amount");
    }

    @Test
    void theReconcilerBacksOffOneTwoFourMinutesUpToHalfAnHour() {
        assertEquals(Duration.ofMinutes(1), RefundFollowUps.backoff(1));
        assertEquals(Duration.ofMinutes(2), RefundFollowUps.backoff(2));
        assertEquals(Duration.ofMinutes(4), RefundFollowUps.backoff(3));
        assertEquals(Duration.ofMinutes(30), RefundFollowUps.backoff(40));
    }
}
