package io.tijarat.core.payment.settlement;

import io.tijarat.core.payment.attempt.AttemptStatus;
import io.tijarat.core.payment.attempt.PaymentAttempt;

import io.tijarat.core.catalog.Stock;
import io.tijarat.core.order.OrderEvent;
import io.tijarat.core.order.OrderEvents;
import io.tijarat.core.order.Order;
import io.tijarat.core.order.OrderStatus;
import io.tijarat.spi.payment.InquiryOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * The one function that moves a payment attempt — and its order — forward on news from the provider,
 * whether the news comes from an inquiry, a callback or the customer's return. It is idempotent (the same
 * news twice changes nothing the second time) and forward-only (an attempt that is settled stays settled,
 * so a late or out-of-order event cannot move an order back). News that cannot be applied safely — a
 * payment after the order expired, a different amount, "paid" after "declined" — is flagged for a person,
 * never guessed at.
 */
@ApplicationScoped
public class PaymentSettlement {

    private static final Logger LOG = Logger.getLogger(PaymentSettlement.class.getName());

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    OrderEvents orderEvents;

    /** What the attempt and its order look like after the news was applied. */
    public record Settled(String attemptId, AttemptStatus attempt, OrderStatus order, boolean changed, String attention) {
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Settled settle(String attemptId, InquiryOutcome news, String source) {
        return apply(attemptId, news, null, source);
    }

    /**
     * The same settlement, for news a person vouches for (staff confirming a bank transfer), inside the
     * caller's transaction so that the record of who confirmed it commits with it or not at all.
     */
    @Transactional(TxType.MANDATORY)
    public Settled settleConfirmedBy(String attemptId, InquiryOutcome news, String actor, String source) {
        return apply(attemptId, news, actor, source);
    }

    private Settled apply(String attemptId, InquiryOutcome news, String person, String source) {
        var now = clock.instant();
        PaymentAttempt attempt = em.find(PaymentAttempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        if (attempt == null) {
            throw new IllegalArgumentException("no payment attempt " + attemptId);
        }
        Order order = em.find(Order.class, attempt.orderId(), LockModeType.PESSIMISTIC_WRITE);
        io.tijarat.core.provider.CorrelationIds.order(order.id());
        AttemptStatus before = attempt.status();
        String attentionBefore = attempt.attention();
        String actor = (person == null ? "provider:" + attempt.providerId() : person) + " (" + source + ")";
        if (news instanceof InquiryOutcome.Paid paid) {
            paid(attempt, order, paid, actor, now);
        } else if (news instanceof InquiryOutcome.Failed failed && before.isOpen()) {
            attempt.record(AttemptStatus.DECLINED, attempt.gatewayReference(), failed.message(), attempt.nextAction(), now);
            if (order.status() == OrderStatus.PENDING_PAYMENT) {
                orderEvents.raise(order, OrderEvent.PAYMENT_FAILED, order.total());
            }
        } else if (news instanceof InquiryOutcome.Pending pending && before == AttemptStatus.STARTED) {
            attempt.record(AttemptStatus.PENDING, pending.gatewayReference().orElse(null), attempt.detail(),
                    attempt.nextAction(), now);
        }
        // NotFound changes nothing yet: gateways lag, so the reconciler asks again until the attempt expires,
        // and then treats it as never made (see expire).
        boolean changed = attempt.status() != before || !java.util.Objects.equals(attentionBefore, attempt.attention());
        return new Settled(attempt.id(), attempt.status(), order.status(), changed, attempt.attention());
    }

    /**
     * The provider's window passed with no payment: the order expires and its stock is released. An
     * attempt the provider last reported as unknown to it ({@code neverMade}) simply expires; one that
     * never got a certain answer is also escalated to admins.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Settled expire(String attemptId, String why, boolean neverMade) {
        var now = clock.instant();
        PaymentAttempt attempt = em.find(PaymentAttempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        Order order = em.find(Order.class, attempt.orderId(), LockModeType.PESSIMISTIC_WRITE);
        if (!attempt.status().isOpen()) {
            return new Settled(attempt.id(), attempt.status(), order.status(), false, attempt.attention());
        }
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            // The order moved on without this attempt (cancelled, paid another way): close the attempt only.
            attempt.record(AttemptStatus.EXPIRED, attempt.gatewayReference(), why, null, now);
            return new Settled(attempt.id(), attempt.status(), order.status(), true, attempt.attention());
        }
        if (!neverMade && (attempt.status() == AttemptStatus.UNKNOWN || attempt.status() == AttemptStatus.STARTED)) {
            attempt.flag("escalated: no certain answer from " + attempt.providerId() + " within its window; check the"
                    + " provider's portal — a payment found later is flagged for refund", now);
            LOG.warning(() -> "Payment attempt " + attemptId + " escalated to admins: " + why);
        }
        attempt.record(AttemptStatus.EXPIRED, attempt.gatewayReference(), why, null, now);
        expireWithStock(order, why, now);
        return new Settled(attempt.id(), attempt.status(), order.status(), true, attempt.attention());
    }

    /**
     * Expires an order that waits for a payment nobody is attempting any more (its attempts were declined
     * or never reached the provider), putting its stock back. Does nothing if an attempt is open again.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean expireAbandoned(String orderId, String why) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        boolean open = em.createQuery("select a from PaymentAttempt a where a.orderId = :o", PaymentAttempt.class)
                .setParameter("o", orderId).getResultStream().anyMatch(a -> a.status().isOpen());
        if (order == null || order.status() != OrderStatus.PENDING_PAYMENT || open) {
            return false;
        }
        expireWithStock(order, why, clock.instant());
        return true;
    }

    private void expireWithStock(Order order, String why, java.time.Instant now) {
        order.moveTo(OrderStatus.EXPIRED, why, "reconciler", now);
        for (var line : order.lines()) {
            Stock.release(em, line.variantId(), line.quantity());
        }
    }

    private void paid(PaymentAttempt attempt, Order order, InquiryOutcome.Paid paid, String actor, java.time.Instant now) {
        AttemptStatus before = attempt.status();
        PaidNews decision = PaidNews.decide(before, order.status(), paid.amount().equals(attempt.amount()));
        if (decision == PaidNews.ALREADY_APPLIED) {
            return; // already applied: the same news twice changes nothing
        }
        attempt.record(AttemptStatus.APPROVED, paid.gatewayReference(), "paid", null, now);
        switch (decision) {
            case AMOUNT_DIFFERS -> attempt.flag("the provider reports " + paid.amount() + " paid, the order expects "
                    + attempt.amount() + ": check and refund or collect the difference", now);
            case PAID_AFTER_ATTEMPT_CLOSED -> attempt.flag("the provider reports this attempt paid after it was recorded "
                    + before + ": check the order", now);
            case ORDER_PAID -> {
                order.moveTo(OrderStatus.PAID, "payment confirmed (" + paid.gatewayReference() + ")", actor, now);
                orderEvents.raise(order, OrderEvent.ORDER_PAID, paid.amount());
            }
            case PAID_AFTER_ORDER_ENDED -> attempt.flag("paid after the order was " + order.status()
                    + ": refund the customer", now);
            case SECOND_PAYMENT -> attempt.flag("a second payment for an order that is already " + order.status()
                    + ": refund one of them", now);
            default -> throw new AssertionError(decision);
        }
    }
}
