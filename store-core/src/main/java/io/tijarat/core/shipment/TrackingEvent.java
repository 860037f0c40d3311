package io.tijarat.core.shipment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One distinct tracking event a courier pushed (a verified webhook), and what applying it did. Stored once per
 * provider and event key, in the same transaction that applied it.
 */
@Entity
@Table(name = "tracking_event")
public class TrackingEvent {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "provider_id", nullable = false, length = 40)
    private String providerId;

    @Column(name = "event_key", nullable = false, length = 200)
    private String eventKey;

    @Column(name = "tracking_number", nullable = false, length = 64)
    private String trackingNumber;

    @Column(nullable = false, length = 20)
    private String reported;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    @Column(name = "shipment_id", length = 20)
    private String shipmentId;

    @Column(nullable = false, length = 300)
    private String outcome;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected TrackingEvent() {
        // for JPA
    }

    TrackingEvent(String providerId, String eventKey, String trackingNumber, String reported, Instant occurredAt,
                  Instant now) {
        this.id = UUID.randomUUID().toString();
        this.providerId = providerId;
        this.eventKey = eventKey;
        this.trackingNumber = trackingNumber;
        this.reported = reported;
        this.occurredAt = occurredAt;
        this.outcome = "received";
        this.receivedAt = now;
    }

    void applied(String shipmentId, String outcome) {
        this.shipmentId = shipmentId;
        this.outcome = outcome.length() > 300 ? outcome.substring(0, 300) : outcome;
    }

    public String id() { return id; }
    public String providerId() { return providerId; }
    public String eventKey() { return eventKey; }
    public String trackingNumber() { return trackingNumber; }
    public String reported() { return reported; }
    public Instant occurredAt() { return occurredAt; }
    public String shipmentId() { return shipmentId; }
    public String outcome() { return outcome; }
    public Instant receivedAt() { return receivedAt; }
}
