package io.tijarat.spi.shipping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.spi.CallbackReply;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.PhoneNumber;
import io.tijarat.spi.ProviderKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShippingValuesTest {

    private static final ShippingAddress CONSIGNEE = new ShippingAddress("Bilal Ahmed",
            PhoneNumber.of("+923331234567"), Optional.empty(), "House 12, Street 4, G-9/1", "Islamabad");

    private static ShipmentTracking.Event event(String at, TrackingStatus status) {
        return new ShipmentTracking.Event(Instant.parse(at), status, status.name(), Optional.empty());
    }

    @Test
    void givenEventsInTheCouriersOrder_whenTracked_thenTheyAreOldestFirst() {
        ShipmentTracking tracking = new ShipmentTracking("KI123", TrackingStatus.DELIVERED, List.of(
                event("2026-03-03T10:00:00Z", TrackingStatus.DELIVERED),
                event("2026-03-01T10:00:00Z", TrackingStatus.PICKED_UP),
                event("2026-03-02T10:00:00Z", TrackingStatus.IN_TRANSIT)));

        assertEquals(List.of(TrackingStatus.PICKED_UP, TrackingStatus.IN_TRANSIT, TrackingStatus.DELIVERED),
                tracking.events().stream().map(ShipmentTracking.Event::status).toList());
        assertEquals(TrackingStatus.DELIVERED, tracking.latestEvent().orElseThrow().status());
    }

    @Test
    void givenTrackingStatuses_thenOnlyDeliveredReturnedAndCancelledStopPolling() {
        assertEquals(EnumSet.of(TrackingStatus.DELIVERED, TrackingStatus.RETURNED, TrackingStatus.CANCELLED),
                EnumSet.copyOf(List.of(TrackingStatus.values()).stream().filter(TrackingStatus::isFinal).toList()));
    }

    @Test
    void givenARemittance_whenItsAmountsDisagree_thenRejected() {
        LocalDate day = LocalDate.of(2026, 3, 10);

        RemittanceRecord ok = new RemittanceRecord("KI123", Money.pkr(250000), Optional.of(Money.pkr(25000)),
                Money.pkr(225000), day, "CPR-991");
        assertEquals(Money.pkr(225000), ok.remitted());

        assertThrows(IllegalArgumentException.class, () -> new RemittanceRecord("KI123", Money.pkr(250000),
                Optional.empty(), Money.pkr(250001), day, "CPR-991"));
        assertThrows(IllegalArgumentException.class, () -> new RemittanceRecord("KI123", Money.pkr(250000),
                Optional.empty(), Money.of(100, "USD"), day, "CPR-991"));
        assertThrows(IllegalArgumentException.class, () -> new RemittanceRecord("KI123", Money.pkr(250000),
                Optional.of(Money.pkr(-1)), Money.pkr(100), day, "CPR-991"));
    }

    @Test
    void givenAZeroCodAmount_whenBooked_thenRejectedBecausePrepaidMeansNoAmount() {
        ShipmentRequest.Builder booking = ShipmentRequest.builder().bookingKey(IdempotencyKey.of("B7K2M9Q4X1B8"))
                .orderNumber("1042").consignee(CONSIGNEE).parcel(Parcel.ofGrams(800)).contents("2 x shirt");

        assertEquals(Optional.empty(), booking.build().codAmount());
        assertThrows(IllegalArgumentException.class, () -> booking.codAmount(Money.pkr(0)).build());
        assertEquals(Optional.of(Money.pkr(250000)), booking.codAmount(Money.pkr(250000)).build().codAmount());
    }

    @Test
    void givenAParcelWithoutWeight_whenCreated_thenRejected() {
        assertThrows(IllegalArgumentException.class, () -> Parcel.ofGrams(0));
        assertThrows(IllegalArgumentException.class, () -> new Parcel(500, 0, Optional.empty()));
    }

    @Test
    void givenACoveredCityWithoutTheCouriersName_whenCreated_thenRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new CityCoverage("Lahore", Optional.empty(), true, true, true));
        assertFalse(CityCoverage.notCovered("Skardu").delivery());
    }

    @Test
    void givenALabelDocument_whenItsBytesAreChangedOutside_thenTheLabelIsUnchanged() {
        byte[] pdf = {37, 80, 68, 70};
        ShippingLabel.Document label = new ShippingLabel.Document("application/pdf", pdf);

        pdf[0] = 0;
        label.content()[1] = 0;

        assertArrayEquals(new byte[] {37, 80, 68, 70}, label.content());
        assertEquals(new ShippingLabel.Document("application/pdf", new byte[] {37, 80, 68, 70}), label);
    }

    @Test
    void givenAVerifiedTrackingCallback_whenCreated_thenItsTrackingIsAboutTheSameParcel() {
        ShipmentTracking delivered = new ShipmentTracking("KI123", TrackingStatus.DELIVERED,
                List.of(event("2026-03-03T10:00:00Z", TrackingStatus.DELIVERED)));

        var verified = new TrackingCallbackOutcome.Verified("KI123/DELIVERED/1772532000", "KI123", delivered,
                CallbackReply.ok());

        assertEquals(TrackingStatus.DELIVERED, verified.tracking().status());
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> new TrackingCallbackOutcome.Verified("evt-1", "KI999", delivered, CallbackReply.ok()));
        assertTrue(other.getMessage().contains("KI999"), other.getMessage());
    }

    @Test
    void givenAVerifiedTrackingCallbackWithoutAnEventKeyOrReply_whenCreated_thenRejectedNamingTheField() {
        ShipmentTracking tracking = new ShipmentTracking("KI123", TrackingStatus.IN_TRANSIT, List.of());

        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> new TrackingCallbackOutcome.Verified(" ", "KI123", tracking, CallbackReply.ok()));
        assertTrue(blank.getMessage().contains("eventKey"), blank.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new TrackingCallbackOutcome.Verified("e".repeat(201), "KI123", tracking, CallbackReply.ok()));
        assertThrows(NullPointerException.class,
                () -> new TrackingCallbackOutcome.Verified("evt-1", "KI123", tracking, null));
        assertThrows(NullPointerException.class,
                () -> new TrackingCallbackOutcome.Verified("evt-1", "KI123", null, CallbackReply.ok()));
        assertThrows(IllegalArgumentException.class, () -> new TrackingCallbackOutcome.Rejected(""));
    }

    @Test
    void givenACourierWithoutTrackingWebhooks_whenACallbackIsVerified_thenUnsupported() {
        ShippingProvider pollOnly = new ShippingProvider() {
            @Override
            public CityCoverage coverage(String city) {
                return CityCoverage.notCovered(city);
            }

            @Override
            public BookingOutcome book(ShipmentRequest request) {
                return new BookingOutcome.Unknown("not used");
            }
        };

        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> pollOnly.verifyTrackingCallback(null));
        assertTrue(e.getMessage().contains("TRACKING_WEBHOOKS"), e.getMessage());
        assertEquals(ProviderKind.SHIPPING, ShippingCapability.TRACKING_WEBHOOKS.kind());
    }

    @Test
    void givenAnAddress_whenPrinted_thenNameStreetAndPhoneAreHidden() {
        String printed = CONSIGNEE.toString();

        assertFalse(printed.contains("Bilal") || printed.contains("House 12") || printed.contains("1234567"), printed);
        assertTrue(printed.contains("Islamabad"));
    }
}
