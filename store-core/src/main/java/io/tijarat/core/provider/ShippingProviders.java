package io.tijarat.core.provider;

import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.shipping.BookingOutcome;
import io.tijarat.spi.shipping.RateQuote;
import io.tijarat.spi.shipping.RemittanceRecord;
import io.tijarat.spi.shipping.ShipmentRequest;
import io.tijarat.spi.shipping.ShipmentTracking;
import io.tijarat.spi.shipping.RateRequest;
import io.tijarat.spi.shipping.TrackingCallbackOutcome;
import java.util.List;
import java.util.Optional;

/** The active shipping providers, each called through its own fault-tolerance guard. */
public interface ShippingProviders {

    List<ProviderDescriptor> activeShipping();

    /**
     * The provider's quotes for {@code request}: empty when it does not serve the city or has no rates.
     *
     * @throws ProviderUnavailableException when the provider could not be asked
     */
    List<RateQuote> quotes(String providerId, RateRequest request) throws ProviderUnavailableException;

    /**
     * Books a shipment. "Maybe booked" (timeout after sending, a plugin bug) ends as
     * {@link BookingOutcome.Unknown}; "certainly not sent" throws {@link ProviderUnavailableException}.
     */
    BookingOutcome book(String providerId, ShipmentRequest request) throws ProviderUnavailableException;

    /** Where a parcel is; empty when the courier does not know the tracking number (yet). */
    Optional<ShipmentTracking> track(String providerId, String trackingNumber) throws ProviderUnavailableException;

    /** The courier's cash-on-delivery payouts for these parcels. */
    List<RemittanceRecord> remittances(String providerId, List<String> trackingNumbers) throws ProviderUnavailableException;

    /** The courier's COD payouts made on these days (both included), with deductions for returned parcels. */
    List<RemittanceRecord> remittances(String providerId, java.time.LocalDate from, java.time.LocalDate to)
            throws ProviderUnavailableException;

    /** The label of a booked parcel. */
    io.tijarat.spi.shipping.ShippingLabel label(String providerId, String trackingNumber) throws ProviderUnavailableException;

    /**
     * Cancels a booking. "Maybe cancelled" ends as {@link io.tijarat.spi.shipping.CancelOutcome.Unknown}; "certainly
     * not sent" throws.
     */
    io.tijarat.spi.shipping.CancelOutcome cancel(String providerId, io.tijarat.spi.IdempotencyKey key,
                                                 String trackingNumber) throws ProviderUnavailableException;

    /** The booking made for {@code request}, by its reference; empty when the courier has none. */
    Optional<BookingOutcome.Booked> findBooking(String providerId, ShipmentRequest request) throws ProviderUnavailableException;

    /**
     * Verifies and reads a courier's tracking webhook from its raw bytes. A plugin that fails to verify it (or
     * fails, or hangs) rejects it: an unverifiable message must never change anything.
     *
     * @throws ProviderUnavailableException when no active shipping provider has this id, or it does not declare
     *                                      {@code TRACKING_WEBHOOKS}
     */
    TrackingCallbackOutcome verifyTrackingCallback(String providerId, CallbackRequest request)
            throws ProviderUnavailableException;
}
