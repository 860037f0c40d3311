package io.tijarat.plugin.tcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.plugin.tcs.stub.TcsEcomStub;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.PhoneNumber;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.kit.TestClock;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TCS through its ECOM API, against the ECOM stub over HTTP: what a shop with an Envio account would see. */
class TcsEcomProviderTest {

    private final TcsEcomStub stub = TcsEcomStub.start();

    @AfterEach
    void stop() {
        stub.close();
    }

    private ShippingProvider provider(Map<String, String> overrides) {
        var context = TestProviderContext.builder(new TcsEcomProviderFactory().descriptor())
                .clock(TestClock.at(Instant.now()));
        TcsEcomStub.settings(stub).forEach(context::property);
        overrides.forEach(context::property);
        context.property("cod-fee-percent", "2");
        return new TcsEcomProviderFactory().create(context.build());
    }

    private ShippingProvider provider() {
        return provider(Map.of());
    }

    private static ShipmentRequest shipment(String name, String city, Long codRupees) {
        return ShipmentRequest.builder()
                .bookingKey(IdempotencyKey.of("K" + UUID.randomUUID().toString().replace("-", "").substring(0, 15).toUpperCase()))
                .orderNumber("TJ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase())
                .consignee(new ShippingAddress(name, PhoneNumber.of("+923001234567"), Optional.empty(),
                        "House 12, Street 4, Gulberg III", city))
                .parcel(Parcel.ofGrams(800))
                .codAmount(codRupees == null ? null : Money.pkr(codRupees * 100))
                .contents("2 x lawn suit")
                .build();
    }

    @Test
    void givenACodOrder_whenBooked_thenTcsHoldsItByCityCodeWithTheOrderNumberAndWholeRupees() {
        ShipmentRequest request = shipment("Ayesha Khan", "Lhr", 2_339L);

        var booked = assertInstanceOf(BookingOutcome.Booked.class, provider().book(request));

        TcsEcomStub.Consignment at = stub.byNumber(booked.trackingNumber()).orElseThrow();
        assertEquals(request.orderNumber(), at.reference);
        assertEquals(2_339, at.codAmount);
        assertEquals("LHE", at.cityCode, "Lhr is Lahore, LHE in TCS's list");
        assertEquals("0.8", at.weightKg, "800 g in kilograms");
        assertTrue(at.body.contains("\"tcsaccount\":\"T-404001\""), at.body);
        assertTrue(at.body.contains("\"costcentercode\":\"CC-01\""), at.body);
    }

    @Test
    void givenAShortNameAPrepaidOrderAndAForeignPhone_whenBooked_thenTheNameIsPaddedNothingIsCollectedAndTheForeignOneIsRefused() {
        var prepaid = assertInstanceOf(BookingOutcome.Booked.class, provider().book(shipment("Al", "Karachi", null)));
        var foreign = ShipmentRequest.builder().bookingKey(IdempotencyKey.of("KFOREIGN0001")).orderNumber("TJ-FOREIGN")
                .consignee(new ShippingAddress("Alex Smith", PhoneNumber.of("+447700900123"), Optional.empty(),
                        "House 1", "Lahore")).parcel(Parcel.ofGrams(100)).contents("x").build();

        TcsEcomStub.Consignment at = stub.byNumber(prepaid.trackingNumber()).orElseThrow();
        assertEquals(0, at.codAmount);
        assertTrue(at.body.contains("\"firstname\":\"Al.\""), "TCS wants 3 to 50 characters: " + at.body);
        assertEquals("PHONE", assertInstanceOf(BookingOutcome.Rejected.class, provider().book(foreign)).code());
        assertEquals("CITY_NOT_SERVED", assertInstanceOf(BookingOutcome.Rejected.class,
                provider().book(shipment("Ayesha Khan", "Quetta", 1_000L))).code());
        assertEquals(1, stub.count());
    }

    @Test
    void givenManyCalls_whenTheAccessTokenExpires_thenOneNewTokenIsBoughtAndTheCallSucceeds() {
        ShippingProvider tcs = provider();
        tcs.book(shipment("Ayesha Khan", "Lahore", 1_000L));
        tcs.book(shipment("Bilal Ahmed", "Multan", 1_000L));
        assertEquals(1, stub.tokensIssued(), "one access token serves until it expires");

        stub.expireTokens();
        var booked = tcs.book(shipment("Sana Malik", "Islamabad", 1_000L));

        assertInstanceOf(BookingOutcome.Booked.class, booked);
        assertEquals(2, stub.tokensIssued());
        assertEquals(3, stub.count(), "the refused call changed nothing and was made once more");
    }

    @Test
    void givenWrongCredentials_whenBooking_thenAPermanentFailureNamingTheKeysButNotTheSecrets() {
        var badBearer = assertThrows(PermanentProviderException.class, () -> provider(Map.of("bearer-token",
                "not-the-bearer")).book(shipment("Ayesha Khan", "Lahore", 1_000L)));
        var badPassword = assertThrows(PermanentProviderException.class, () -> provider(Map.of("password",
                "not-the-password")).book(shipment("Ayesha Khan", "Lahore", 1_000L)));

        assertTrue(badBearer.getMessage().contains("tijarat.provider.tcs-ecom.bearer-token"), badBearer.getMessage());
        assertFalse(badBearer.getMessage().contains("not-the-bearer"));
        assertFalse(badPassword.getMessage().contains("not-the-password"));
        assertEquals(0, stub.count());
    }

    @Test
    void givenTcsDownBeforeTheBookingLeaves_whenBooking_thenTransientAndNothingBooked() {
        stub.down(true);

        assertThrows(TransientProviderException.class, () -> provider().book(shipment("Ayesha Khan", "Lahore", 1_000L)));
        assertEquals(0, stub.count());
    }

    @Test
    void givenABooking_whenItsLabelIsFetched_thenTcsAirwayBillPdf() {
        ShippingProvider tcs = provider();
        String cn = ((BookingOutcome.Booked) tcs.book(shipment("Ayesha Khan", "Lahore", 1_000L))).trackingNumber();

        var label = assertInstanceOf(ShippingLabel.Document.class, tcs.label(cn));

        assertEquals("application/pdf", label.mediaType());
        assertTrue(new String(label.content(), StandardCharsets.US_ASCII).contains("airway bill " + cn));
        assertThrows(TransientProviderException.class, () -> tcs.label("306199999999"));
    }

    @Test
    void givenAConsignmentOnItsWay_whenTracked_thenCheckpointsAndDeliveryCodesMapAndDeliveredIsFinal() {
        ShippingProvider tcs = provider();
        String cn = ((BookingOutcome.Booked) tcs.book(shipment("Ayesha Khan", "Lahore", 2_339L))).trackingNumber();

        assertEquals(TrackingStatus.BOOKED, tcs.track(cn).orElseThrow().status());
        stub.checkpoint(cn, "Arrived at TCS Facility");
        assertEquals(TrackingStatus.IN_TRANSIT, tcs.track(cn).orElseThrow().status());
        stub.deliver(cn, "UV", "Unable to contact consignee");
        assertEquals(TrackingStatus.ATTEMPT_FAILED, tcs.track(cn).orElseThrow().status());
        stub.deliver(cn, "OK", "Delivered");
        var delivered = tcs.track(cn).orElseThrow();
        assertEquals(TrackingStatus.DELIVERED, delivered.status());
        assertEquals(3, delivered.events().size());
        assertTrue(tcs.track("306199999999").isEmpty(), "message FAIL: TCS does not know the number");
    }

    @Test
    void givenABooking_whenCancelledBeforeAndAfterPickup_thenCancelledThenRefusedWithTcsReason() {
        ShippingProvider tcs = provider();
        String early = ((BookingOutcome.Booked) tcs.book(shipment("Ayesha Khan", "Lahore", 1_000L))).trackingNumber();
        String late = ((BookingOutcome.Booked) tcs.book(shipment("Ayesha Khan", "Lahore", 1_000L))).trackingNumber();
        stub.checkpoint(late, "Picked up");

        assertInstanceOf(CancelOutcome.Cancelled.class, tcs.cancel(IdempotencyKey.of("CANCEL0001"), early));
        assertTrue(stub.byNumber(early).orElseThrow().cancelled());
        assertInstanceOf(CancelOutcome.Cancelled.class, tcs.cancel(IdempotencyKey.of("CANCEL0001"), early),
                "cancelling again is still cancelled");
        var refused = assertInstanceOf(CancelOutcome.Rejected.class, tcs.cancel(IdempotencyKey.of("CANCEL0002"), late));
        assertTrue(refused.message().contains("after pickup"), refused.message());
    }

    @Test
    void givenTheMerchantsTariff_whenQuoted_thenOnlyCodPaysCashHandling() {
        ShippingProvider tcs = provider();

        long prepaid = tcs.quote(new RateRequest(Optional.empty(), "Lahore", Parcel.ofGrams(800), Optional.empty()))
                .get(0).charge().minorUnits();
        long cod = tcs.quote(new RateRequest(Optional.empty(), "Lahore", Parcel.ofGrams(800),
                Optional.of(Money.pkr(200_000)))).get(0).charge().minorUnits();

        assertEquals(28_000, prepaid, "Rs 280 up to 1 kg to another city, the default tariff");
        assertEquals(32_000, cod, "+ 2 % of Rs 2,000");
    }
}
