package io.tijarat.plugin.flatrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.kit.SampleRequests;
import io.tijarat.spi.kit.TestProviderContext;
import io.tijarat.spi.shipping.BookingOutcome;
import io.tijarat.spi.shipping.CityCoverage;
import io.tijarat.spi.shipping.Parcel;
import io.tijarat.spi.shipping.RateQuote;
import io.tijarat.spi.shipping.ShipmentRequest;
import io.tijarat.spi.shipping.ShippingCapability;
import io.tijarat.spi.shipping.ShippingProvider;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tariff as a shop sees it: zero-configuration prices, coverage, bookings and start-up checks. */
class FlatRateProviderTest {

    private final FlatRateProviderFactory factory = new FlatRateProviderFactory();

    private ShippingProvider provider(Consumer<TestProviderContext.Builder> settings) {
        TestProviderContext.Builder builder = TestProviderContext.builder(factory.descriptor());
        settings.accept(builder);
        return factory.create(builder.build());
    }

    private ShippingProvider provider() {
        return provider(builder -> { });
    }

    private static RateQuote onlyQuote(List<RateQuote> quotes) {
        assertEquals(1, quotes.size(), quotes::toString);
        return quotes.get(0);
    }

    @ParameterizedTest(name = "{1} g to {0}: {2} paisa, {3}")
    @CsvSource({
            "Karachi,   400, 15000, 'Flat-rate delivery, 1–2 days', 2",
            "لاہور,    2500, 55000, 'Flat-rate delivery, 2–4 days', 4",
            "Gilgit,   5000, 110000, 'Flat-rate delivery, 3–6 days', 6"})
    void givenNoConfiguration_whenAParcelIsQuoted_thenTheDefaultPakistaniTariffApplies(
            String city, int grams, long paisa, String serviceName, int days) {
        RateQuote quote = onlyQuote(provider().quote(SampleRequests.rate(city, grams)));

        assertEquals("STANDARD", quote.serviceCode());
        assertEquals(serviceName, quote.serviceName());
        assertEquals(Money.pkr(paisa), quote.charge());
        assertEquals(Optional.of(Duration.ofDays(days)), quote.transitTime());
        assertEquals(Duration.ofHours(1), quote.cacheFor());
    }

    @Test
    void givenAShopInLahoreWithItsOwnTariff_whenQuoted_thenTheOperatorsZonesPricesAndDaysApply() {
        ShippingProvider lahoreShop = provider(builder -> builder
                .property("zone.local", "Lahore")
                .property("zone.major", "Karachi,Islamabad")
                .property("rates.local", "1000:12000")
                .property("days.local", "0-1"));

        RateQuote quote = onlyQuote(lahoreShop.quote(SampleRequests.rate("lahore", 900)));

        assertEquals(Money.pkr(12_000), quote.charge());
        assertEquals("Flat-rate delivery, 0–1 day", quote.serviceName());
        assertEquals(List.of(), lahoreShop.quote(SampleRequests.rate("Lahore", 1001)), "no + step: not carried");
        assertEquals(Money.pkr(22_000), onlyQuote(lahoreShop.quote(SampleRequests.rate("Karachi", 500))).charge());
    }

    @Test
    void givenAnyCity_whenCoverageIsAsked_thenDeliveredWithCashOnDeliveryAndPickedUpOnlyInTheLocalZone() {
        CityCoverage karachi = provider().coverage("کراچی");
        CityCoverage turbat = provider().coverage("Turbat");

        assertEquals(new CityCoverage("کراچی", Optional.of("Karachi"), true, true, true), karachi);
        assertEquals(new CityCoverage("Turbat", Optional.of("Turbat"), false, true, true), turbat);
    }

    @Test
    void givenABooking_whenBookedTwiceWithOneKey_thenTheSameShopReferenceDerivedFromTheKey() {
        IdempotencyKey key = IdempotencyKey.of("BK7Q2M9X4T1C");
        ShipmentRequest request = SampleRequests.shipment(key);

        BookingOutcome first = provider().book(request);

        BookingOutcome.Booked booked = assertInstanceOf(BookingOutcome.Booked.class, first);
        assertEquals("FR-BK7Q2M9X4T1C", booked.trackingNumber());
        assertEquals(first, provider().book(request));
    }

    @Test
    void givenABookingForAServiceFlatRateDoesNotOffer_whenBooked_thenRejectedForStaffToCorrect() {
        ShipmentRequest overnight = ShipmentRequest.builder().bookingKey(SampleRequests.newKey()).orderNumber("1042")
                .consignee(SampleRequests.consignee("Lahore")).parcel(Parcel.ofGrams(800)).serviceCode("OVERNIGHT")
                .contents("2 x cotton shirt").build();

        BookingOutcome outcome = provider().book(overnight);

        assertEquals("UNKNOWN_SERVICE", assertInstanceOf(BookingOutcome.Rejected.class, outcome).code());
    }

    @Test
    void givenTheDescriptor_whenRead_thenItDeclaresRatesAndCashOnDeliveryOnly() {
        assertEquals(Set.of(ShippingCapability.RATES, ShippingCapability.COD), factory.descriptor().capabilities());
        assertEquals("Flat-rate shipping", factory.descriptor().displayName());
    }

    @ParameterizedTest(name = "{0} = ''{1}''")
    @CsvSource({
            "rates.rest, '500:28000;1000:38000'",
            "rates.local, '1000:20000,500:15000'",
            "days.major, 'two to four'",
            "days.rest, '6-3'",
            "days.local, '0'"})
    void givenAnInvalidValue_whenTheProviderStarts_thenItFailsNamingTheFullKey(String name, String value) {
        PermanentProviderException e = assertThrows(PermanentProviderException.class,
                () -> provider(builder -> builder.property(name, value)));

        assertTrue(e.getMessage().startsWith("tijarat.provider.flat-rate." + name + " must be"), e.getMessage());
    }

    @Test
    void givenKarachiAlsoListedAsAMajorCity_whenTheProviderStarts_thenItFailsNamingBothKeys() {
        PermanentProviderException e = assertThrows(PermanentProviderException.class,
                () -> provider(builder -> builder.property("zone.major", "Lahore,Karachi")));

        assertTrue(e.getMessage().contains("tijarat.provider.flat-rate.zone.local and tijarat.provider.flat-rate.zone.major"),
                e.getMessage());
    }
}
