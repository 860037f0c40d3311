package io.tijarat.core.outbox;

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
import java.util.Optional;

/**
 * The relay's transactions. Claiming uses {@code FOR UPDATE SKIP LOCKED} and a lease (the next attempt
 * is pushed past the time a send can take), so two relays — on two servers — never send one message twice.
 */
@ApplicationScoped
public class OutboxStore {

    /** Longer than a batch of sends can take (batch of 10 × 20 s timeout), so no two relays overlap on a row. */
    static final Duration LEASE = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(TxType.REQUIRES_NEW)
    public List<OutboxMessage> claim(int limit) {
        Instant now = clock.instant();
        // In the order of ix_outbox_due (state, next_attempt_at): the claim reads, and locks, only the rows it takes.
        // Ordered by created_at it sorted and locked every due row: 124,000 locks a run with a 61,000-message backlog.
        // A new message is due when it is written, so the first-due order is also the oldest-first order.
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("SELECT id FROM outbox_message WHERE state = 'PENDING'"
                        + " AND next_attempt_at <= ?1 ORDER BY next_attempt_at LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, now).setParameter(2, limit).getResultList();
        return ids.stream().map(id -> {
            OutboxMessage m = em.find(OutboxMessage.class, id);
            m.lease(now.plus(LEASE));
            return m;
        }).toList();
    }

    /** Sent messages whose delivery report is due, oldest due first, sent after {@code sentAfter}. */
    @Transactional(TxType.REQUIRES_NEW)
    public List<OutboxMessage> dueForReport(Instant now, Instant sentAfter, int limit) {
        return em.createQuery("select m from OutboxMessage m where m.state = :sent and m.nextReportAt <= :now"
                        + " and m.sentAt >= :after order by m.nextReportAt", OutboxMessage.class)
                .setParameter("sent", OutboxMessage.State.SENT).setParameter("now", now).setParameter("after", sentAfter)
                .setMaxResults(limit).getResultList();
    }

    /** Records a delivery report (or, with a null status, that there is none to ask for). */
    @Transactional(TxType.REQUIRES_NEW)
    public void reported(String id, io.tijarat.spi.notification.DeliveryReport.Status status, Instant at, Instant next) {
        OutboxMessage m = em.find(OutboxMessage.class, id);
        if (status == null) {
            m.noReports();
        } else {
            m.reported(status, at, next);
        }
    }

    /**
     * A delivery report the gateway pushed (SPI 1.4, {@code DELIVERY_WEBHOOKS}), applied in the caller's transaction
     * through the same forward-only function as a polled one.
     *
     * @return the message it is about; empty when no message sent through {@code providerId} has that gateway id
     */
    @Transactional(TxType.MANDATORY)
    public Optional<OutboxMessage> pushedReport(String providerId, io.tijarat.spi.notification.DeliveryReport report) {
        List<OutboxMessage> found = em.createQuery("select m from OutboxMessage m where m.providerId = :p"
                        + " and m.providerMessageId = :g", OutboxMessage.class)
                .setParameter("p", providerId).setParameter("g", report.gatewayMessageId())
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).setMaxResults(1).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        OutboxMessage m = found.get(0);
        Instant now = clock.instant();
        m.reported(report.status(), report.at().orElse(now), now.plus(java.time.Duration.ofMinutes(5)));
        return Optional.of(m);
    }

    /** What the gateway last said about a message it accepted, if anything. */
    @Transactional(TxType.MANDATORY)
    public Optional<String> deliveryStatusOf(String providerId, String gatewayMessageId) {
        return em.createQuery("select m.deliveryStatus from OutboxMessage m where m.providerId = :p"
                        + " and m.providerMessageId = :g", String.class)
                .setParameter("p", providerId).setParameter("g", gatewayMessageId).setMaxResults(1)
                .getResultList().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** Whether {@code phone}'s newest consent entry grants promotional messages (none: no). */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean promotionAllowed(String phone) {
        List<Boolean> newest = em.createQuery("select e.granted from ConsentEvent e where e.phone = :p order by e.id desc",
                Boolean.class).setParameter("p", phone).setMaxResults(1).getResultList();
        return !newest.isEmpty() && newest.get(0);
    }

    /** The messages of one order, newest first. */
    @Transactional(TxType.REQUIRES_NEW)
    public List<OutboxMessage> ofOrder(String orderId, int limit) {
        return em.createQuery("select m from OutboxMessage m where m.orderId = :o order by m.createdAt desc, m.id",
                OutboxMessage.class).setParameter("o", orderId).setMaxResults(limit).getResultList();
    }

    /** Messages on {@code channel} sent since {@code since}: to {@code recipient}, or by the whole shop when it is null. */
    @Transactional(TxType.REQUIRES_NEW)
    public long sentSince(io.tijarat.spi.notification.Channel channel, Instant since, String recipient) {
        var query = em.createQuery("select count(m) from OutboxMessage m where m.channel = :sms and m.sentAt >= :since"
                + (recipient == null ? "" : " and m.recipient = :to"), Long.class)
                .setParameter("sms", channel).setParameter("since", since);
        if (recipient != null) {
            query.setParameter("to", recipient);
        }
        return query.getSingleResult();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void sent(String id, String providerId, String providerMessageId) {
        em.find(OutboxMessage.class, id).sent(providerId, providerMessageId, clock.instant());
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void failed(String id, String error, Instant retryAt, boolean park) {
        em.find(OutboxMessage.class, id).failed(error, retryAt, park);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void uncertain(String id, String providerId, String detail) {
        em.find(OutboxMessage.class, id).uncertain(providerId, detail);
    }

    /**
     * Puts a parked or uncertain message back in the queue (an admin fixed the cause) and returns it as it is
     * now; empty when there is no such message or it was sent. Found by its id, however many messages there are.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<OutboxMessage> retry(String id) {
        OutboxMessage m = id == null ? null : em.find(OutboxMessage.class, id);
        if (m == null || m.state() == OutboxMessage.State.SENT) {
            return Optional.empty();
        }
        m.retry(clock.instant());
        return Optional.of(m);
    }

    @Transactional(TxType.REQUIRED)
    public List<OutboxMessage> list(OutboxMessage.State state, int limit) {
        return em.createQuery("select m from OutboxMessage m where m.state = :s order by m.createdAt desc", OutboxMessage.class)
                .setParameter("s", state).setMaxResults(limit).getResultList();
    }
}
