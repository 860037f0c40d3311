package io.tijarat.core.shipment;

import io.tijarat.core.order.OrderStatus;
import io.tijarat.spi.shipping.TrackingStatus;
import java.util.List;

/**
 * Where a courier's reported status takes a shipment, and its order: forward only. Polled tracking and
 * pushed webhooks go through this one rule, so a status reported twice changes nothing the second time and
 * a late or out-of-order one ("in transit" after "delivered") cannot move anything back. Stateless.
 */
final class TrackingProgress {

    private TrackingProgress() {
    }

    /**
     * The shipment's status after {@code reported}: the same when the report is not news, or would go back, or
     * the shipment is not on its way (delivered and returned are final; a booking in doubt is for staff).
     */
    static ShipmentStatus next(ShipmentStatus current, TrackingStatus reported) {
        if (!current.isTracked()) {
            return current;
        }
        return switch (reported) {
            case PICKED_UP, IN_TRANSIT, OUT_FOR_DELIVERY, ATTEMPT_FAILED, RETURNING -> ShipmentStatus.IN_TRANSIT;
            case DELIVERED -> ShipmentStatus.DELIVERED;
            case RETURNED -> ShipmentStatus.RETURNED;
            // Cancelled at the courier (its portal, or our cancel whose answer was lost): only before pickup counts;
            // a parcel already moving that the courier calls cancelled needs staff.
            case CANCELLED -> current == ShipmentStatus.BOOKED ? ShipmentStatus.CANCELLED : current;
            // BOOKED says nothing new; EXCEPTION needs staff; a later SPI's statuses are not understood
            default -> current;
        };
    }

    /** The order states a shipment in {@code status} implies, in order; the order moves to each it can reach. */
    static List<OrderStatus> orderPath(ShipmentStatus status) {
        return switch (status) {
            case IN_TRANSIT -> List.of(OrderStatus.SHIPPED);
            case DELIVERED -> List.of(OrderStatus.SHIPPED, OrderStatus.DELIVERED);
            case RETURNED -> List.of(OrderStatus.SHIPPED, OrderStatus.RETURNED);
            default -> List.of();
        };
    }
}
