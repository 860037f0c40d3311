package io.tijarat.spi.shipping;

import io.tijarat.spi.internal.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A shipment's current status and history, as {@link ShippingProvider#track} reports it.
 *
 * @param trackingNumber the consignment number
 * @param status         the current status; usually the latest event's, but a courier's own summary
 *                       wins when it has one
 * @param events         what happened, oldest first (sorted here, whatever order the courier used)
 */
public record ShipmentTracking(String trackingNumber, TrackingStatus status, List<Event> events) {

    public ShipmentTracking {
        Checks.notBlank(trackingNumber, "trackingNumber");
        Checks.notNull(status, "status");
        List<Event> sorted = new ArrayList<>(Checks.noNullElements(events, "events"));
        sorted.sort(Comparator.comparing(Event::at));
        events = List.copyOf(sorted);
    }

    /** The most recent event, if any. */
    public Optional<Event> latestEvent() {
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
    }

    /**
     * One step in a shipment's history.
     *
     * @param at          when it happened (couriers report Pakistan local time: convert with
     *                    {@code Asia/Karachi})
     * @param status      the step in the core's terms
     * @param description the courier's wording, for staff and customers, e.g. "Delivered"; no receiver
     *                    names or phone numbers
     * @param location    the station or city, if given
     */
    public record Event(Instant at, TrackingStatus status, String description, Optional<String> location) {
        public Event {
            Checks.notNull(at, "at");
            Checks.notNull(status, "status");
            Checks.notBlank(description, "description");
            Checks.optional(location, "location");
        }
    }
}
