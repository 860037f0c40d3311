package io.tijarat.core.shipment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One payout line of a courier, matched (or not) to a parcel we shipped cash on delivery. */
@Entity
@Table(name = "cod_remittance")
public class CodRemittance {

    /** How a payout line compares with what we expected. */
    public enum Verdict {
        MATCHED,
        /** The courier collected or remitted less than the order's COD amount. */
        SHORT,
        /** The parcel came back, yet the courier reports cash collected or charges for it. */
        RETURNED_CHARGED,
        /** A tracking number we did not ship cash on delivery with this courier. */
        UNKNOWN_PARCEL,
        /** The courier's charge for bringing a returned parcel back (a deduction from a payout): expected. */
        RETURN_DEDUCTED,
        /** A return deduction for a parcel that, as far as we know, was not returned. */
        DEDUCTED_UNRETURNED
    }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "provider_id", nullable = false, length = 40)
    private String providerId;

    @Column(name = "tracking_number", nullable = false, length = 100)
    private String trackingNumber;

    @Column(nullable = false, length = 100)
    private String reference;

    @Column(name = "shipment_id", length = 20)
    private String shipmentId;

    @Column(name = "order_id", length = 36)
    private String orderId;

    @Column(name = "expected_minor")
    private Long expectedMinor;

    @Column(name = "collected_minor", nullable = false)
    private long collectedMinor;

    @Column(name = "charges_minor")
    private Long chargesMinor;

    @Column(name = "remitted_minor", nullable = false)
    private long remittedMinor;

    @Column(name = "remitted_on", nullable = false)
    private LocalDate remittedOn;

    @Column(nullable = false, length = 20)
    private String verdict;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CodRemittance() {
        // for JPA
    }

    CodRemittance(String providerId, String trackingNumber, String reference, Shipment shipment, long collected,
                  Long charges, long remitted, LocalDate remittedOn, Verdict verdict, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.providerId = providerId;
        this.trackingNumber = trackingNumber;
        this.reference = reference;
        this.shipmentId = shipment == null ? null : shipment.id();
        this.orderId = shipment == null ? null : shipment.orderId();
        this.expectedMinor = shipment == null ? null : shipment.codAmountMinor();
        this.collectedMinor = collected;
        this.chargesMinor = charges;
        this.remittedMinor = remitted;
        this.remittedOn = remittedOn;
        this.verdict = verdict.name();
        this.createdAt = now;
    }

    public String trackingNumber() { return trackingNumber; }
    public String orderId() { return orderId; }
    public Long expectedMinor() { return expectedMinor; }
    public long collectedMinor() { return collectedMinor; }
    public long remittedMinor() { return remittedMinor; }
    public String verdict() { return verdict; }
    public String shipmentId() { return shipmentId; }
}
