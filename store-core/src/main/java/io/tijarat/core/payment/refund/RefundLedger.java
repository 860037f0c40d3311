package io.tijarat.core.payment.refund;

import io.tijarat.core.order.OrderEvent;
import io.tijarat.core.order.OrderEvents;
import io.tijarat.core.error.InvalidRequestException;
import io.tijarat.core.error.NotFoundException;
import io.tijarat.core.idempotency.IdempotencyStore;
import io.tijarat.core.order.Order;
import io.tijarat.core.payment.attempt.AttemptStatus;
import io.tijarat.core.payment.attempt.PaymentAttempt;
import io.tijarat.spi.Money;
import io.tijarat.spi.payment.RefundOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import io.tijarat.core.error.ConflictException;
import io.tijarat.spi.payment.RefundRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The transactions around a refund: open it (checking, under the order's lock, that it fits in what is
 * still refundable, for the order and for the payment it refunds), record the provider's answer, record what
 * the provider later says about it, and an admin's resolution. Each runs on its own; the provider is called
 * between them, never inside one.
 */
@ApplicationScoped
public class RefundLedger {

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    OrderEvents orderEvents;

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
     * Opens a refund of {@code amount} of the payment {@code attemptId} (null: the order's only approved
     * payment; refused as ambiguous when it has several — see {@link RefundTarget}). A manual one is applied to
     * the order at once; one through the provider waits for its answer ({@link #record}).
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Opened open(String orderId, String attemptId, Money amount, boolean throughProvider, String reason,
                       String actor, String idempotencyRecordId) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw new NotFoundException("no order with this id");
        }
        if (!order.status().isRefundable()) {
            throw InvalidRequestException.unprocessable("order", "an order that is " + order.status()
                    + " has taken no money to refund");
        }
        Money paid = order.total();
        List<Refund> earlier = em.createQuery("select r from Refund r where r.orderId = :o", Refund.class)
                .setParameter("o", orderId).getResultList();
        Money held = held(earlier, null, paid.currency());
        Money left = paid.minus(held);
        if (!amount.isPositive() || amount.isGreaterThan(left)) {
            throw InvalidRequestException.unprocessable("amountMinor", "must be between 1 and " + left.minorUnits()
                    + " (paid " + paid.minorUnits() + ", already refunded or in progress " + held.minorUnits() + ")");
        }
        Optional<PaymentAttempt> attempt = RefundTarget.choose(em.createQuery(
                        "select a from PaymentAttempt a where a.orderId = :o", PaymentAttempt.class)
                .setParameter("o", orderId).getResultList(), attemptId);
        if (throughProvider && attempt.isEmpty()) {
            throw InvalidRequestException.unprocessable("manual", "the order has no approved online payment to refund"
                    + " through " + order.paymentProvider() + "; pay the customer back and record it with manual=true");
        }
        if (attempt.isPresent()) {
            Money ofAttempt = attempt.get().amount();
            Money heldOfAttempt = held(earlier, attempt.get().id(), ofAttempt.currency());
            if (amount.isGreaterThan(ofAttempt.minus(heldOfAttempt))) {
                throw InvalidRequestException.unprocessable("amountMinor", "payment " + attempt.get().id() + " took "
                        + ofAttempt.minorUnits() + ", of which " + heldOfAttempt.minorUnits()
                        + " is already refunded or in progress");
            }
        }
        String provider = attempt.map(PaymentAttempt::providerId).orElse(order.paymentProvider());
        var refund = new Refund(orderId, attempt.map(PaymentAttempt::id).orElse(null), provider,
                amount, !throughProvider, reason, actor, clock.instant());
        em.persist(refund);
        // A retry with the same Idempotency-Key finds this refund instead of opening another one.
        idempotency.attachOrder(idempotencyRecordId, refund.id());
        if (!throughProvider) {
            order.applyRefund(amount, "refunded by hand: " + reason, actor, clock.instant());
            orderEvents.raise(order, OrderEvent.ORDER_REFUNDED, amount);
        }
        return new Opened(refund, throughProvider ? attempt : Optional.empty(), attempt.map(PaymentAttempt::amount).orElse(paid));
    }

    private static Money held(List<Refund> refunds, String attemptId, String currency) {
        Money held = Money.zero(currency);
        for (Refund r : refunds) {
            if (r.status().holdsAmount() && (attemptId == null || attemptId.equals(r.attemptId()))) {
                held = held.plus(r.amount());
            }
        }
        return held;
    }

    /** Records the provider's first answer; a refund that succeeded is applied to the order. */
    @Transactional(TxType.REQUIRES_NEW)
    public RefundView record(String refundId, RefundOutcome outcome) {
        Refund refund = em.find(Refund.class, refundId, LockModeType.PESSIMISTIC_WRITE);
        if (refund.status() == RefundStatus.REQUESTED) {
            apply(refund, outcome, clock.instant(), false);
        }
        return view(refund);
    }

    /**
     * Records what the provider now says about a refund the reconciler asked about ({@code PENDING},
     * {@code UNKNOWN}, or {@code REQUESTED} whose answer was lost). News about a refund that is final or waits
     * for staff changes nothing.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public RefundView settle(String refundId, RefundOutcome news) {
        Refund refund = em.find(Refund.class, refundId, LockModeType.PESSIMISTIC_WRITE);
        if (refund.status().isAskedAbout()) {
            var now = clock.instant();
            if (news instanceof RefundOutcome.Pending || news instanceof RefundOutcome.Unknown) {
                if (!now.isBefore(refund.createdAt().plus(RefundFollowUps.STAFF_AFTER))) {
                    refund.record(RefundStatus.AWAITING_STAFF, null, "no final answer from " + refund.providerId()
                            + " within " + RefundFollowUps.STAFF_AFTER.toDays() + " days: check the gateway's portal and"
                            + " resolve it", now);
                    return view(refund);
                }
            }
            apply(refund, news, now, true);
        }
        return view(refund);
    }

    // Java 17 has no pattern switch over the sealed outcome: one instanceof per permitted type, and a new
    // type fails loudly here rather than being read as another.
    /**
     * @param followUp whether this is news the reconciler asked for: a first Pending or Unknown answer is asked
     *                 about at the reconciler's next run, later ones after 1, 2, 4 … minutes
     */
    private void apply(Refund refund, RefundOutcome outcome, Instant now, boolean followUp) {
        if (outcome instanceof RefundOutcome.Refunded done) {
            refund.record(RefundStatus.SUCCEEDED, done.gatewayReference(), "refunded", now);
            applyToOrder(refund, "refunded through " + refund.providerId() + ": " + refund.reason(),
                    "provider:" + refund.providerId(), now);
        } else if (outcome instanceof RefundOutcome.Pending pending) {
            refund.record(RefundStatus.PENDING, pending.gatewayReference().orElse(null), "the provider is processing it", now);
            if (followUp) {
                refund.scheduleCheck(now.plus(RefundFollowUps.backoff(refund.checks() + 1)));
            }
        } else if (outcome instanceof RefundOutcome.Declined declined) {
            refund.record(RefundStatus.FAILED, null, declined.code() + ": " + declined.message(), now);
        } else if (outcome instanceof RefundOutcome.Unknown unknown) {
            refund.record(RefundStatus.UNKNOWN, null, unknown.detail(), now);
            if (followUp) {
                refund.scheduleCheck(now.plus(RefundFollowUps.backoff(refund.checks() + 1)));
            }
        } else if (outcome instanceof RefundOutcome.NotSupported staff) {
            refund.record(RefundStatus.AWAITING_STAFF, null, staff.reason()
                    + "; waiting for staff to refund by hand and resolve it", now);
        } else {
            throw new IllegalStateException("unhandled refund outcome " + outcome.getClass().getName());
        }
    }

    private void applyToOrder(Refund refund, String why, String actor, Instant now) {
        Order order = em.find(Order.class, refund.orderId(), LockModeType.PESSIMISTIC_WRITE);
        order.applyRefund(refund.amount(), why, actor, now);
        orderEvents.raise(order, OrderEvent.ORDER_REFUNDED, refund.amount());
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

    /** An admin's decision about a refund the provider did not settle. */
    public enum Resolution { SUCCEEDED, FAILED }

    /**
     * Resolves an open refund by hand: {@code SUCCEEDED} with the reference of the money sent back (applied to
     * the order), or {@code FAILED} (no money moved: the amount is free again). Audited on the refund (who, when,
     * why) and in the order's history. A refund that is already final is a conflict (409); so is one whose
     * provider call may still be in flight.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public RefundView resolve(String refundId, Resolution resolution, String gatewayReference, String note,
                              String actor, String idempotencyRecordId) {
        Refund refund = refundId == null ? null : em.find(Refund.class, refundId, LockModeType.PESSIMISTIC_WRITE);
        if (refund == null) {
            throw new NotFoundException("no refund with this id");
        }
        var now = clock.instant();
        if (refund.status().isFinal()) {
            throw new ConflictException("refund " + refund.id() + " is already " + refund.status()
                    + (refund.resolvedBy() == null ? "" : " (resolved by " + refund.resolvedBy() + ")")
                    + "; a final refund cannot be resolved again");
        }
        if (refund.status() == RefundStatus.REQUESTED && now.isBefore(refund.updatedAt().plus(IN_FLIGHT))) {
            throw new ConflictException("refund " + refund.id() + " is waiting for " + refund.providerId()
                    + "'s answer; resolve it once the answer is in, or after " + IN_FLIGHT.toMinutes() + " minutes");
        }
        if (resolution == Resolution.SUCCEEDED) {
            refund.resolve(RefundStatus.SUCCEEDED, gatewayReference, actor, note, now);
            applyToOrder(refund, "refund resolved as succeeded (" + gatewayReference + "): " + note, actor, now);
        } else {
            refund.resolve(RefundStatus.FAILED, null, actor, note, now);
        }
        idempotency.attachOrder(idempotencyRecordId, refund.id());
        return view(refund);
    }

    /** A refund whose provider call may still be in flight (longer than the refund's outer timeout). */
    static final Duration IN_FLIGHT = Duration.ofMinutes(5);

    /** Refunds not yet final, oldest first: what staff watch (those AWAITING_STAFF need them). */
    @Transactional(TxType.REQUIRED)
    public List<RefundView> open(RefundStatus status, int limit) {
        List<RefundStatus> wanted = status != null ? List.of(status)
                : java.util.Arrays.stream(RefundStatus.values()).filter(s -> !s.isFinal()).toList();
        return em.createQuery("select r from Refund r where r.status in :s order by r.createdAt", Refund.class)
                .setParameter("s", wanted).setMaxResults(limit).getResultStream().map(this::view).toList();
    }

    /** A refund to ask the provider about, as it was sent. */
    public record Due(String refundId, String providerId, RefundRequest request) {
    }

    /**
     * Claims refunds to ask about ({@code FOR UPDATE SKIP LOCKED}, leased by pushing their next check on), so
     * two reconcilers never ask about the same refund at once: pending and unknown ones when due, and requested
     * ones whose answer was lost (older than {@link #IN_FLIGHT}).
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<Due> claimDue(int limit) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("SELECT r.id FROM refund r WHERE r.attempt_id IS NOT NULL"
                        + " AND (r.next_check_at IS NULL OR r.next_check_at <= ?1)"
                        + " AND (r.status IN ('PENDING', 'UNKNOWN') OR (r.status = 'REQUESTED' AND r.updated_at <= ?2))"
                        + " ORDER BY r.created_at LIMIT ?3 FOR UPDATE SKIP LOCKED")
                .setParameter(1, now).setParameter(2, now.minus(IN_FLIGHT)).setParameter(3, limit).getResultList();
        return ids.stream().map(id -> {
            Refund r = em.find(Refund.class, id);
            PaymentAttempt a = em.find(PaymentAttempt.class, r.attemptId());
            r.lease(now.plus(IN_FLIGHT));
            var request = new RefundRequest(r.key(), a.key(), Optional.ofNullable(a.gatewayReference()), r.amount(),
                    a.amount(), r.reason(), a.method());
            return new Due(r.id(), r.providerId(), request);
        }).toList();
    }

    @Transactional(TxType.REQUIRED)
    public RefundView view(String refundId) {
        Refund refund = refundId == null ? null : em.find(Refund.class, refundId);
        if (refund == null) {
            throw new NotFoundException("no refund with this id");
        }
        return view(refund);
    }

    private RefundView view(Refund r) {
        Order order = em.find(Order.class, r.orderId());
        return new RefundView(r.id(), r.orderId(), r.attemptId(), r.amount().minorUnits(), r.amount().currency(),
                r.status().name(), r.manual(), r.gatewayReference(), r.detail(), order.status().name(),
                order.refunded().minorUnits(), r.resolvedBy(), r.resolvedAt(), r.resolutionNote());
    }
}
