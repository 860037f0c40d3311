package io.tijarat.plugin.postex;

import io.tijarat.spi.shipping.TrackingStatus;
import java.util.Map;

/**
 * PostEx's tracking codes in the core's terms. Two tables, because PostEx answers with both:
 * {@code transactionStatusMessageCode} in a tracking history ({@code 0001}…) and the numeric order status id
 * ({@code 1}…{@code 18}) some answers carry. Both from the PostEx COD API Integration Guide v4.1.9 (track-order and
 * the order status list). A code not in the guide is {@link TrackingStatus#EXCEPTION}: staff look, nothing moves.
 */
final class PostExStatus {

    /** History codes ({@code transactionStatusMessageCode}). */
    static final Map<String, TrackingStatus> HISTORY = Map.ofEntries(
            Map.entry("0001", TrackingStatus.BOOKED),            // at merchant's warehouse: not yet picked up
            Map.entry("0002", TrackingStatus.RETURNED),          // returned
            Map.entry("0003", TrackingStatus.PICKED_UP),         // at PostEx warehouse
            Map.entry("0004", TrackingStatus.IN_TRANSIT),        // package en route
            Map.entry("0005", TrackingStatus.DELIVERED),         // delivered
            Map.entry("0006", TrackingStatus.RETURNED),          // returned
            Map.entry("0007", TrackingStatus.RETURNED),          // returned
            Map.entry("0008", TrackingStatus.EXCEPTION),         // under review
            Map.entry("0013", TrackingStatus.ATTEMPT_FAILED));   // delivery attempted

    /** Order status ids. */
    static final Map<String, TrackingStatus> ORDER = Map.ofEntries(
            Map.entry("1", TrackingStatus.BOOKED),               // Unbooked: created, waiting for pickup booking
            Map.entry("2", TrackingStatus.BOOKED),               // Booked
            Map.entry("3", TrackingStatus.PICKED_UP),            // PostEx warehouse
            Map.entry("4", TrackingStatus.OUT_FOR_DELIVERY),     // Out for delivery
            Map.entry("5", TrackingStatus.DELIVERED),            // Delivered
            Map.entry("6", TrackingStatus.RETURNED),             // Returned
            Map.entry("7", TrackingStatus.EXCEPTION),            // Un-assigned
            Map.entry("8", TrackingStatus.CANCELLED),            // Expired: never picked up
            Map.entry("9", TrackingStatus.EXCEPTION),            // Under review
            Map.entry("15", TrackingStatus.PICKED_UP),           // Picked
            Map.entry("16", TrackingStatus.RETURNING),           // Out for return
            Map.entry("17", TrackingStatus.ATTEMPT_FAILED),      // Attempted
            Map.entry("18", TrackingStatus.IN_TRANSIT));         // En route to warehouse

    private PostExStatus() {
    }

    /** A history code, tolerant of a number without its leading zeros ({@code 5} for {@code 0005}). */
    static TrackingStatus ofHistoryCode(String code) {
        String c = code == null ? "" : code.strip();
        if (c.matches("\\d{1,4}")) {
            c = "0".repeat(4 - c.length()) + c;
        }
        return HISTORY.getOrDefault(c, TrackingStatus.EXCEPTION);
    }

    /** An order status id, as a number or a string. */
    static TrackingStatus ofOrderStatus(String id) {
        String c = id == null ? "" : id.strip().replaceFirst("^0+(?=\\d)", "");
        return ORDER.getOrDefault(c, TrackingStatus.EXCEPTION);
    }
}
