package io.tijarat.spi.shipping;

/**
 * Where a shipment stands, in the core's terms. Each courier has its own codes (Leopards {@code DV},
 * TCS {@code OK}, PostEx {@code 0005} all mean delivered); the plugin maps them, and puts the
 * courier's wording in {@link ShipmentTracking.Event#description()}.
 *
 * <p>A later minor version may add constants; the core handles them, plugins only report them.
 */
public enum TrackingStatus {
    /** Booked, not yet handed to the courier. */
    BOOKED,
    /** The courier has it. */
    PICKED_UP,
    /** Moving between the courier's stations. */
    IN_TRANSIT,
    /** With a rider, on the way to the customer. */
    OUT_FOR_DELIVERY,
    /**
     * The rider tried and could not deliver (customer away, refused for now, address not found); the courier
     * tries again or returns it. Since SPI 1.3; a 1.2 plugin reports {@link #EXCEPTION}.
     */
    ATTEMPT_FAILED,
    /** Delivered to the customer; cash on delivery, if any, was collected. */
    DELIVERED,
    /** Refused, or undeliverable, and on its way back to the shop. */
    RETURNING,
    /** Back with the shop. */
    RETURNED,
    /** The booking was cancelled before pickup. */
    CANCELLED,
    /** Needs attention: held, failed attempt, customer unreachable, under review. */
    EXCEPTION;

    /** Whether nothing more will happen, so tracking can stop. */
    public boolean isFinal() {
        return this == DELIVERED || this == RETURNED || this == CANCELLED;
    }
}
