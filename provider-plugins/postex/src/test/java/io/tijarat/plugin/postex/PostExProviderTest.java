package io.tijarat.plugin.postex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.plugin.postex.stub.PostExStub;
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
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The PostEx plugin against the PostEx stub over HTTP: what a shop using PostEx would see. */
class PostExProviderTest {

    private final PostExStub stub = PostExStub.start();

    @AfterEach
    void stop() {
        stub.close();
    }

    private ShippingProvider provider(String token) {
        var context = TestProviderContext.builder(new PostExProviderFactory().descriptor())
                .property("base-url", stub.baseUrl().toString())
                .property("token", token)
                .property("origin-city", "Karachi")
                .property("rates.same-city", "500:15000,1000:18000,+1000:6000")
                .property("rates.other-cities", "500:20000,1000:25000,+1000:9000")
                .property("cod-fee-percent", "2")
                .property("fuel-surcharge-percent", "10")
                .property("gst-percent", "16")
                .clock(io.tijarat.spi.kit.TestClock.at(java.time.Instant.now())) // the stub dates orders by the real day
                .build();
        return new PostExProviderFactory().create(context);
    }

    private ShippingProvider provider() {
        return provider(stub.token());
    }

    private static ShipmentRequest shipment(String city, Long codRupees, boolean reverse) {
        return ShipmentRequest.builder()
                .bookingKey(IdempotencyKey.of("K" + UUID.randomUUID().toString().replace("-", "").substring(0, 15).toUpperCase()))
                .orderNumber("TJ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase())
                .consignee(new ShippingAddress("Ayesha Khan", PhoneNumber.of("+923001234567"), Optional.empty(),
                        "House 12, Street 4, Gulberg III", city))
                .parcel(Parcel.ofGrams(800))
                .codAmount(codRupees == null ? null : Money.pkr(codRupees * 100))
                .contents("2 x lawn suit")
                .reverse(reverse)
                .build();
    }

    @Test
    void givenTheShopsSpellings_whenCoverageIsAsked_thenPostExsCitiesAreFound() {
        ShippingProvider postex = provider();

        assertEquals(Optional.of("Karachi"), postex.coverage("Khi").courierCity());
        assertEquals(Optional.of("Rawalpindi"), postex.coverage("راولپنڈی").courierCity());
        assertEquals(Optional.of("Dera Ghazi Khan"), postex.coverage("DG Khan").courierCity());
        assertTrue(postex.coverage("Lahore").cashOnDelivery());
        assertFalse(postex.coverage("Rawalpindi").pickup(), "PostEx delivers to Rawalpindi but picks up elsewhere");
        assertFalse(postex.coverage("Quetta").delivery());
    }

    @Test
    void givenPrepaidAndCodOrders_whenQuoted_thenOnlyTheCodOrderPaysTheCashHandlingFee() {
        ShippingProvider postex = provider();

        long prepaid = postex.quote(new RateRequest(Optional.empty(), "Lahore", Parcel.ofGrams(800), Optional.empty()))
                .get(0).charge().minorUnits();
        long cod = postex.quote(new RateRequest(Optional.empty(), "Lahore", Parcel.ofGrams(800),
                Optional.of(Money.pkr(300_000)))).get(0).charge().minorUnits();
        long sameCity = postex.quote(new RateRequest(Optional.empty(), "Karachi", Parcel.ofGrams(800), Optional.empty()))
                .get(0).charge().minorUnits();

        // Rs 250 for 800 g to another city, +10 % fuel = 275, +16 % GST = 319
        assertEquals(31_900, prepaid);
        // + 2 % of Rs 3,000 = Rs 60 cash handling: (250 + 25 + 60) × 1.16 = 388.60
        assertEquals(38_860, cod);
        assertEquals(22_968, sameCity, "Rs 180 within Karachi: (180 + 18) × 1.16 = 229.68");
        assertTrue(postex.quote(new RateRequest(Optional.empty(), "Quetta", Parcel.ofGrams(800), Optional.empty())).isEmpty());
    }

    @Test
    void givenACodOrder_whenBooked_thenPostExHoldsItWithTheOrderNumberAndTheWholeRupees() {
        ShipmentRequest request = shipment("Lahore", 2_239L, false);

        BookingOutcome outcome = provider().book(request);

        var booked = assertInstanceOf(BookingOutcome.Booked.class, outcome);
        PostExStub.Order order = stub.byTrackingNumber(booked.trackingNumber()).orElseThrow();
        assertEquals(request.orderNumber(), order.orderRef);
        assertEquals(2_239, order.invoicePayment);
        assertEquals("Normal", order.orderType);
        assertTrue(booked.trackingNumber().matches("\\d+"), "PostEx tracking numbers are plain digits");
        assertTrue(order.body.contains("\"customerPhone\":\"03001234567\""), order.body);
    }

    @Test
    void givenAPrepaidOrderAndAReturn_whenBooked_thenNothingIsCollectedAndTheReturnIsAReverseOrder() {
        var prepaid = assertInstanceOf(BookingOutcome.Booked.class, provider().book(shipment("Multan", null, false)));
        var reverse = assertInstanceOf(BookingOutcome.Booked.class, provider().book(shipment("Lahore", null, true)));

        assertEquals(0, stub.byTrackingNumber(prepaid.trackingNumber()).orElseThrow().invoicePayment);
        assertEquals("Reverse", stub.byTrackingNumber(reverse.trackingNumber()).orElseThrow().orderType);
    }

    @Test
    void givenAnUnservedCityOrAForeignPhone_whenBooking_thenRejectedAndNothingIsCreated() {
        var unserved = provider().book(shipment("Quetta", 1_000L, false));
        var foreign = ShipmentRequest.builder().bookingKey(IdempotencyKey.of("KFOREIGN0001"))
                .orderNumber("TJ-FOREIGN").consignee(new ShippingAddress("A", PhoneNumber.of("+447700900123"),
                        Optional.empty(), "House 1", "Lahore")).parcel(Parcel.ofGrams(100)).contents("x").build();

        assertEquals("CITY_NOT_SERVED", assertInstanceOf(BookingOutcome.Rejected.class, unserved).code());
        assertEquals("PHONE", assertInstanceOf(BookingOutcome.Rejected.class, provider().book(foreign)).code());
        assertEquals(0, stub.orderCount());
    }

    @Test
    void givenAWrongToken_whenBooking_thenAPermanentFailureNamingTheKeyButNotTheToken() {
        var failure = assertThrows(PermanentProviderException.class,
                () -> provider("not-the-token").book(shipment("Lahore", 1_000L, false)));

        assertTrue(failure.getMessage().contains("tijarat.provider.postex.token"), failure.getMessage());
        assertFalse(failure.getMessage().contains("not-the-token"));
    }

    @Test
    void givenPostExDownBeforeTheOrderIsSent_whenBooking_thenTransientAndNoOrder() {
        stub.down(true);

        assertThrows(TransientProviderException.class, () -> provider().book(shipment("Lahore", 1_000L, false)));
        assertEquals(0, stub.orderCount());
    }

    @Test
    void givenAParcelMovingThroughPostEx_whenTracked_thenEachStepMapsAndDeliveredIsFinal() {
        ShippingProvider postex = provider();
        String tracking = ((BookingOutcome.Booked) postex.book(shipment("Lahore", 2_239L, false))).trackingNumber();

        assertEquals(TrackingStatus.BOOKED, postex.track(tracking).orElseThrow().status());
        stub.advance(tracking, "0003");
        assertEquals(TrackingStatus.PICKED_UP, postex.track(tracking).orElseThrow().status());
        stub.advance(tracking, "0013");
        assertEquals(TrackingStatus.ATTEMPT_FAILED, postex.track(tracking).orElseThrow().status());
        stub.advance(tracking, "0005");
        var delivered = postex.track(tracking).orElseThrow();
        assertEquals(TrackingStatus.DELIVERED, delivered.status());
        assertEquals(4, delivered.events().size());
        assertEquals("Delivered", delivered.latestEvent().orElseThrow().description());
        assertTrue(postex.track("99999999999").isEmpty(), "statusCode 404 in an HTTP 200: PostEx does not know it");
    }

    @Test
    void givenABooking_whenCancelledBeforeAndAfterPickup_thenCancelledThenRefusedWithPostExsReason() {
        ShippingProvider postex = provider();
        String early = ((BookingOutcome.Booked) postex.book(shipment("Lahore", 1_000L, false))).trackingNumber();
        String late = ((BookingOutcome.Booked) postex.book(shipment("Lahore", 1_000L, false))).trackingNumber();
        stub.advance(late, "0003");

        assertInstanceOf(CancelOutcome.Cancelled.class, postex.cancel(IdempotencyKey.of("CANCEL0001"), early));
        assertTrue(stub.byTrackingNumber(early).orElseThrow().cancelled());
        var refused = assertInstanceOf(CancelOutcome.Rejected.class, postex.cancel(IdempotencyKey.of("CANCEL0002"), late));
        assertTrue(refused.message().contains("AFTER PICKUP"), refused.message());
    }

    @Test
    void givenABooking_whenItsLabelIsFetched_thenTheAirwayBillPdf() {
        ShippingProvider postex = provider();
        String tracking = ((BookingOutcome.Booked) postex.book(shipment("Lahore", 1_000L, false))).trackingNumber();

        var label = assertInstanceOf(ShippingLabel.Document.class, postex.label(tracking));

        assertEquals("application/pdf", label.mediaType());
        assertTrue(new String(label.content(), StandardCharsets.US_ASCII).contains("airway bill " + tracking));
        assertThrows(TransientProviderException.class, () -> postex.label("99999999999"));
    }

    @Test
    void givenABookingWhoseAnswerWasLost_whenLookedUpByItsReference_thenPostExsOrderIsFound() {
        ShippingProvider postex = provider();
        ShipmentRequest request = shipment("Lahore", 1_500L, false);
        String tracking = ((BookingOutcome.Booked) postex.book(request)).trackingNumber();

        assertEquals(Optional.of(tracking), postex.findBooking(request).map(BookingOutcome.Booked::trackingNumber));
        assertTrue(postex.findBooking(shipment("Lahore", 1_500L, false)).isEmpty(), "no order with that reference");
        assertEquals(1, stub.orderCount(), "looking up creates nothing");
    }

    @Test
    void givenADeliveredParcelPaidUnderTwoCprs_whenPayoutsAreAsked_thenTheUpfrontPaymentWithTheChargesThenTheReserve() {
        ShippingProvider postex = provider();
        String tracking = ((BookingOutcome.Booked) postex.book(shipment("Lahore", 2_339L, false))).trackingNumber();
        stub.advance(tracking, "0005");
        assertTrue(postex.remittances(java.util.List.of(tracking)).isEmpty(), "delivered, nothing paid yet");
        stub.charge(tracking, 18_000, 2_880);
        stub.payUpfront(tracking, "CPR-7001", java.time.LocalDate.of(2026, 12, 3), 150_000, false);

        var upfrontOnly = postex.remittances(java.util.List.of(tracking));
        assertEquals(1, upfrontOnly.size(), "the upfront payment is reported when it is paid: " + upfrontOnly);
        assertEquals(Money.pkr(150_000), upfrontOnly.get(0).remitted());

        stub.payReserve(tracking, "CPR-7044", java.time.LocalDate.of(2026, 12, 10), 63_020);
        var records = postex.remittances(java.util.List.of(tracking));

        assertEquals(2, records.size(), records.toString());
        var upfront = records.get(0);
        assertEquals(Money.pkr(233_900), upfront.collected());
        assertEquals(Optional.of(Money.pkr(20_880)), upfront.charges(), "fee Rs 180 and tax Rs 28.80");
        assertEquals(Money.pkr(150_000), upfront.remitted());
        assertEquals("CPR CPR-7001", upfront.reference());
        assertEquals(java.time.LocalDate.of(2026, 12, 3), upfront.remittedOn());
        var reserve = records.get(1);
        assertEquals(Money.pkr(63_020), reserve.remitted());
        assertEquals(Optional.empty(), reserve.charges(), "charges are counted once, with the first payment");
        assertEquals("CPR CPR-7044", reserve.reference());
    }

    @Test
    void givenAReturnedParcel_whenPayoutsAreAsked_thenTheReturnChargesAreADeduction() {
        ShippingProvider postex = provider();
        String tracking = ((BookingOutcome.Booked) postex.book(shipment("Multan", 1_800L, false))).trackingNumber();
        stub.advance(tracking, "0003");
        stub.advance(tracking, "0006");
        stub.charge(tracking, 18_000, 2_880);
        stub.chargeReturn(tracking, 15_300, 2_448);
        stub.payUpfront(tracking, "CPR-7002", java.time.LocalDate.of(2026, 12, 4), 0, true);

        var records = postex.remittances(java.util.List.of(tracking));

        assertEquals(1, records.size(), records.toString());
        assertTrue(records.get(0).isDeduction());
        assertEquals(Optional.of(Money.pkr(38_628)), records.get(0).charges(), "fee, tax, reversal fee and its tax");
        assertTrue(postex.remittances(java.util.List.of("99999999999")).isEmpty(), "an unknown parcel has no payout");
    }

    @Test
    void givenMoreParcelsThanOneCallAsksAbout_whenPayoutsAreAskedTwice_thenTheParcelsNotAskedYetGoFirst() {
        ShippingProvider postex = provider();
        java.util.List<String> parcels = new java.util.ArrayList<>();
        for (int i = 0; i < PostExProvider.PAYOUT_PARCELS_PER_CALL + 5; i++) {
            String tracking = ((BookingOutcome.Booked) postex.book(shipment("Lahore", 1_000L, false))).trackingNumber();
            stub.advance(tracking, "0005");
            parcels.add(tracking);
        }
        for (String paid : parcels.subList(PostExProvider.PAYOUT_PARCELS_PER_CALL, parcels.size())) {
            stub.payUpfront(paid, "CPR-9" + paid.substring(paid.length() - 3), java.time.LocalDate.of(2026, 12, 4),
                    90_000, true);
        }

        assertTrue(postex.remittances(parcels).isEmpty(), "the first call asks about the first parcels, unpaid");
        assertEquals(PostExProvider.PAYOUT_PARCELS_PER_CALL, stub.requests("v1/payment-status/"));
        var second = postex.remittances(parcels);

        assertEquals(5, second.size(), "the five parcels not asked about yet are asked first: " + second);
    }
}
