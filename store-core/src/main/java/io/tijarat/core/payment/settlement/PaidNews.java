package io.tijarat.core.payment.settlement;

import io.tijarat.core.order.OrderStatus;
import io.tijarat.core.payment.attempt.AttemptStatus;

/**
 * What "the provider says this attempt is paid" means, decided from the attempt's and the order's state alone
 * (a pure function, tested without a database). Only {@link #ORDER_PAID} moves the order; the others leave
 * it as it is and flag the attempt for a person, or change nothing.
 */
public enum PaidNews {
    /** The attempt is already approved: the same news twice changes nothing. */
    ALREADY_APPLIED,
    /** Paid, but not the amount the order expects: flagged. */
    AMOUNT_DIFFERS,
    /** Paid after we recorded the attempt declined or never sent: flagged. */
    PAID_AFTER_ATTEMPT_CLOSED,
    /** The order was waiting for this payment: it is paid. */
    ORDER_PAID,
    /** The order expired or was cancelled before the payment: flagged for a refund. */
    PAID_AFTER_ORDER_ENDED,
    /** The order was already paid or beyond: a second payment, flagged for a refund. */
    SECOND_PAYMENT;

    public static PaidNews decide(AttemptStatus attempt, OrderStatus order, boolean amountMatches) {
        if (attempt == AttemptStatus.APPROVED) {
            return ALREADY_APPLIED;
        }
        if (!amountMatches) {
            return AMOUNT_DIFFERS;
        }
        if (attempt == AttemptStatus.DECLINED || attempt == AttemptStatus.NOT_SENT) {
            return PAID_AFTER_ATTEMPT_CLOSED;
        }
        if (order == OrderStatus.PENDING_PAYMENT) {
            return ORDER_PAID;
        }
        if (order == OrderStatus.EXPIRED || order == OrderStatus.CANCELLED) {
            return PAID_AFTER_ORDER_ENDED;
        }
        return SECOND_PAYMENT;
    }
}
