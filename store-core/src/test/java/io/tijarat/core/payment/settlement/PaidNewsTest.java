package io.tijarat.core.payment.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tijarat.core.order.OrderStatus;
import io.tijarat.core.payment.attempt.AttemptStatus;
import org.junit.jupiter.api.Test;

/** What a "paid" report does, for each attempt and order state: no database, the decision alone. */
class PaidNewsTest {

    @Test
    void theSameNewsTwiceChangesNothingWhateverTheAmountOrOrder() {
        for (OrderStatus order : OrderStatus.values()) {
            assertEquals(PaidNews.ALREADY_APPLIED, PaidNews.decide(AttemptStatus.APPROVED, order, true));
            assertEquals(PaidNews.ALREADY_APPLIED, PaidNews.decide(AttemptStatus.APPROVED, order, false));
        }
    }

    @Test
    void aDifferentAmountIsFlaggedNeverAcceptedEvenForAWaitingOrder() {
        assertEquals(PaidNews.AMOUNT_DIFFERS, PaidNews.decide(AttemptStatus.PENDING, OrderStatus.PENDING_PAYMENT, false));
        assertEquals(PaidNews.AMOUNT_DIFFERS, PaidNews.decide(AttemptStatus.DECLINED, OrderStatus.PENDING_PAYMENT, false));
    }

    @Test
    void paidAfterWeRecordedTheAttemptDeclinedOrNotSentIsFlagged() {
        assertEquals(PaidNews.PAID_AFTER_ATTEMPT_CLOSED,
                PaidNews.decide(AttemptStatus.DECLINED, OrderStatus.PENDING_PAYMENT, true));
        assertEquals(PaidNews.PAID_AFTER_ATTEMPT_CLOSED,
                PaidNews.decide(AttemptStatus.NOT_SENT, OrderStatus.PENDING_PAYMENT, true));
    }

    @Test
    void anOpenAttemptPaysAWaitingOrder() {
        for (AttemptStatus attempt : new AttemptStatus[] {AttemptStatus.STARTED, AttemptStatus.PENDING,
                AttemptStatus.UNKNOWN, AttemptStatus.EXPIRED}) {
            assertEquals(PaidNews.ORDER_PAID, PaidNews.decide(attempt, OrderStatus.PENDING_PAYMENT, true), attempt.name());
        }
    }

    @Test
    void paidAfterTheOrderEndedOrWasAlreadyPaidAsksForARefund() {
        assertEquals(PaidNews.PAID_AFTER_ORDER_ENDED, PaidNews.decide(AttemptStatus.PENDING, OrderStatus.EXPIRED, true));
        assertEquals(PaidNews.PAID_AFTER_ORDER_ENDED, PaidNews.decide(AttemptStatus.UNKNOWN, OrderStatus.CANCELLED, true));
        assertEquals(PaidNews.SECOND_PAYMENT, PaidNews.decide(AttemptStatus.PENDING, OrderStatus.PAID, true));
        assertEquals(PaidNews.SECOND_PAYMENT, PaidNews.decide(AttemptStatus.STARTED, OrderStatus.SHIPPED, true));
    }
}
