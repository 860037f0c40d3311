package io.tijarat.plugin.leopards;

import io.tijarat.spi.shipping.TrackingStatus;
import java.util.Locale;
import java.util.Map;

/**
 * Leopards' tracking statuses in the core's terms. Leopards reports a status as words
 * ({@code booked_packet_status}: "Pickup Request not Send", "Arrived at Station", "Assign to Courier", "Delivered",
 * "Being Return", "Returned to shipper", "Cancelled") — read by keyword, as several open-source integrations do
 * (every one of them matches "deliver", "return", "cancel"; see the plugin README) — and, in some answers, as a short
 * code; the short codes come from one integration only, so they are a lead, applied only when the words say nothing.
 * Anything unrecognised is {@link TrackingStatus#EXCEPTION}: staff look, nothing moves.
 */
final class LeopardsStatus {

    /** Short codes seen in tracking details [one source]: DV delivered, RS/RW returned, and so on. */
    static final Map<String, TrackingStatus> CODES = Map.ofEntries(
            Map.entry("RC", TrackingStatus.BOOKED),            // consignment received (booked)
            Map.entry("SP", TrackingStatus.PICKED_UP),         // shipment picked
            Map.entry("DP", TrackingStatus.IN_TRANSIT),        // dispatched
            Map.entry("AR", TrackingStatus.IN_TRANSIT),        // arrived at station
            Map.entry("AC", TrackingStatus.OUT_FOR_DELIVERY),  // assigned to courier
            Map.entry("DV", TrackingStatus.DELIVERED),
            Map.entry("PN1", TrackingStatus.ATTEMPT_FAILED),   // pending after the first attempt
            Map.entry("PN2", TrackingStatus.ATTEMPT_FAILED),   // pending after the second attempt
            Map.entry("RO", TrackingStatus.RETURNING),         // ready for return / return at origin
            Map.entry("RN1", TrackingStatus.RETURNING),        // return in transit
            Map.entry("RN2", TrackingStatus.RETURNING),
            Map.entry("NR", TrackingStatus.EXCEPTION),         // not received
            Map.entry("RW", TrackingStatus.RETURNED),          // returned (warehouse)
            Map.entry("DW", TrackingStatus.IN_TRANSIT),        // at the destination warehouse
            Map.entry("RS", TrackingStatus.RETURNED),          // returned to shipper
            Map.entry("DR", TrackingStatus.ATTEMPT_FAILED));   // delivery refused, to be returned or retried

    private LeopardsStatus() {
    }

    /** The status Leopards' words or code describe. */
    static TrackingStatus of(String reported) {
        if (reported == null || reported.isBlank()) {
            return TrackingStatus.EXCEPTION;
        }
        String s = reported.strip().toLowerCase(Locale.ROOT);
        TrackingStatus code = CODES.get(reported.strip().toUpperCase(Locale.ROOT));
        if (code != null) {
            return code;
        }
        if (s.contains("cancel")) {
            return TrackingStatus.CANCELLED;
        }
        if (s.contains("return")) {
            // "Returned to shipper" is back with the shop; "Being Return", "Return in transit", "Ready for return" not yet
            return s.contains("returned to shipper") || s.contains("returned to origin") || s.equals("returned")
                    ? TrackingStatus.RETURNED : TrackingStatus.RETURNING;
        }
        if (s.contains("undelivered") || s.contains("not delivered") || s.contains("refused") || s.contains("pending")
                || s.contains("attempt")) {
            return TrackingStatus.ATTEMPT_FAILED;
        }
        if (s.contains("deliver") && !s.contains("out for delivery")) {
            return TrackingStatus.DELIVERED;
        }
        if (s.contains("out for delivery") || s.contains("assign to courier") || s.contains("assigned to courier")) {
            return TrackingStatus.OUT_FOR_DELIVERY;
        }
        if (s.contains("pickup request") || s.contains("booked")) {
            return TrackingStatus.BOOKED;
        }
        if (s.contains("picked")) {
            return TrackingStatus.PICKED_UP;
        }
        if (s.contains("arrived") || s.contains("dispatch") || s.contains("transit") || s.contains("missroute")) {
            return TrackingStatus.IN_TRANSIT;
        }
        return TrackingStatus.EXCEPTION;
    }
}
