package io.tijarat.core.shipment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.order.OrderStatus;
import io.tijarat.spi.shipping.TrackingStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The one rule polled and pushed tracking share: forward only, so repeats and late reports change nothing. */
class TrackingProgressTest {

    @ParameterizedTest(name = "{0} + reported {1} -> {2}")
    @CsvSource({
            "BOOKED, BOOKED, BOOKED",
            "BOOKED, PICKED_UP, IN_TRANSIT",
            "BOOKED, OUT_FOR_DELIVERY, IN_TRANSIT",
            "BOOKED, DELIVERED, DELIVERED",
            "IN_TRANSIT, IN_TRANSIT, IN_TRANSIT",
            "IN_TRANSIT, BOOKED, IN_TRANSIT",
            "IN_TRANSIT, RETURNING, IN_TRANSIT",
            "IN_TRANSIT, DELIVERED, DELIVERED",
            "IN_TRANSIT, RETURNED, RETURNED",
            "IN_TRANSIT, EXCEPTION, IN_TRANSIT",
            "IN_TRANSIT, CANCELLED, IN_TRANSIT",
            "IN_TRANSIT, ATTEMPT_FAILED, IN_TRANSIT",
            "BOOKED, ATTEMPT_FAILED, IN_TRANSIT",
            "BOOKED, CANCELLED, CANCELLED"})
    void givenAShipmentOnItsWay_whenACourierStatusIsReported_thenItMovesOnlyForward(
            ShipmentStatus current, TrackingStatus reported, ShipmentStatus expected) {
        assertEquals(expected, TrackingProgress.next(current, reported));
    }

    @ParameterizedTest
    @EnumSource(value = ShipmentStatus.class, names = {"DELIVERED", "RETURNED", "BOOKING", "FAILED", "UNKNOWN",
            "CANCELLED"})
    void givenAShipmentNotOnItsWay_whenAnyStatusIsReported_thenItStaysWhereItIs(ShipmentStatus current) {
        for (TrackingStatus reported : TrackingStatus.values()) {
            assertEquals(current, TrackingProgress.next(current, reported), "reported " + reported);
        }
    }

    @Test
    void givenADeliveredParcel_whenAnOlderInTransitEventArrivesLate_thenNothingMovesBack() {
        ShipmentStatus delivered = TrackingProgress.next(ShipmentStatus.IN_TRANSIT, TrackingStatus.DELIVERED);

        ShipmentStatus afterLateEvent = TrackingProgress.next(delivered, TrackingStatus.IN_TRANSIT);

        assertEquals(ShipmentStatus.DELIVERED, afterLateEvent);
    }

    @Test
    void givenEveryOrderOfReports_whenApplied_thenTheEndIsTheSameAsInTheCouriersOrder() {
        List<TrackingStatus> journey = List.of(TrackingStatus.PICKED_UP, TrackingStatus.IN_TRANSIT,
                TrackingStatus.OUT_FOR_DELIVERY, TrackingStatus.DELIVERED);
        for (int i = 0; i < journey.size(); i++) {
            for (int j = 0; j < journey.size(); j++) {
                ShipmentStatus status = ShipmentStatus.BOOKED;
                List<TrackingStatus> shuffled = new java.util.ArrayList<>(journey);
                java.util.Collections.swap(shuffled, i, j);
                for (TrackingStatus reported : shuffled) {
                    status = TrackingProgress.next(status, reported);
                }
                assertEquals(ShipmentStatus.DELIVERED, status, "reports in the order " + shuffled);
            }
        }
    }

    @Test
    void givenEachShipmentStatus_whenItsOrderPathIsRead_thenEveryStepIsAForwardMoveOfTheOrderMachine() {
        assertEquals(List.of(OrderStatus.SHIPPED), TrackingProgress.orderPath(ShipmentStatus.IN_TRANSIT));
        assertEquals(List.of(OrderStatus.SHIPPED, OrderStatus.DELIVERED), TrackingProgress.orderPath(ShipmentStatus.DELIVERED));
        assertEquals(List.of(OrderStatus.SHIPPED, OrderStatus.RETURNED), TrackingProgress.orderPath(ShipmentStatus.RETURNED));
        Set<ShipmentStatus> none = EnumSet.of(ShipmentStatus.BOOKING, ShipmentStatus.BOOKED, ShipmentStatus.FAILED,
                ShipmentStatus.UNKNOWN);
        none.forEach(s -> assertEquals(List.of(), TrackingProgress.orderPath(s), s.name()));
        assertTrue(OrderStatus.FULFILLING.canMoveTo(OrderStatus.SHIPPED));
        assertTrue(OrderStatus.SHIPPED.canMoveTo(OrderStatus.DELIVERED) && OrderStatus.SHIPPED.canMoveTo(OrderStatus.RETURNED));
    }
}
