package io.tijarat.core.payment.reconciliation;

import io.tijarat.core.payment.attempt.PaymentAttempt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Hands the reconciler a batch of open attempts that are due, safely with several servers: rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED} and leased by pushing their next check into the future, so
 * two reconcilers never ask the provider about the same attempt at once.
 */
@ApplicationScoped
public class ReconciliationClaims {

    /** Longer than a batch of inquiries can take (batch of 10 × 15 s timeout), so no two runs overlap on a row. */
    static final Duration LEASE = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * How long after its creation an attempt is left alone: its checkout may still be waiting for the
     * provider's answer (start timeout 15 s, plus margin), and an inquiry then would race it.
     */
    @Inject
    io.tijarat.core.config.TijaratSettings settings;

    /** An attempt to look at: what an inquiry needs. */
    public record Due(String attemptId, String providerId, String gatewayReference, long amountMinor, String currency,
                      Instant createdAt, int checks) {
    }

    @Transactional(TxType.REQUIRES_NEW)
    public List<Due> claim(int limit) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("SELECT a.id FROM payment_attempt a"
                        + " JOIN customer_order o ON o.id = a.order_id"
                        + " WHERE a.status IN ('STARTED', 'PENDING', 'UNKNOWN') AND a.created_at <= ?3"
                        + " AND (a.next_check_at IS NULL OR a.next_check_at <= ?1)"
                        + " ORDER BY a.created_at LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, now).setParameter(2, limit).setParameter(3, now.minus(settings.reconcilerInFlight()))
                .getResultList();
        return ids.stream().map(id -> {
            PaymentAttempt a = em.find(PaymentAttempt.class, id);
            var due = new Due(a.id(), a.providerId(), a.gatewayReference(), a.amount().minorUnits(), a.amount().currency(),
                    a.createdAt(), a.checks());
            a.lease(now.plus(LEASE));
            return due;
        }).toList();
    }

    /**
     * Orders still waiting for payment with no attempt left open (declined, or the provider could not be
     * reached) for longer than {@code window}: they hold stock nobody is going to pay for. An order with an
     * approved attempt is never among them: money arrived (perhaps a different amount, flagged for a person),
     * so it waits for that person, not for expiry.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<String> abandonedUnpaidOrders(Duration window, int limit) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("SELECT o.id FROM customer_order o WHERE o.status = 'PENDING_PAYMENT'"
                        + " AND o.created_at <= ?1 AND NOT EXISTS (SELECT 1 FROM payment_attempt a WHERE a.order_id = o.id"
                        + " AND a.status IN ('STARTED', 'PENDING', 'UNKNOWN', 'APPROVED')) ORDER BY o.created_at LIMIT ?2")
                .setParameter(1, clock.instant().minus(window)).setParameter(2, limit).getResultList();
        return ids;
    }

    /**
     * Sets when the attempt is looked at next (after an inquiry that settled nothing, with backoff). The row is
     * locked first, as settlement locks it: a callback settling the attempt meanwhile is waited for and then seen
     * (found by the as-run test: without the lock the two collided on the row's version).
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void nextCheck(String attemptId, Instant at) {
        PaymentAttempt a = em.find(PaymentAttempt.class, attemptId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (a != null && a.status().isOpen()) {
            a.scheduleCheck(at);
        }
    }
}
