package io.tijarat.core.idempotency;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The records behind Idempotency-Key. Each method runs in its own transaction so the claim on a key is
 * visible to concurrent requests at once (a duplicate insert fails fast instead of waiting on an open
 * transaction), and so a failure of the work itself never loses the claim.
 */
@ApplicationScoped
public class IdempotencyStore {

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    io.tijarat.core.config.TijaratSettings settings;

    /** What {@link #claim} found. */
    public sealed interface Claim {
        /** The key is ours: do the work. */
        record Granted(String recordId) implements Claim { }
        /** The key was used before with this request and finished: replay this (about {@code orderId}, if any). */
        record Replay(StoredResponse response, String orderId) implements Claim { }
        /** The first request got as far as creating {@code orderId} (or a refund) and then stopped: answer from it. */
        record Recover(String recordId, String orderId) implements Claim { }
    }

    /**
     * Claims {@code key} for a request whose fingerprint is {@code requestHash}.
     *
     * @param staleAfter how long an unfinished claim blocks retries before it is treated as abandoned
     * @throws IdempotencyConflictException if the key belongs to another request or is still running
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Claim claim(String clientId, String operation, String key, String requestHash, Duration staleAfter) {
        var now = clock.instant();
        Optional<IdempotencyRecord> existing = find(clientId, operation, key);
        if (existing.isEmpty()) {
            var record = new IdempotencyRecord(clientId, operation, key, requestHash, now,
                    now.plus(settings.idempotencyRetention()));
            try {
                em.persist(record);
                em.flush();
                return new Claim.Granted(record.id());
            } catch (PersistenceException duplicate) {
                // Another request inserted the same key between our select and insert.
                throw new IdempotencyConflictException(IdempotencyConflictException.Reason.STILL_RUNNING);
            }
        }
        IdempotencyRecord record = existing.get();
        em.lock(record, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(record);
        if (!record.requestHash().equals(requestHash)) {
            throw new IdempotencyConflictException(IdempotencyConflictException.Reason.DIFFERENT_REQUEST);
        }
        if (IdempotencyRecord.COMPLETED.equals(record.state())) {
            return new Claim.Replay(new StoredResponse(record.responseStatus(), record.responseBody()), record.orderId());
        }
        if (record.updatedAt().plus(staleAfter).isAfter(now)) {
            throw new IdempotencyConflictException(IdempotencyConflictException.Reason.STILL_RUNNING);
        }
        record.touch(now);
        return record.orderId() != null ? new Claim.Recover(record.id(), record.orderId()) : new Claim.Granted(record.id());
    }

    /**
     * Links the claim to what it created (an order, a refund); call inside the transaction that creates it,
     * so a retry after a crash finds the result instead of doing the work again.
     */
    @Transactional(TxType.MANDATORY)
    public void attachOrder(String recordId, String orderId) {
        em.find(IdempotencyRecord.class, recordId).attachOrder(orderId, clock.instant());
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void complete(String recordId, StoredResponse response) {
        em.find(IdempotencyRecord.class, recordId).complete(response.status(), response.body(), clock.instant());
    }

    /** Gives the key back (the work failed before changing anything), so the client may fix and retry. */
    @Transactional(TxType.REQUIRES_NEW)
    public void release(String recordId) {
        em.createQuery("delete from IdempotencyRecord r where r.id = :id and r.orderId is null")
                .setParameter("id", recordId).executeUpdate();
    }

    /** Deletes records past their retention; returns how many. */
    @Transactional(TxType.REQUIRES_NEW)
    public int purgeExpired() {
        return em.createQuery("delete from IdempotencyRecord r where r.expiresAt < :now")
                .setParameter("now", clock.instant()).executeUpdate();
    }

    private Optional<IdempotencyRecord> find(String clientId, String operation, String key) {
        return em.createQuery("select r from IdempotencyRecord r where r.clientId = :c and r.operation = :o and r.key = :k",
                        IdempotencyRecord.class)
                .setParameter("c", clientId).setParameter("o", operation).setParameter("k", key)
                .getResultStream().findFirst();
    }
}
