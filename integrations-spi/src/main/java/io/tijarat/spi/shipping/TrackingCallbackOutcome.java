package io.tijarat.spi.shipping;

import io.tijarat.spi.CallbackReply;
import io.tijarat.spi.internal.Checks;

/**
 * What {@link ShippingProvider#verifyTrackingCallback} made of a courier's tracking webhook. Since SPI
 * 1.1.
 *
 * <table>
 *   <caption>What each outcome means and what the core does</caption>
 *   <tr><th>outcome</th><th>means</th><th>core</th></tr>
 *   <tr><td>{@link Verified}</td><td>the request is authentic and says where one parcel stands</td>
 *       <td>drops it if {@code eventKey} was seen before; else stores it and moves the shipment and its
 *       order forward through the same function as polled tracking (never back: a late or replayed
 *       event cannot undo progress); answers with {@code reply}</td></tr>
 *   <tr><td>{@link Rejected}</td><td>forged, tampered, replayed from elsewhere, malformed or not
 *       ours</td><td>answers 401 and counts it; changes nothing</td></tr>
 * </table>
 */
public sealed interface TrackingCallbackOutcome {

    /**
     * An authentic report about one parcel.
     *
     * @param eventKey       the same for every redelivery of one event, and different for different
     *                       events about the same parcel: the courier's event id, or the tracking number,
     *                       status and event time joined; at most 200 characters
     * @param trackingNumber the parcel, as {@link BookingOutcome.Booked#trackingNumber()} gave it; at most
     *                       64 characters, as there
     * @param tracking       where the parcel stands, as {@link ShippingProvider#track} would report it
     *                       (the events the webhook carries; an empty list is allowed); its tracking number
     *                       must equal {@code trackingNumber}
     * @param reply          what to answer the courier with; most want {@link CallbackReply#ok()}
     */
    record Verified(String eventKey, String trackingNumber, ShipmentTracking tracking, CallbackReply reply)
            implements TrackingCallbackOutcome {
        public Verified {
            Checks.notBlank(eventKey, "eventKey", 200);
            Checks.notBlank(trackingNumber, "trackingNumber", 64);
            Checks.notNull(tracking, "tracking");
            if (!tracking.trackingNumber().equals(trackingNumber)) {
                throw new IllegalArgumentException("tracking is about " + tracking.trackingNumber()
                        + ", not " + trackingNumber);
            }
            Checks.notNull(reply, "reply");
        }
    }

    /** @param reason for logs: why, without echoing the request's data */
    record Rejected(String reason) implements TrackingCallbackOutcome {
        public Rejected {
            Checks.notBlank(reason, "reason");
        }
    }
}
