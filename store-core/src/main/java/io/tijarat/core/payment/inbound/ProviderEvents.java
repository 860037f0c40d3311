package io.tijarat.core.payment.inbound;

import io.tijarat.core.payment.attempt.PaymentAttempt;
import io.tijarat.core.payment.settlement.PaymentSettlement;
import io.tijarat.core.persistence.UniqueKeys;
import io.tijarat.core.provider.PaymentProviders;
import io.tijarat.core.provider.ProviderUnavailableException;
import io.tijarat.spi.payment.CallbackOutcome;
import io.tijarat.spi.payment.InquiryOutcome;
import io.tijarat.spi.payment.InquiryRequest;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Storing verified provider events once and applying them, now (asynchronously) or on an admin's replay.
 * <p>
 * A signed report is applied at once. An unsigned one ({@code confirmByInquiry}) is only a hint that costs an
 * inquiry, and anyone who knows an attempt id can send many distinct ones; so per attempt at most one waits for
 * confirmation (further ones are counted on it, not stored), the next one after a confirmation waits
 * {@code tijarat.events.confirm-backoff-seconds}, doubling per confirmation up to 30 minutes, and a confirmation
 * that got no answer is retried with the same backoff, oldest first.
 */
@ApplicationScoped
public class ProviderEvents {

    private static final Logger LOG = Logger.getLogger(ProviderEvents.class.getName());

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    io.tijarat.core.config.TijaratSettings settings;

    @Inject
    PaymentSettlement settlement;

    @Inject
    PaymentProviders payments;

    @Inject
    ProviderEvents self;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    /**
     * Stores a verified event unless the provider sent it before; returns the new event's id, or empty for a
     * duplicate (to be acknowledged and ignored). Unknown attempts are refused by returning empty too.
     */
    public Optional<String> receive(String providerId, CallbackOutcome.Verified verified) {
        try {
            return self.insert(providerId, verified);
        } catch (RuntimeException e) {
            if (UniqueKeys.violated(e)) {
                return Optional.empty(); // the same event, delivered concurrently: the other delivery stored it
            }
            throw e;
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Optional<String> insert(String providerId, CallbackOutcome.Verified verified) {
        String attemptId = verified.attemptId().value();
        // unsigned reports about one attempt are taken one at a time, so "one waiting per attempt" holds under a flood
        PaymentAttempt attempt = verified.confirmByInquiry()
                ? em.find(PaymentAttempt.class, attemptId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                : em.find(PaymentAttempt.class, attemptId);
        if (attempt == null || !attempt.providerId().equals(providerId)) {
            return Optional.empty();
        }
        boolean seen = !em.createQuery("select e.id from ProviderEvent e where e.providerId = :p and e.eventKey = :k")
                .setParameter("p", providerId).setParameter("k", verified.eventKey()).getResultList().isEmpty();
        if (seen) {
            return Optional.empty();
        }
        var event = new ProviderEvent(providerId, verified.eventKey(), attemptId, verified.status(),
                verified.confirmByInquiry(), clock.instant());
        if (verified.confirmByInquiry()) {
            Optional<ProviderEvent> waiting = em.createQuery("select e from ProviderEvent e where e.attemptId = :a"
                            + " and e.confirmByInquiry = true and e.state = :s", ProviderEvent.class)
                    .setParameter("a", attemptId).setParameter("s", ProviderEvent.RECEIVED).setMaxResults(1)
                    .getResultStream().findFirst();
            if (waiting.isPresent()) {
                waiting.get().coalesce(); // its inquiry will answer for this report too
                return Optional.empty();
            }
            Object[] earlier = em.createQuery("select count(e), max(e.appliedAt) from ProviderEvent e"
                    + " where e.attemptId = :a and e.confirmByInquiry = true", Object[].class)
                    .setParameter("a", attemptId).getSingleResult();
            long confirmations = ((Number) earlier[0]).longValue();
            if (confirmations > 0 && earlier[1] != null) {
                event.confirmNotBefore(((java.time.Instant) earlier[1]).plus(backoff(confirmations)));
            }
        }
        em.persist(event);
        em.flush(); // a concurrent duplicate fails here, on the unique key, not after we answered
        return Optional.of(event.id());
    }

    /** Applies the event soon, off the request thread: the provider is answered within a second. */
    public void applyLater(String eventId) {
        executor.submit(() -> {
            try {
                apply(eventId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Provider event " + eventId + " could not be applied yet; the provider-events"
                        + " job applies it on its next run", e);
            } finally {
                io.tijarat.core.provider.CorrelationIds.clear(); // pooled thread: no order id left for the next task
            }
        });
    }

    /**
     * Applies (or re-applies) the event through the one settlement function. Idempotent. Reads happen in their
     * own short transactions and no transaction is open while the provider is asked: this runs on request
     * threads, on the executor and on the sweep's scheduler thread alike.
     */
    public String apply(String eventId) {
        Pending pending = self.pending(eventId).orElseThrow(
                () -> new io.tijarat.core.error.NotFoundException("no event with this id"));
        InquiryOutcome news = pending.reported();
        String source = "callback";
        if (pending.confirmByInquiry()) {
            if (pending.confirmAfter() != null && clock.instant().isBefore(pending.confirmAfter())) {
                return "not confirmed yet: the provider is asked about attempt " + pending.attemptId() + " after "
                        + pending.confirmAfter();
            }
            // The report is unsigned (or only partly signed): ask the provider before believing it.
            news = confirm(pending);
            source = "callback confirmed by inquiry";
        }
        var result = settlement.settle(pending.attemptId(), news, source);
        String outcome = "attempt " + result.attempt() + ", order " + result.order()
                + (result.attention() == null ? "" : " — attention: " + result.attention());
        if (news instanceof InquiryOutcome.Unknown) {
            if (pending.confirmByInquiry()) {
                self.confirmationUnanswered(eventId);
            }
            return outcome + " (not confirmed yet: applied again later)"; // stays RECEIVED for the sweep
        }
        self.markApplied(eventId, outcome);
        return outcome;
    }

    /** What applying an event needs, read in one transaction and detached from it. */
    public record Pending(String providerId, String attemptId, InquiryOutcome reported, boolean confirmByInquiry,
                          io.tijarat.spi.IdempotencyKey attemptKey, String gatewayReference, io.tijarat.spi.Money amount,
                          java.time.Instant attemptCreatedAt, java.time.Instant confirmAfter) {
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Pending> pending(String eventId) {
        ProviderEvent event = em.find(ProviderEvent.class, eventId);
        if (event == null) {
            return Optional.empty();
        }
        PaymentAttempt attempt = em.find(PaymentAttempt.class, event.attemptId());
        return Optional.of(new Pending(event.providerId(), event.attemptId(), event.reportedOutcome(), event.confirmByInquiry(),
                attempt.key(), attempt.gatewayReference(), attempt.amount(), attempt.createdAt(),
                event.confirmAfter().orElse(null)));
    }

    /**
     * Events still not applied that are due: received more than half a minute ago (the server stopped before its
     * asynchronous apply ran) or, for an unsigned report, whose confirmation backoff has passed; oldest first.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public List<String> stale(int limit) {
        java.time.Instant now = clock.instant();
        return em.createQuery("select e.id from ProviderEvent e where e.state = :s and ((e.confirmAfter is null and"
                        + " e.receivedAt < :t) or e.confirmAfter <= :now) order by e.receivedAt", String.class)
                .setParameter("s", ProviderEvent.RECEIVED).setParameter("t", now.minusSeconds(30))
                .setParameter("now", now).setMaxResults(limit).getResultList();
    }

    /** The provider could not be asked (or did not know): ask again after the backoff. */
    @Transactional(TxType.REQUIRES_NEW)
    public void confirmationUnanswered(String eventId) {
        ProviderEvent event = em.find(ProviderEvent.class, eventId);
        event.confirmationUnanswered(clock.instant(), backoff(event.confirmTries() + 1));
    }

    /** The wait before the {@code n}th further confirmation (n ≥ 1): the base, doubling, at most 30 minutes. */
    java.time.Duration backoff(long n) {
        return backoff(settings.eventConfirmBackoff(), n);
    }

    static java.time.Duration backoff(java.time.Duration base, long n) {
        java.time.Duration cap = java.time.Duration.ofMinutes(30);
        java.time.Duration wait = base.multipliedBy(1L << Math.min(20, Math.max(0, n - 1)));
        return wait.compareTo(cap) > 0 ? cap : wait;
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void markApplied(String eventId, String outcome) {
        em.find(ProviderEvent.class, eventId).applied(outcome, clock.instant());
    }

    @Transactional(TxType.REQUIRED)
    public List<ProviderEvent> recent(int limit) {
        return em.createQuery("select e from ProviderEvent e order by e.receivedAt desc", ProviderEvent.class)
                .setMaxResults(limit).getResultList();
    }

    private InquiryOutcome confirm(Pending event) {
        try {
            return payments.inquire(event.providerId(), new InquiryRequest(event.attemptKey(),
                    Optional.ofNullable(event.gatewayReference()), event.amount(), event.attemptCreatedAt()));
        } catch (ProviderUnavailableException e) {
            return new InquiryOutcome.Unknown("could not confirm: " + e.getMessage());
        }
    }
}
