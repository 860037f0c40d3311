package io.tijarat.plugin.leopards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.plugin.leopards.stub.LeopardsStub;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.PhoneNumber;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.kit.TestProviderContext;
import io.tijarat.spi.shipping.BookingOutcome;
import io.tijarat.spi.shipping.CancelOutcome;
import io.tijarat.spi.shipping.Parcel;
import io.tijarat.spi.shipping.RateRequest;
import io.tijarat.spi.shipping.ShipmentRequest;
import io.tijarat.spi.shipping.ShippingAddress;
import io.tijarat.spi.shipping.ShippingLabel;
import io.tijarat.spi.shipping.ShippingProvider;
import io.tijarat.spi.shipping.TrackingStatus;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Leopards plugin against the Leopards stub over HTTP: what a shop using Leopards would see. */
class LeopardsProviderTest {

    private final LeopardsStub stub = LeopardsStub.start();

    @AfterEach
    void stop() {
        stub.close();
    }

    private ShippingProvider provider(String password) {
        var context = TestProviderContext.builder(new LeopardsProviderFactory().descriptor())
                .property("base-url", stub.baseUrl().toString())
                .property("api-key", stub.apiKey())
                .property("api-password", password)
                .property("services", "overnight,overland")
                .build();
        return new LeopardsProviderFactory().create(context);
    }

    private ShippingProvider provider() {
        return provider(stub.apiPassword());
    }

    private static ShipmentRequest shipment(String city, Long codRupees, int grams) {
        return ShipmentRequest.builder()
                .bookingKey(IdempotencyKey.of("K" + UUID.randomUUID().toString().replace("-", "").substring(0, 15).toUpperCase()))
                .orderNumber("TJ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase())
                .consignee(new ShippingAddress("Ayesha Khan", PhoneNumber.of("+923001234567"), Optional.empty(),
                        "House 12, Street 4, Gulberg III", city))
                .parcel(Parcel.ofGrams(grams))
                .codAmount(codRupees == null ? null : Money.pkr(codRupees * 100))
                .contents("2 x lawn suit")
                .build();
    }

    @Test
    void givenTheShopsSpellings_whenCoverageIsAsked_thenLeopardsCitiesAreFound() {
        ShippingProvider leopards = provider();

        assertEquals(Optional.of("Karachi"), leopards.coverage("khi").courierCity());
        assertEquals(Optional.of("Rawalpindi"), leopards.coverage("Pindi").courierCity());
        assertEquals(Optional.of("Dera Ghazi Khan"), leopards.coverage("ڈیرہ غازی خان").courierCity());
        assertFalse(leopards.coverage("Rawalpindi").pickup());
        assertFalse(leopards.coverage("Quetta").delivery());
    }

    @Test
    void givenPrepaidAndCodOrders_whenQuotedFromTheTariffApi_thenEachServiceAndOnlyCodPaysCashHandling() {
        ShippingProvider leopards = provider();

        var prepaid = leopards.quote(new RateRequest(Optional.empty(), "Lahore", Parcel.ofGrams(800), Optional.empty()));
        var cod = leopards.quote(new RateRequest(Optional.empty(), "Lahore", Parcel.ofGrams(800),
                Optional.of(Money.pkr(300_000))));

        // overnight, 800 g: Rs 250 + 10 % fuel = 275, × 1.16 GST = 319; overland is 80 % of the shipment charge
        assertEquals("OVERLAND", prepaid.get(0).serviceCode(), "cheapest first");
        assertEquals(Money.pkr(31_900), prepaid.get(1).charge());
        // COD Rs 3,000: + Rs 60 cash handling, and GST on it: 319 + 60 × 1.16 = 388.60
        assertEquals(Money.pkr(38_860), cod.get(1).charge());
        assertTrue(leopards.quote(new RateRequest(Optional.empty(), "Quetta", Parcel.ofGrams(800), Optional.empty())).isEmpty());
    }

    @Test
    void givenACodOrder_whenBooked_thenLeopardsHoldsItInGramsWithTheOrderIdAndWholeRupees() {
        ShipmentRequest request = shipment("Lahore", 2_239L, 1_250);

        var booked = assertInstanceOf(BookingOutcome.Booked.class, provider().book(request));

        LeopardsStub.Packet packet = stub.byTrackNumber(booked.trackingNumber()).orElseThrow();
        assertEquals(request.orderNumber(), packet.orderId);
        assertEquals(2_239, packet.collectAmount);
        assertEquals(1_250, packet.weightGrams);
        var slip = assertInstanceOf(ShippingLabel.Link.class, booked.label().orElseThrow());
        assertTrue(slip.url().toString().endsWith("/booking/slip/" + booked.trackingNumber()));
        assertFalse(packet.body.contains("\"consignment_phone\":\"+92"), "Leopards takes 03xxxxxxxxx: " + packet.body);
    }

    @Test
    void givenABookingWhoseAnswerWasLost_whenLookedUpByItsReference_thenItIsFoundAndNotBookedTwice() {
        ShipmentRequest request = shipment("Lahore", 1_500L, 500);
        stub.loseBookingAnswers(true);

        var lost = provider().book(request);
        var found = provider().findBooking(request);

        assertInstanceOf(BookingOutcome.Unknown.class, lost);
        assertEquals(stub.byOrderId(request.orderNumber()).get(0).trackNumber, found.orElseThrow().trackingNumber());
        assertEquals(1, stub.packetCount());
        assertTrue(provider().findBooking(shipment("Lahore", 1_500L, 500)).isEmpty(), "another reference: none");
    }

    @Test
    void givenWrongCredentialsInAnHttp200_whenBooking_thenAPermanentFailureWithoutThePassword() {
        var failure = assertThrows(PermanentProviderException.class,
                () -> provider("wrong-password").book(shipment("Lahore", 1_000L, 500)));

        assertTrue(failure.getMessage().contains("tijarat.provider.leopards.api-key"), failure.getMessage());
        assertFalse(failure.getMessage().contains("wrong-password"));
    }

    @Test
    void givenAnUnservedCityOrLeopardsDown_whenBooking_thenCertainAndNothingBooked() {
        assertEquals("CITY_NOT_SERVED", assertInstanceOf(BookingOutcome.Rejected.class,
                provider().book(shipment("Quetta", 1_000L, 500))).code());
        stub.down(true);
        assertThrows(TransientProviderException.class, () -> provider().book(shipment("Lahore", 1_000L, 500)));
        assertEquals(0, stub.packetCount());
    }

    @Test
    void givenAPacketOnItsWay_whenTracked_thenLeopardsWordsMapAndTheMisspeltKeysAreRead() {
        ShippingProvider leopards = provider();
        String track = ((BookingOutcome.Booked) leopards.book(shipment("Lahore", 1_000L, 500))).trackingNumber();

        assertEquals(TrackingStatus.BOOKED, leopards.track(track).orElseThrow().status());
        for (String step : LeopardsStub.JOURNEY.subList(1, LeopardsStub.JOURNEY.size())) {
            stub.advance(track, step);
        }
        var delivered = leopards.track(track).orElseThrow();
        assertEquals(TrackingStatus.DELIVERED, delivered.status());
        assertEquals(5, delivered.events().size());
        assertEquals("Delivered", delivered.latestEvent().orElseThrow().description());
        assertTrue(leopards.track("KI0000000000").isEmpty());
    }

    @Test
    void givenPackets_whenCancelledBeforeAndAfterPickup_thenCancelledThenRefusedWithLeopardsReason() {
        ShippingProvider leopards = provider();
        String early = ((BookingOutcome.Booked) leopards.book(shipment("Lahore", 1_000L, 500))).trackingNumber();
        String late = ((BookingOutcome.Booked) leopards.book(shipment("Lahore", 1_000L, 500))).trackingNumber();
        stub.advance(late, "Shipment Picked");

        assertInstanceOf(CancelOutcome.Cancelled.class, leopards.cancel(IdempotencyKey.of("CANCEL0001"), early));
        assertInstanceOf(CancelOutcome.Cancelled.class, leopards.cancel(IdempotencyKey.of("CANCEL0001"), early),
                "cancelling again is still cancelled");
        var refused = assertInstanceOf(CancelOutcome.Rejected.class, leopards.cancel(IdempotencyKey.of("CANCEL0002"), late));
        assertTrue(refused.message().contains("after pickup"), refused.message());
    }

    @Test
    void givenPaidDeliveredAndReturnedPackets_whenPayoutsAreAsked_thenTheCodLessChargesAndAReturnDeduction() {
        ShippingProvider leopards = provider();
        String delivered = ((BookingOutcome.Booked) leopards.book(shipment("Lahore", 2_339L, 800))).trackingNumber();
        String returned = ((BookingOutcome.Booked) leopards.book(shipment("Multan", 1_800L, 800))).trackingNumber();
        String unpaid = ((BookingOutcome.Booked) leopards.book(shipment("Lahore", 1_000L, 800))).trackingNumber();
        stub.bill(delivered, "250", "46.78", "0", "47.48");
        stub.bill(returned, "250", "0", "200", "72.00");
        stub.bill(unpaid, "250", "20", "0", "43.20");
        stub.pay(delivered, "CHQ-88120", java.time.LocalDate.of(2026, 12, 2));
        stub.pay(returned, "CHQ-88120", java.time.LocalDate.of(2026, 12, 2));

        var records = leopards.remittances(java.util.List.of(delivered, returned, unpaid, "KI999"));

        assertEquals(2, records.size(), "the unpaid and the unknown packets have no payout yet: " + records);
        var paid = records.stream().filter(r -> r.trackingNumber().equals(delivered)).findFirst().orElseThrow();
        assertEquals(Money.pkr(233_900), paid.collected());
        assertEquals(Optional.of(Money.pkr(34_426)), paid.charges(), "250 + 46.78 + 47.48");
        assertEquals(Money.pkr(199_474), paid.remitted());
        assertEquals("CHQ-88120", paid.reference());
        assertEquals(java.time.LocalDate.of(2026, 12, 2), paid.remittedOn());
        var deduction = records.stream().filter(r -> r.trackingNumber().equals(returned)).findFirst().orElseThrow();
        assertTrue(deduction.isDeduction());
        assertEquals(Optional.of(Money.pkr(52_200)), deduction.charges(), "250 + 200 return + 72 GST");
    }

    @Test
    void givenMoreThanFiftyPackets_whenPayoutsAreAsked_thenLeopardsIsAskedFiftyAtATime() {
        ShippingProvider leopards = provider();
        String paid = ((BookingOutcome.Booked) leopards.book(shipment("Lahore", 1_000L, 500))).trackingNumber();
        stub.bill(paid, "150", "20", "0", "27.20");
        stub.pay(paid, "CHQ-1", java.time.LocalDate.of(2026, 12, 1));
        java.util.List<String> asked = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            asked.add("KI" + (7_000_000_000L + i));
        }
        asked.add(paid); // the 61st: in the second call; one call of 61 would be refused

        var records = leopards.remittances(asked);

        assertEquals(1, records.size(), records.toString());
        assertEquals(Money.pkr(80_280), records.get(0).remitted(), "1,000 less 197.20");
    }
}
