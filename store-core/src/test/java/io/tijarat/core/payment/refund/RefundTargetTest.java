package io.tijarat.core.payment.refund;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.error.InvalidRequestException;
import io.tijarat.core.payment.attempt.AttemptStatus;
import io.tijarat.core.payment.attempt.PaymentAttempt;
import io.tijarat.spi.Money;
import io.tijarat.spi.payment.PaymentMethod;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which payment a refund gives back: the named one, the only approved one, or refused as ambiguous. */
class RefundTargetTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private static PaymentAttempt attempt(AttemptStatus status) {
        var a = new PaymentAttempt("order-1", "jazzcash", Money.pkr(10_000), PaymentMethod.WALLET, NOW);
        a.record(status, "GW-" + a.id(), "", null, NOW);
        return a;
    }

    @Test
    void givenTwoApprovedPayments_whenTheRefundNamesNone_thenItIsRefusedAsAmbiguous() {
        var first = attempt(AttemptStatus.APPROVED);
        var second = attempt(AttemptStatus.APPROVED);

        var refused = assertThrows(InvalidRequestException.class,
                () -> RefundTarget.choose(List.of(first, second), null));

        assertTrue(refused.unprocessable());
        assertEquals("attemptId", refused.violations().get(0).field());
        assertTrue(refused.violations().get(0).reason().contains("ambiguous"), refused.violations().toString());
        assertTrue(refused.violations().get(0).reason().contains(first.id()));
    }

    @Test
    void givenTwoApprovedPayments_whenTheRefundNamesOne_thenThatOne() {
        var first = attempt(AttemptStatus.APPROVED);
        var second = attempt(AttemptStatus.APPROVED);

        assertEquals(Optional.of(second), RefundTarget.choose(List.of(first, second), second.id()));
    }

    @Test
    void givenOneApprovedPaymentAndADeclinedOne_whenTheRefundNamesNone_thenTheApprovedOne() {
        var declined = attempt(AttemptStatus.DECLINED);
        var approved = attempt(AttemptStatus.APPROVED);

        assertEquals(Optional.of(approved), RefundTarget.choose(List.of(declined, approved), null));
    }

    @Test
    void givenNoApprovedPayment_whenTheRefundNamesNone_thenNone() {
        assertEquals(Optional.empty(), RefundTarget.choose(List.of(attempt(AttemptStatus.PENDING)), null));
    }

    @Test
    void givenANamedPaymentThatIsNotApprovedOrNotOfThisOrder_thenRefused() {
        var declined = attempt(AttemptStatus.DECLINED);

        var notApproved = assertThrows(InvalidRequestException.class,
                () -> RefundTarget.choose(List.of(declined), declined.id()));
        var elsewhere = assertThrows(InvalidRequestException.class,
                () -> RefundTarget.choose(List.of(declined), "AAAAAAAAAAAAAAAAAAAA"));

        assertTrue(notApproved.violations().get(0).reason().contains("DECLINED"));
        assertEquals("attemptId", elsewhere.violations().get(0).field());
    }
}
