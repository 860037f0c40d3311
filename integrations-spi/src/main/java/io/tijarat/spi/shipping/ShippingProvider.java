package io.tijarat.spi.shipping;

import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.IdempotencyKey;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Books and tracks parcels with one courier. Created by a {@link ShippingProviderFactory}.
 *
 * <h2>Threading</h2>
 * One instance serves all calls, concurrently: it must be thread-safe. Courier city lists change
 * rarely; cache them in a thread-safe way, with a lifetime, and load them lazily.
 *
 * <h2>Idempotency</h2>
 * The changing calls — {@link #book} and {@link #cancel} — carry an {@link IdempotencyKey}. The core may
 * repeat a call with the same request after a {@link io.tijarat.spi.TransientProviderException}. A booking's
 * {@link ShipmentRequest#orderNumber() reference} is unique per booking (the order number, with a suffix for a
 * second booking of the same order): the plugin sends it as the courier's order reference, which is printed on
 * the slip, and finds a booking by it ({@link #findBooking(ShipmentRequest)}). Where the courier lets a plugin
 * look a booking up, {@code book} does so before it books again, so a repeated request never makes a second
 * consignment. Everything else is a read, safe to repeat.
 *
 * <h2>Timeouts and failures</h2>
 * As for every provider: the descriptor's budget per call; no answer is a
 * {@link io.tijarat.spi.ProviderException}, an answer is an outcome; a read that gets no usable answer
 * throws {@link io.tijarat.spi.TransientProviderException}. Couriers answer errors with HTTP 200 and
 * a status field in the body (PostEx {@code statusCode:"404"}, Leopards {@code status:0}): read the
 * body, not only the HTTP status. Optional operations are called only when the matching
 * {@link ShippingCapability} is declared; their defaults throw {@link UnsupportedOperationException}.
 *
 * <p>A failure that happens <em>before</em> the booking request leaves the plugin (the courier's city list
 * could not be read, the city is unknown, the credentials were refused by a login call) is certain: throw
 * {@link io.tijarat.spi.TransientProviderException} or answer {@link BookingOutcome.Rejected}, never
 * {@link BookingOutcome.Unknown}. Unknown is only for a request that may have reached the courier.
 *
 * <h2>Money</h2>
 * Couriers collect whole rupees. The core sends COD amounts in whole rupees ({@link ShipmentRequest} and
 * {@link RateRequest} refuse anything else) and has shown the customer exactly that figure.
 */
public interface ShippingProvider {

    /** Whether the courier serves a city, and under which name. A read. */
    CityCoverage coverage(String city);

    /**
     * Books a shipment. Before a {@code Booked} answer the courier may list it as "unbooked" until
     * pickup (PostEx); that still counts as booked here, once there is a tracking number.
     */
    BookingOutcome book(ShipmentRequest request);

    /**
     * The services and prices for a parcel, cheapest first; empty if the courier cannot carry it. A
     * read. Requires {@link ShippingCapability#RATES}; a courier without a rates API (TCS) quotes
     * from a tariff table the plugin owns and configures.
     */
    default List<RateQuote> quote(RateRequest request) {
        throw new UnsupportedOperationException("quote needs ShippingCapability.RATES");
    }

    /**
     * Finds a booking by the key it was booked with, to settle a {@link BookingOutcome.Unknown}; empty
     * if the courier has none. A read. Requires {@link ShippingCapability#BOOKING_LOOKUP}.
     */
    default Optional<BookingOutcome.Booked> findBooking(IdempotencyKey bookingKey) {
        throw new UnsupportedOperationException("findBooking needs ShippingCapability.BOOKING_LOOKUP");
    }

    /**
     * Finds the booking made for this request, by its {@link ShipmentRequest#orderNumber() reference} (or its key,
     * where the courier keeps one); empty if the courier has none. The core calls this to settle a
     * {@link BookingOutcome.Unknown} before anyone is asked. A read. Requires
     * {@link ShippingCapability#BOOKING_LOOKUP}. Since SPI 1.3; the default asks {@link #findBooking(IdempotencyKey)},
     * so a 1.2 plugin keeps working.
     */
    default Optional<BookingOutcome.Booked> findBooking(ShipmentRequest request) {
        return findBooking(request.bookingKey());
    }

    /** Fetches the label of a booked shipment. A read. Requires {@link ShippingCapability#LABELS}. */
    default ShippingLabel label(String trackingNumber) {
        throw new UnsupportedOperationException("label needs ShippingCapability.LABELS");
    }

    /**
     * The shipment's status and history; empty if the courier does not know the tracking number. A
     * read, polled by the core until the status {@link TrackingStatus#isFinal() is final}. Requires
     * {@link ShippingCapability#TRACKING}.
     */
    default Optional<ShipmentTracking> track(String trackingNumber) {
        throw new UnsupportedOperationException("track needs ShippingCapability.TRACKING");
    }

    /**
     * Verifies and reads a tracking event the courier pushed to the shop's webhook. Requires
     * {@link ShippingCapability#TRACKING_WEBHOOKS}. Since SPI 1.1.
     *
     * <p>Verify before trusting anything: the courier's signature over the raw bytes
     * ({@link CallbackRequest#body()}, never a re-serialised form), with the secret the operator
     * configured (a {@link io.tijarat.spi.ConfigProperty#secret secret property}), compared in constant
     * time ({@link java.security.MessageDigest#isEqual}); and the timestamp, where the courier signs one,
     * against {@link io.tijarat.spi.ProviderContext#clock()}, to refuse replays. A request that fails —
     * or that cannot be read, or names no parcel — is {@link TrackingCallbackOutcome.Rejected}, not an
     * exception. A courier that cannot sign its webhooks does not declare the capability: the core then
     * polls {@link #track} instead.
     *
     * <p>The core may deliver the same request more than once, concurrently, and events may arrive out of
     * order; the {@code eventKey} and the core's forward-only shipment state deal with that, so the plugin
     * keeps no state. Do not call the courier from here: the webhook must be answered quickly (the core
     * runs this under a short timeout), and never fetch a URL the request names.
     */
    default TrackingCallbackOutcome verifyTrackingCallback(CallbackRequest request) {
        throw new UnsupportedOperationException("verifyTrackingCallback needs ShippingCapability.TRACKING_WEBHOOKS");
    }

    /**
     * Cancels a booking, typically possible only before pickup. Cancelling one that is already
     * cancelled is {@link CancelOutcome.Cancelled}. Requires {@link ShippingCapability#CANCEL}.
     *
     * @param key            this cancellation's idempotency key
     * @param trackingNumber the booking to cancel
     */
    default CancelOutcome cancel(IdempotencyKey key, String trackingNumber) {
        throw new UnsupportedOperationException("cancel needs ShippingCapability.CANCEL");
    }

    /**
     * What the courier has paid the shop for these delivered (or returned) COD parcels: zero or more records per
     * parcel, one per payment. A read; the plugin splits the list into the courier's batch size (Leopards takes 50 per
     * call). The core asks again about a parcel until its records' payments and charges add up to what was collected
     * (or a deduction settles it), and records each (parcel, reference) once: report an instalment when it is paid.
     * Requires {@link ShippingCapability#COD_REMITTANCE}.
     */
    default List<RemittanceRecord> remittances(List<String> trackingNumbers) {
        throw new UnsupportedOperationException("remittances needs ShippingCapability.COD_REMITTANCE");
    }

    /**
     * The courier's COD payouts made on the days {@code from} to {@code to} (both included, Pakistan dates): one
     * record per parcel and payout, with what was collected, what the courier kept and what it paid, and
     * deductions for returned parcels ({@link RemittanceRecord#deduction}). A read; the core asks for a few days at a
     * time and again for days it may have missed, so the same payout may be reported more than once. Requires
     * {@link ShippingCapability#REMITTANCE_REPORTS}. Since SPI 1.3.
     */
    default List<RemittanceRecord> remittances(LocalDate from, LocalDate to) {
        throw new UnsupportedOperationException("remittances by date needs ShippingCapability.REMITTANCE_REPORTS");
    }
}
