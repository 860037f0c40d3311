package io.tijarat.core.refund;

import io.tijarat.core.outbox.OrderEvent;
import io.tijarat.core.outbox.Outbox;
import io.tijarat.core.error.InvalidRequestException;
import io.tijarat.core.error.NotFoundException;
import io.tijarat.core.idempotency.IdempotencyStore;
import io.tijarat.core.order.Order;
import io.tijarat.core.payment.AttemptStatus;
import io.tijarat.core.payment.PaymentAttempt;
import io.tijarat.spi.Money;
import io.tijarat.spi.payment.RefundOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.Optional;

/**
 * The transactions around a refund: open it (checking, under the order's lock, that it fits in what is
 * still refundable), and record the provider's answer. Each runs on its own; the provider is called
 * between them.
 */
@ApplicationScoped
public class RefundLedger {

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    IdempotencyStore idempotency;

    /** What {@link #open} decided: the refund, and the attempt it refunds when a provider must be asked. */
    public record Opened(Refund refund, Optional<PaymentAttempt> attempt, Money paid) {
    }

    /** Who took the money for an order and how much: what a refund decision needs. */
    public record Target(String providerId, Money paid) {
    }

    @Transactional(TxType.REQUIRED)
    public Target target(String orderId) {
        Order order = orderId == null ? null : em.find(Order.class, orderId);
        if (order == null) {
            throw new NotFoundException("no order with this id");
        }
        return new Target(order.paymentProvider(), order.total());
    }

    /**
     * Opens a refund of {@code amount}. A manual one is applied to the order at once; one through the
     * provider waits for its answer ({@link #record}).
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Opened open(String orderId, Money amount, boolean throughProvider, String reason, String actor,
                       String idempotencyRecordId) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw new NotFoundException("no order with this id");
        }
        if (!order.status().isRefundable()) {
            throw InvalidRequestException.unprocessable("order", "an order that is " + order.status()
                    + " has taken no money to refund");
        }
        Money paid = order.total();
        Money held = Money.zero(paid.currency());
        for (Refund r : em.createQuery("select r from Refund r where r.orderId = :o", Refund.class)
                .setParameter("o", orderId).getResultList()) {
            if (r.status().holdsAmount()) {
                held = held.plus(r.amount());
            }
        }
        Money left = paid.minus(held);
        if (!amount.isPositive() || amount.isGreaterThan(left)) {
            throw InvalidRequestException.unprocessable("amountMinor", "must be between 1 and " + left.minorUnits()
                    + " (paid " + paid.minorUnits() + ", already refunded or in progress " + held.minorUnits() + ")");
        }
        Optional<PaymentAttempt> attempt = em.createQuery(
                        "select a from PaymentAttempt a where a.orderId = :o and a.status = :s", PaymentAttempt.class)
                .setParameter("o", orderId).setParameter("s", AttemptStatus.APPROVED)
                .getResultStream().findFirst();
        if (throughProvider && attempt.isEmpty()) {
            throw InvalidRequestException.unprocessable("manual", "the order has no approved online payment to refund"
                    + " through " + order.paymentProvider() + "; pay the customer back and record it with manual=true");
        }
        boolean viaProvider = throughProvider;
        var refund = new Refund(orderId, attempt.map(PaymentAttempt::id).orElse(null), order.paymentProvider(),
                amount, !viaProvider, reason, actor, clock.instant());
        em.persist(refund);
        // A retry with the same Idempotency-Key finds this refund instead of opening another one.
        idempotency.attachOrder(idempotencyRecordId, refund.id());
        if (!viaProvider) {
            order.applyRefund(amount, "refunded by hand: " + reason, actor, clock.instant());
            outbox.orderEvent(order, OrderEvent.ORDER_REFUNDED, amount);
        }
        return new Opened(refund, viaProvider ? attempt : Optional.empty(), paid);
    }

    /** Records the provider's answer; a refund that succeeded is applied to the order. */
    @Transactional(TxType.REQUIRES_NEW)
    public RefundView record(String refundId, RefundOutcome outcome) {
        var now = clock.instant();
        Refund refund = em.find(Refund.class, refundId, LockModeType.PESSIMISTIC_WRITE);
        if (refund.status() != RefundStatus.REQUESTED) {
            return view(refund);
        }
        if (outcome instanceof RefundOutcome.Refunded done) {
            refund.record(RefundStatus.SUCCEEDED, done.gatewayReference(), "refunded", now);
            Order order = em.find(Order.class, refund.orderId(), LockModeType.PESSIMISTIC_WRITE);
            order.applyRefund(refund.amount(), "refunded through " + refund.providerId() + ": " + refund.reason(),
                    "provider:" + refund.providerId(), now);
            outbox.orderEvent(order, OrderEvent.ORDER_REFUNDED, refund.amount());
        } else if (outcome instanceof RefundOutcome.Pending pending) {
            refund.record(RefundStatus.PENDING, pending.gatewayReference().orElse(null), "the provider is processing it", now);
        } else if (outcome instanceof RefundOutcome.Declined declined) {
            refund.record(RefundStatus.FAILED, null, declined.code() + ": " + declined.message(), now);
        } else {
            refund.record(RefundStatus.UNKNOWN, null, ((RefundOutcome.Unknown) outcome).detail(), now);
        }
        return view(refund);
    }

    /** The provider could not be asked: nothing moved, the amount is free again. */
    @Transactional(TxType.REQUIRES_NEW)
    public RefundView notSent(String refundId, String reason) {
        Refund refund = em.find(Refund.class, refundId, LockModeType.PESSIMISTIC_WRITE);
        if (refund.status() == RefundStatus.REQUESTED) {
            refund.record(RefundStatus.FAILED, null, "not sent: " + reason, clock.instant());
        }
        return view(refund);
    }

    @Transactional(TxType.REQUIRED)
    public RefundView view(String refundId) {
        return view(em.find(Refund.class, refundId));
    }

    private RefundView view(Refund r) {
        Order order = em.find(Order.class, r.orderId());
        return new RefundView(r.id(), r.orderId(), r.amount().minorUnits(), r.amount().currency(), r.status().name(),
                r.manual(), r.gatewayReference(), r.detail(), order.status().name(), order.refunded().minorUnits());
    }
}
