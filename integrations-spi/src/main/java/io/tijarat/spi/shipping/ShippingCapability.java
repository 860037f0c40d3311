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
    BOOKING_LOOKUP,
    /**
     * {@link ShippingProvider#verifyTrackingCallback}: the courier pushes tracking events to the shop's
     * webhook ({@code POST /api/webhooks/<provider id>}), signed so the plugin can verify them over the
     * raw bytes. Since SPI 1.1. Independent of {@link #TRACKING}: a courier may offer both (the core then
     * also polls, as a safety net for lost webhooks), or only webhooks.
     */
    TRACKING_WEBHOOKS,
    /**
     * {@link ShippingProvider#remittances(java.time.LocalDate, java.time.LocalDate)}: the courier reports its COD
     * payouts by date, with the amounts per parcel and the deductions for returns. Since SPI 1.3.
     */
    REMITTANCE_REPORTS,
    /**
     * Bookings may ask the courier to collect a parcel from the customer and bring it back to the shop (a return
     * or exchange): {@link ShipmentRequest#reverse()}. Since SPI 1.3.
     */
    REVERSE_PICKUP;

    @Override
    public ProviderKind kind() {
        return ProviderKind.SHIPPING;
    }
}
