package io.tijarat.core.payment;

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

    static final Duration LEASE = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    Clock clock;

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
                        + " WHERE a.status IN ('STARTED', 'PENDING', 'UNKNOWN') AND o.status = 'PENDING_PAYMENT'"
                        + " AND (a.next_check_at IS NULL OR a.next_check_at <= ?1)"
                        + " ORDER BY a.created_at LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, now).setParameter(2, limit)
                .getResultList();
        return ids.stream().map(id -> {
            PaymentAttempt a = em.find(PaymentAttempt.class, id);
            var due = new Due(a.id(), a.providerId(), a.gatewayReference(), a.amount().minorUnits(), a.amount().currency(),
                    a.createdAt(), a.checks());
            a.lease(now.plus(LEASE));
            return due;
        }).toList();
    }

    /** Sets when the attempt is looked at next (after an inquiry that settled nothing, with backoff). */
    @Transactional(TxType.REQUIRES_NEW)
    public void nextCheck(String attemptId, Instant at) {
        PaymentAttempt a = em.find(PaymentAttempt.class, attemptId);
        if (a != null && a.status().isOpen()) {
            a.scheduleCheck(at);
        }
    }
}
