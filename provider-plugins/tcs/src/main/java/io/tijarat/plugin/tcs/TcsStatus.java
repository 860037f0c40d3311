package io.tijarat.plugin.tcs;

import io.tijarat.spi.shipping.ShipmentTracking;
import io.tijarat.spi.shipping.TrackingStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * TCS's delivery codes in the core's terms, as open-source integrations of the tracking API report them:
 * {@code OK} delivered, {@code RD} refused, {@code RR} ready for return, {@code RS} returned to the shipper,
 * {@code OH} on hold, {@code UV} unable to contact the consignee, and {@code SD} (meaning not documented: treated as
 * still moving). A checkpoint without a delivery code is in transit; anything else is
 * {@link TrackingStatus#EXCEPTION}, for staff.
 */
final class TcsStatus {

    static final Map<String, TrackingStatus> CODES = Map.of(
            "OK", TrackingStatus.DELIVERED,
            "RD", TrackingStatus.ATTEMPT_FAILED,   // refused by the consignee; TCS retries or returns it
            "UV", TrackingStatus.ATTEMPT_FAILED,   // unable to contact the consignee
            "RR", TrackingStatus.RETURNING,        // ready for return
            "RS", TrackingStatus.RETURNED,         // returned to the shipper
            "OH", TrackingStatus.EXCEPTION,        // on hold
            "SD", TrackingStatus.IN_TRANSIT);      // seen, not documented

    private TcsStatus() {
    }

    static TrackingStatus of(String code, String words) {
        TrackingStatus known = CODES.get(code == null ? "" : code.strip().toUpperCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        String w = words == null ? "" : words.toLowerCase(Locale.ROOT);
        if (w.contains("deliver") && !w.contains("out for")) {
            return TrackingStatus.DELIVERED;
        }
        if (w.contains("out for delivery")) {
            return TrackingStatus.OUT_FOR_DELIVERY;
        }
        if (w.contains("cancel")) {
            return TrackingStatus.CANCELLED;
        }
        if (w.contains("booked")) {
            return TrackingStatus.BOOKED;
        }
        if (w.contains("arrived") || w.contains("depart") || w.contains("transit") || w.contains("picked")) {
            return TrackingStatus.IN_TRANSIT;
        }
        return TrackingStatus.EXCEPTION;
    }

    private static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss][.SSS]");

    /** When a step happened: TCS writes Pakistan local time; a step without a readable time gets now. */
    static Instant at(Optional<String> text, Clock clock) {
        if (text.isPresent()) {
            try {
                return LocalDateTime.parse(text.get(), LOCAL).atZone(PAKISTAN).toInstant();
            } catch (DateTimeParseException unreadable) {
                // below
            }
        }
        return clock.instant();
    }

    /** A consignment's tracking: its latest step's status, or booked while TCS shows no step. */
    static ShipmentTracking tracking(String trackingNumber, List<ShipmentTracking.Event> events) {
        ShipmentTracking tracking = new ShipmentTracking(trackingNumber, TrackingStatus.BOOKED, events);
        return tracking.latestEvent().map(latest -> new ShipmentTracking(trackingNumber, latest.status(), events))
                .orElse(tracking);
    }
}
