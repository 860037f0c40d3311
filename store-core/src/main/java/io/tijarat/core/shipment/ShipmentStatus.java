package io.tijarat.core.shipment;

/** Where a shipment stands. */
public enum ShipmentStatus {
    /** Persisted; the courier has not answered the booking yet. */
    BOOKING,
    BOOKED,
    IN_TRANSIT,
    DELIVERED,
    RETURNED,
    /** The courier refused the booking or could not be asked: the order can be fulfilled again. */
    FAILED,
    /** The booking may or may not exist at the courier: check the courier's portal before booking again. */
    UNKNOWN,
    /** The booking was cancelled at the courier before pickup: the order can be booked again. */
    CANCELLED;

    /** Whether this shipment still carries the order (so another booking would ship it twice). */
    public boolean isActive() {
        return this == BOOKING || this == BOOKED || this == IN_TRANSIT || this == UNKNOWN;
    }

    public boolean isTracked() {
        return this == BOOKED || this == IN_TRANSIT;
    }
}
