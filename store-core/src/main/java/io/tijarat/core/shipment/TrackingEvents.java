package io.tijarat.core.shipment;

import io.tijarat.spi.shipping.TrackingCallbackOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Tracking events couriers push (verified webhooks): each is stored once per provider and event key and applied
 * in the same transaction, through {@link ShipmentLedger#pushed} — the forward-only function polling uses too. A
 * redelivery, concurrent or not, is recognised by the unique key and changes nothing. Applying is a local update,
 * so it happens while the courier waits; if it fails, nothing is stored and the courier's retry tries again.
 */
@ApplicationScoped
public class TrackingEvents {

    private static final Logger LOG = Logger.getLogger(TrackingEvents.class.getName());

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ShipmentLedger ledger;

    @Inject
    TrackingEvents self;

    /** What became of a pushed event. */
    public enum Receipt {
        /** Stored and applied to its shipment (which may not have changed: the news was old). */
        APPLIED,
        /** Stored; no shipment of this courier has the tracking number, so nothing changed. */
        UNMATCHED,
        /** Seen before (a redelivery): ignored. */
        DUPLICATE
    }

    /** Stores and applies a verified event unless the courier sent it before. */
    public Receipt receive(String providerId, TrackingCallbackOutcome.Verified verified) {
        try {
            return self.store(providerId, verified);
        } catch (RuntimeException e) {
            if (io.tijarat.core.persistence.UniqueKeys.violated(e)) {
                return Receipt.DUPLICATE; // the same event, delivered concurrently: the other delivery stored it
            }
            throw e;
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Receipt store(String providerId, TrackingCallbackOutcome.Verified verified) {
        boolean seen = !em.createQuery("select e.id from TrackingEvent e where e.providerId = :p and e.eventKey = :k")
                .setParameter("p", providerId).setParameter("k", verified.eventKey()).getResultList().isEmpty();
        if (seen) {
            return Receipt.DUPLICATE;
        }
        var tracking = verified.tracking();
        var event = new TrackingEvent(providerId, verified.eventKey(), verified.trackingNumber(),
                tracking.status().name(), tracking.latestEvent().map(e -> e.at()).orElse(null), clock.instant());
        em.persist(event);
        em.flush(); // a concurrent duplicate waits here on the unique key and fails once this one commits
        var progress = ledger.pushed(providerId, verified.trackingNumber(), tracking.status());
        if (progress.isEmpty()) {
            event.applied(null, "no shipment of " + providerId + " has this tracking number");
            LOG.info(() -> "Tracking event " + event.id() + " from " + providerId + " names no shipment of ours");
            return Receipt.UNMATCHED;
        }
        event.applied(progress.get().shipmentId(), tracking.status() + ": " + progress.get().summary());
        return Receipt.APPLIED;
    }
}
