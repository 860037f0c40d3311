package io.tijarat.spi.shipping;

import io.tijarat.spi.Capability;
import io.tijarat.spi.ProviderKind;

/**
 * Optional features of a {@link ShippingProvider}. Booking and coverage are always supported; the
 * core calls the rest only when declared.
 */
public enum ShippingCapability implements Capability {
    /** {@link ShippingProvider#quote}: prices from the courier's API or the plugin's tariff table. */
    RATES,
    /** {@link ShippingProvider#label}: the airway bill can be fetched after booking. */
    LABELS,
    /** {@link ShippingProvider#track}. */
    TRACKING,
    /** Bookings may carry a cash-on-delivery amount ({@link ShipmentRequest#codAmount()}). */
    COD,
    /** {@link ShippingProvider#remittances}: the courier reports what it paid the shop for COD parcels. */
    COD_REMITTANCE,
    /** {@link ShippingProvider#cancel}, typically only before pickup. */
    CANCEL,
    /**
     * {@link ShippingProvider#findBooking}: the courier can find a booking by our reference, so a
     * booking that ended {@link BookingOutcome.Unknown} can be settled without staff.
     */
    BOOKING_LOOKUP;

    @Override
    public ProviderKind kind() {
        return ProviderKind.SHIPPING;
    }
}
