package io.tijarat.core.webhook;

import io.tijarat.core.error.ConflictException;
import io.tijarat.core.error.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The webhook tables. The relay's methods each run in a transaction of their own: {@link #claim} picks
 * due deliveries with {@code FOR UPDATE SKIP LOCKED}, counts the attempt and leases the row (its next
 * attempt pushed past the time a send can take), so relays on several servers never send one delivery at
 * once; {@link #record} stores the outcome afterwards. No transaction is open while a request is sent.
 *
 * <p>Lock order, everywhere an endpoint and its deliveries are both changed: the endpoint row first.
 */
@ApplicationScoped
public class WebhookStore {

    /** Longer than a batch of sends can take (they run in parallel, each bounded to 20 s). */
    static final Duration LEASE = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    WebhookSettings settings;

    /**
     * A delivery claimed for one attempt: what the relay needs to send it, outside any transaction. {@code secrets}
     * are the ones it is signed with: the current secret, then a rotated-out one still in its grace period.
     */
    public record Claim(String deliveryId, String endpointId, String url, List<WebhookSecret> secrets, String payload,
                        int attempt) {
        public Claim {
            secrets = List.copyOf(secrets);
        }

        @Override
        public String toString() {
            return "Claim[" + deliveryId + " to " + endpointId + ", attempt " + attempt + "]"; // never the secrets
        }
    }

    /** What recording an outcome did. */
    /** The last error of a delivery parked because its webhook was disabled: requeued when it is enabled. */
    static final String PARKED_BY_DISABLE = "webhook disabled";

    public enum Recorded { DELIVERED, RETRYING, FAILED, FAILED_AND_ENDPOINT_DISABLED, GONE }

    @Transactional(TxType.REQUIRES_NEW)
    public List<Claim> claim(int limit) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("SELECT id FROM webhook_delivery WHERE status = 'PENDING'"
                        + " AND next_attempt_at <= ?1 ORDER BY next_attempt_at LIMIT ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, now).setParameter(2, limit).getResultList();
        List<Claim> claims = new ArrayList<>();
        for (String id : ids) {
            WebhookDelivery d = em.find(WebhookDelivery.class, id);
            WebhookEndpoint e = em.find(WebhookEndpoint.class, d.endpointId());
            if (e == null) {
                em.remove(d); // its webhook was deleted while the order's transaction wrote it
            } else if (!e.active()) {
                d.park("webhook disabled");
            } else {
                d.start(now.plus(LEASE));
                claims.add(new Claim(d.id(), e.id(), e.url(), e.signingSecrets(settings.secretBox(), now), d.payload(),
                        d.attempts()));
            }
        }
        return claims;
    }

    /**
     * Records one attempt's outcome: delivered (the endpoint's failure count starts again), or failed —
     * retried on {@code schedule}, FAILED after the last attempt, and the endpoint disabled (its pending
     * deliveries parked) once {@code disableAfter} attempts in a row have failed.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public Recorded record(Claim claim, DeliveryOutcome outcome, RetrySchedule schedule, int disableAfter) {
        Instant now = clock.instant();
        WebhookEndpoint e = em.find(WebhookEndpoint.class, claim.endpointId(), LockModeType.PESSIMISTIC_WRITE);
        WebhookDelivery d = em.find(WebhookDelivery.class, claim.deliveryId());
        if (e != null) {
            e.forgetExpiredSecret(now); // the endpoint row is locked here anyway
        }
        if (d == null) {
            return Recorded.GONE;
        }
        if (outcome instanceof DeliveryOutcome.Delivered delivered) {
            d.delivered(delivered.statusCode(), now);
            if (e != null) {
                e.succeeded();
            }
            return Recorded.DELIVERED;
        }
        Integer status = outcome instanceof DeliveryOutcome.Rejected rejected ? rejected.statusCode() : null;
        boolean disabledNow = e != null && e.failed(disableAfter, outcome.error(), now);
        Instant retryAt = e == null || !e.active() ? null
                : schedule.waitAfter(Math.max(1, d.attempts())).map(now::plus).orElse(null);
        d.failed(status, outcome.error(), retryAt);
        if (disabledNow) {
            parkPending(e.id());
            return Recorded.FAILED_AND_ENDPOINT_DISABLED;
        }
        return retryAt == null ? Recorded.FAILED : Recorded.RETRYING;
    }

    @Transactional(TxType.REQUIRED)
    public WebhookEndpoint create(String url, Collection<String> events, WebhookSecret secret) {
        var endpoint = new WebhookEndpoint(UUID.randomUUID().toString(), url, events, settings.secretBox(), secret,
                clock.instant());
        em.persist(endpoint);
        return endpoint;
    }

    /**
     * {@code fresh} becomes the webhook's secret; the one it replaces keeps signing (beside it) for
     * {@code tijarat.webhooks.secret-grace-seconds}.
     */
    @Transactional(TxType.REQUIRED)
    public WebhookEndpoint rotateSecret(String id, WebhookSecret fresh) {
        WebhookEndpoint e = locked(id);
        e.rotate(settings.secretBox(), fresh, clock.instant(), settings.secretGrace());
        return e;
    }

    /**
     * Encrypts every plain-text secret (rows from before V14) and seals again with the current key every secret
     * another key sealed; forgets rotated-out secrets past their grace. Idempotent; returns how many webhooks
     * changed.
     *
     * @throws io.tijarat.core.crypto.SecretBox.CannotOpenException when a secret's key is not configured
     */
    @Transactional(TxType.REQUIRES_NEW)
    public int sealSecretsAtRest() {
        Instant now = clock.instant();
        int changed = 0;
        for (WebhookEndpoint e : em.createQuery("select e from WebhookEndpoint e order by e.id", WebhookEndpoint.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()) {
            if (e.sealAtRest(settings.secretBox(), now)) {
                changed++;
            }
        }
        return changed;
    }

    @Transactional(TxType.REQUIRED)
    public long count() {
        return em.createQuery("select count(e) from WebhookEndpoint e", Long.class).getSingleResult();
    }

    @Transactional(TxType.REQUIRED)
    public List<WebhookEndpoint> endpoints() {
        return em.createQuery("select e from WebhookEndpoint e order by e.createdAt, e.id", WebhookEndpoint.class)
                .getResultList();
    }

    @Transactional(TxType.REQUIRED)
    public Optional<WebhookEndpoint> endpoint(String id) {
        return Optional.ofNullable(em.find(WebhookEndpoint.class, id));
    }

    /**
     * Active again, failure count cleared, and the deliveries that were waiting when it was disabled are due
     * again at once (attempts kept), so a receiver that was down for a while misses nothing. A delivery that
     * had run out of attempts, or whose failure disabled the webhook, waits for an admin's retry.
     */
    @Transactional(TxType.REQUIRED)
    public WebhookEndpoint enable(String id) {
        WebhookEndpoint e = locked(id);
        e.enable();
        em.flush(); // the bulk update below bypasses the persistence context
        em.createQuery("update WebhookDelivery d set d.status = :pending, d.nextAttemptAt = :now"
                        + " where d.endpointId = :id and d.status = :failed and d.lastError = :parked")
                .setParameter("pending", WebhookDelivery.Status.PENDING)
                .setParameter("now", clock.instant())
                .setParameter("id", id)
                .setParameter("failed", WebhookDelivery.Status.FAILED)
                .setParameter("parked", PARKED_BY_DISABLE)
                .executeUpdate();
        return e;
    }

    /** Inactive, with the reason; its pending deliveries are parked. */
    @Transactional(TxType.REQUIRED)
    public WebhookEndpoint disable(String id, String reason) {
        WebhookEndpoint e = locked(id);
        if (e.active()) {
            e.disable(reason, clock.instant());
            parkPending(id);
        }
        return e;
    }

    /** Removes the endpoint and its deliveries; false when there was none. */
    @Transactional(TxType.REQUIRED)
    public boolean delete(String id) {
        WebhookEndpoint e = em.find(WebhookEndpoint.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            return false;
        }
        em.createQuery("delete from WebhookDelivery d where d.endpointId = :id").setParameter("id", id).executeUpdate();
        em.remove(e);
        return true;
    }

    /** The endpoint's most recent deliveries, newest first. */
    @Transactional(TxType.REQUIRED)
    public List<WebhookDelivery> deliveries(String endpointId, int limit) {
        endpoint(endpointId).orElseThrow(() -> new NotFoundException("no webhook with this id"));
        return em.createQuery("select d from WebhookDelivery d where d.endpointId = :id order by d.createdAt desc, d.id",
                        WebhookDelivery.class)
                .setParameter("id", endpointId).setMaxResults(limit).getResultList();
    }

    /** Queues a FAILED delivery again, with a fresh schedule; its endpoint must be active. */
    @Transactional(TxType.REQUIRED)
    public WebhookDelivery retry(String deliveryId) {
        WebhookDelivery d = Optional.ofNullable(em.find(WebhookDelivery.class, deliveryId))
                .orElseThrow(() -> new NotFoundException("no webhook delivery with this id"));
        WebhookEndpoint e = locked(d.endpointId());
        em.refresh(d, LockModeType.PESSIMISTIC_WRITE);
        if (d.status() != WebhookDelivery.Status.FAILED) {
            throw new ConflictException("only a FAILED delivery can be retried; this one is " + d.status());
        }
        if (!e.active()) {
            throw new ConflictException("the webhook is disabled; enable it before retrying its deliveries");
        }
        d.retry(clock.instant());
        return d;
    }

    private WebhookEndpoint locked(String id) {
        return Optional.ofNullable(em.find(WebhookEndpoint.class, id, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new NotFoundException("no webhook with this id"));
    }

    private void parkPending(String endpointId) {
        em.flush(); // the bulk update below bypasses the persistence context
        em.createQuery("update WebhookDelivery d set d.status = :failed, d.lastError = :reason"
                        + " where d.endpointId = :id and d.status = :pending")
                .setParameter("failed", WebhookDelivery.Status.FAILED)
                .setParameter("reason", PARKED_BY_DISABLE)
                .setParameter("id", endpointId)
                .setParameter("pending", WebhookDelivery.Status.PENDING)
                .executeUpdate();
    }
}
