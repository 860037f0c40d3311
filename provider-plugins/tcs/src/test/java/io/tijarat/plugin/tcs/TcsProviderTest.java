package io.tijarat.plugin.tcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.plugin.tcs.stub.TcsStub;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.PhoneNumber;
import io.tijarat.spi.kit.TestProviderContext;
import io.tijarat.spi.shipping.BookingOutcome;
import io.tijarat.spi.shipping.CancelOutcome;
import io.tijarat.spi.shipping.Parcel;
import io.tijarat.spi.shipping.RateRequest;
import io.tijarat.spi.shipping.ShipmentRequest;
import io.tijarat.spi.shipping.ShippingAddress;
import io.tijarat.spi.shipping.ShippingProvider;
import io.tijarat.spi.shipping.TrackingStatus;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The TCS plugin against the TCS stub over HTTP: what a shop using TCS would see. */
class TcsProviderTest {

    private final TcsStub stub = TcsStub.start();

    @AfterEach
    void stop() {
        stub.close();
    }

    private ShippingProvider provider(String clientId, String password) {
        var context = TestProviderContext.builder(new TcsProviderFactory().descriptor())
                .property("base-url", stub.baseUrl().toString())
                .property("tracking-url", stub.trackingUrl().toString())
                .property("client-id", clientId)
                .property("user-name", stub.userName())
                .property("password", password)
                .property("cost-center-code", "CC-01")
                .property("cod-fee-percent", "2")
                .property("fuel-surcharge-percent", "10")
                .property("gst-percent", "16")
                .build();
        return new TcsProviderFactory().create(context);
    }

    private ShippingProvider provider() {
        return provider(stub.clientId(), stub.password());
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
    void givenTheShopsSpellings_whenCoverageIsAsked_thenTcsCitiesAreFound() {
        ShippingProvider tcs = provider();

        assertEquals(Optional.of("KARACHI"), tcs.coverage("Khi").courierCity());
        assertEquals(Optional.of("DERA GHAZI KHAN"), tcs.coverage("D.G. Khan").courierCity());
        assertEquals(Optional.of("LAHORE"), tcs.coverage("لاہور").courierCity());
        assertFalse(tcs.coverage("Quetta").delivery());
    }

    @Test
    void givenPrepaidAndCodOrders_whenQuoted_thenOnlyTheCodOrderPaysTheCashHandlingFee() {
        ShippingProvider tcs = provider();

        long prepaid = tcs.quote(new RateRequest(Optional.empty(), "Lahore", Parcel.ofGrams(800), Optional.empty()))
                .get(0).charge().minorUnits();
        long cod = tcs.quote(new RateRequest(Optional.empty(), "Lahore", Parcel.ofGrams(800),
                Optional.of(Money.pkr(300_000)))).get(0).charge().minorUnits();

        assertEquals(35_728, prepaid, "Rs 280 for up to 1 kg to another city, +10 % fuel = 308, +16 % GST = 357.28");
        assertEquals(42_688, cod, "+ Rs 60 cash handling on Rs 3,000: (308 + 60) × 1.16 = 426.88");
    }

    @Test
    void givenACodOrder_whenBooked_thenTheCnIsReadOutOfTcsSentenceAndTheOrderCarriesKilogramsAndWholeRupees() {
        ShipmentRequest request = shipment("Lahore", 2_239L, 1_250);

        var booked = assertInstanceOf(BookingOutcome.Booked.class, provider().book(request));

        TcsStub.Consignment at = stub.byNumber(booked.trackingNumber()).orElseThrow();
        assertEquals(request.orderNumber(), at.reference);
        assertEquals("2239", at.codAmount);
        assertEquals("1.25", at.weight, "TCS takes kilograms");
        assertTrue(at.body.contains("\"consigneeMobNo\":\"03001234567\""), at.body);
    }

    @Test
    void givenRefusals_whenBooking_thenRejectedForTheCityAndPermanentForCredentials() {
        assertEquals("CITY_NOT_SERVED", assertInstanceOf(BookingOutcome.Rejected.class,
                provider().book(shipment("Quetta", 1_000L, 500))).code());
        var password = assertThrows(PermanentProviderException.class,
                () -> provider(stub.clientId(), "wrong-password").book(shipment("Lahore", 1_000L, 500)));
        var client = assertThrows(PermanentProviderException.class,
                () -> provider("wrong-client", stub.password()).book(shipment("Lahore", 1_000L, 500)));
        assertFalse(password.getMessage().contains("wrong-password"));
        assertTrue(client.getMessage().contains("tijarat.provider.tcs.client-id"));
        assertEquals(0, stub.count());
    }

    @Test
    void givenAConsignmentOnItsWay_whenTracked_thenCheckpointsAreTransitAndTheDeliveryCodeDecides() {
        ShippingProvider tcs = provider();
        String cn = ((BookingOutcome.Booked) tcs.book(shipment("Lahore", 1_000L, 500))).trackingNumber();

        assertEquals(TrackingStatus.BOOKED, tcs.track(cn).orElseThrow().status());
        stub.checkpoint(cn, "Arrived at TCS Facility");
        assertEquals(TrackingStatus.IN_TRANSIT, tcs.track(cn).orElseThrow().status());
        stub.deliver(cn, "UV", "Unable to contact consignee");
        assertEquals(TrackingStatus.ATTEMPT_FAILED, tcs.track(cn).orElseThrow().status());
        stub.deliver(cn, "OK", "Delivered");
        assertEquals(TrackingStatus.DELIVERED, tcs.track(cn).orElseThrow().status());
        assertTrue(tcs.track("779499999999").isEmpty());
    }

    @Test
    void givenConsignments_whenCancelledBeforeAndAfterPickup_thenCancelledThenRefused() {
        ShippingProvider tcs = provider();
        String early = ((BookingOutcome.Booked) tcs.book(shipment("Lahore", 1_000L, 500))).trackingNumber();
        String late = ((BookingOutcome.Booked) tcs.book(shipment("Lahore", 1_000L, 500))).trackingNumber();
        stub.checkpoint(late, "Picked up");

        assertInstanceOf(CancelOutcome.Cancelled.class, tcs.cancel(IdempotencyKey.of("CANCEL0001"), early));
        assertTrue(stub.byNumber(early).orElseThrow().cancelled());
        var refused = assertInstanceOf(CancelOutcome.Rejected.class, tcs.cancel(IdempotencyKey.of("CANCEL0002"), late));
        assertEquals("0405", refused.code());
    }
}
