package io.tijarat.core.shipment;

import io.tijarat.core.persistence.RowIds;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A parcel booked with a courier for an order. Its id is the booking key the courier sees. */
@Entity
@Table(name = "shipment")
public class Shipment {

    @Id
    @Column(length = 20)
    private String id;

    @Column(name = "order_id", nullable = false, length = 36)
    private String orderId;

    @Column(name = "provider_id", nullable = false, length = 40)
    private String providerId;

    @Column(name = "service_code", length = 40)
    private String serviceCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ShipmentStatus status;

    @Column(name = "tracking_number", length = 100)
    private String trackingNumber;

    @Column(name = "label_url", length = 500)
    private String labelUrl;

    @Column(name = "courier_reference", length = 100)
    private String courierReference;

    /** The booking's reference at the courier, printed on the slip: the order number, suffixed for a rebooking. */
    @Column(length = 64)
    private String reference;

    /** The courier's last reported status (a {@link io.tijarat.spi.shipping.TrackingStatus} name), for staff. */
    @Column(name = "courier_status", length = 20)
    private String courierStatus;

    /** A reverse pickup: from the customer back to the shop (a return); it never moves the order. */
    @Column(name = "reverse_pickup", nullable = false)
    private boolean reversePickup;

    @Column(name = "cod_amount_minor")
    private Long codAmountMinor;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "last_error", length = 300)
    private String lastError;

    @Column(name = "next_track_at")
    private Instant nextTrackAt;

    @Column(name = "track_checks", nullable = false)
    private int trackChecks;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Shipment() {
        // for JPA
    }

    Shipment(String orderId, String reference, String providerId, String serviceCode, Money codAmount, String currency,
             Instant now) {
        this.id = RowIds.newId();
        this.reference = reference;
        this.orderId = orderId;
        this.providerId = providerId;
        this.serviceCode = serviceCode;
        this.codAmountMinor = codAmount == null ? null : codAmount.minorUnits();
        this.currency = currency;
        this.status = ShipmentStatus.BOOKING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void booked(String trackingNumber, String courierReference, String labelUrl, Instant now) {
        this.status = ShipmentStatus.BOOKED;
        this.trackingNumber = trackingNumber;
        this.courierReference = courierReference;
        this.labelUrl = labelUrl;
        this.lastError = null;
        this.nextTrackAt = now;
        this.updatedAt = now;
    }

    void fail(ShipmentStatus status, String error, Instant now) {
        this.status = status;
        this.lastError = error == null || error.length() <= 300 ? error : error.substring(0, 300);
        this.updatedAt = now;
    }

    /** Moves to {@code next} (see {@link TrackingProgress}); a shipment that is no longer on its way is not polled. */
    void advance(ShipmentStatus next, String reportedStatus, Instant now) {
        if (reportedStatus != null) {
            this.courierStatus = reportedStatus;
        }
        if (next != status) {
            this.status = next;
            this.updatedAt = now;
        }
        if (!status.isTracked()) {
            this.nextTrackAt = null;
        }
    }

    /** The courier was asked (polled); the next look is due at {@code nextTrack} while the parcel is on its way. */
    void checked(Instant nextTrack, Instant now) {
        this.trackChecks++;
        this.nextTrackAt = status.isTracked() ? nextTrack : null;
        this.updatedAt = now;
    }

    /** Marks this shipment a reverse pickup (a return from the customer); set before it is persisted. */
    Shipment reverse() {
        this.reversePickup = true;
        return this;
    }

    /** The courier cancelled the booking: nothing is on its way, the order can be booked again. */
    void cancelled(Instant now) {
        this.status = ShipmentStatus.CANCELLED;
        this.courierStatus = "CANCELLED";
        this.nextTrackAt = null;
        this.lastError = null;
        this.updatedAt = now;
    }

    void note(String error, Instant now) {
        this.lastError = error == null || error.length() <= 300 ? error : error.substring(0, 300);
        this.updatedAt = now;
    }

    void labelUrl(String url) {
        this.labelUrl = url;
    }

    void lease(Instant until) {
        this.nextTrackAt = until;
    }

    public IdempotencyKey key() { return IdempotencyKey.of(id); }
    public String id() { return id; }
    public String orderId() { return orderId; }
    public String providerId() { return providerId; }
    public String serviceCode() { return serviceCode; }
    public ShipmentStatus status() { return status; }
    public String trackingNumber() { return trackingNumber; }
    public String labelUrl() { return labelUrl; }
    public String reference() { return reference; }
    public boolean reversePickup() { return reversePickup; }
    public String courierStatus() { return courierStatus; }
    public Instant updatedAt() { return updatedAt; }
    public Long codAmountMinor() { return codAmountMinor; }
    public String currency() { return currency; }
    public String lastError() { return lastError; }
    public int trackChecks() { return trackChecks; }
}
