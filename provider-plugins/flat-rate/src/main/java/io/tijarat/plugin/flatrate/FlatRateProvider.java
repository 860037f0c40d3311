package io.tijarat.plugin.flatrate;

import io.tijarat.spi.ProviderLogger;
import io.tijarat.spi.shipping.BookingOutcome;
import io.tijarat.spi.shipping.CityCoverage;
import io.tijarat.spi.shipping.RateQuote;
import io.tijarat.spi.shipping.RateRequest;
import io.tijarat.spi.shipping.ShipmentRequest;
import io.tijarat.spi.shipping.ShippingProvider;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Quotes from the operator's tariff, and books the shop's own deliveries.
 *
 * <p>Why {@code book} answers {@code Booked}: the SPI requires every shipping provider to book, and a
 * shop that chose flat-rate delivers the parcel itself (or hands it to a courier by hand). Refusing
 * every booking would put every such order in front of staff as "rejected"; instead the booking
 * records the shop's own consignment reference, {@code FR-<booking key>}. Derived from the core's key,
 * it is the same on every retry with nothing to remember. There is no tracking behind it, and the
 * provider declares no {@code TRACKING}: staff mark such parcels delivered.
 *
 * <p>Stateless apart from the settings, so thread-safe.
 */
final class FlatRateProvider implements ShippingProvider {

    /** The one service; a booking for any other is refused. */
    static final String SERVICE = "STANDARD";
    /** Prices change only when the operator edits the tariff, which replaces this provider. */
    static final Duration CACHE_FOR = Duration.ofHours(1);
    private static final String REFERENCE_PREFIX = "FR-";

    private final FlatRateSettings settings;
    private final ProviderLogger logger;

    FlatRateProvider(FlatRateSettings settings, ProviderLogger logger) {
        this.settings = settings;
        this.logger = logger;
    }

    /** Every city is served: the shop delivers anywhere, at its zone's price; pickup only in the local zone. */
    @Override
    public CityCoverage coverage(String city) {
        Zone zone = settings.zones().zoneOf(city);
        return new CityCoverage(city, Optional.of(settings.zones().nameOf(city)), zone == Zone.LOCAL, true, true);
    }

    /**
     * One quote from the destination's zone, or none if the parcel is heavier than the zone's tariff
     * carries. The origin is ignored: the tariff is priced from the shop. A COD amount adds nothing.
     */
    @Override
    public List<RateQuote> quote(RateRequest request) {
        Zone zone = settings.zones().zoneOf(request.destinationCity());
        DeliveryDays days = settings.days().get(zone);
        return settings.tariffs().get(zone).chargeFor(request.parcel().weightGrams())
                .map(charge -> new RateQuote(SERVICE, "Flat-rate delivery, " + days.describe(), charge, CACHE_FOR,
                        Optional.of(days.longest())))
                .map(List::of)
                .orElse(List.of());
    }

    @Override
    public BookingOutcome book(ShipmentRequest request) {
        Optional<String> service = request.serviceCode().filter(code -> !SERVICE.equals(code));
        if (service.isPresent()) {
            return new BookingOutcome.Rejected("UNKNOWN_SERVICE", "flat-rate offers only the service " + SERVICE
                    + ", not '" + service.get() + "'");
        }
        String reference = REFERENCE_PREFIX + request.bookingKey().value();
        logger.info("flat-rate booked key=" + request.bookingKey() + " reference=" + reference + " zone="
                + settings.zones().zoneOf(request.consignee().city()).key());
        return new BookingOutcome.Booked(reference, Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
        return "FlatRateProvider[" + settings.tariffs().size() + " zones]";
    }
}
