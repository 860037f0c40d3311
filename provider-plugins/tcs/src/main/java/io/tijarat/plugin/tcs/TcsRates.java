package io.tijarat.plugin.tcs;

import io.tijarat.spi.shipping.WeightTariff;
import static io.tijarat.plugin.tcs.TcsProviderFactory.CITY_LIST_TTL;
import static io.tijarat.plugin.tcs.TcsProviderFactory.COD_FEE_PERCENT;
import static io.tijarat.plugin.tcs.TcsProviderFactory.FUEL_PERCENT;
import static io.tijarat.plugin.tcs.TcsProviderFactory.GST_PERCENT;
import static io.tijarat.plugin.tcs.TcsProviderFactory.ORIGIN_CITY;
import static io.tijarat.plugin.tcs.TcsProviderFactory.RATES_OTHER;
import static io.tijarat.plugin.tcs.TcsProviderFactory.RATES_SAME_CITY;
import static io.tijarat.plugin.tcs.TcsProviderFactory.SERVICE;

import io.tijarat.spi.ConfigProperty;
import io.tijarat.spi.ConfigType;
import io.tijarat.spi.Money;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.ProviderConfig;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.geo.PakistanCities;
import io.tijarat.spi.shipping.RateQuote;
import io.tijarat.spi.shipping.RateRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The merchant's TCS tariff (TCS publishes no rates API), shared by both TCS APIs' providers: delivery charge by weight
 * within the origin city or to other cities, fuel surcharge, cash handling on COD orders only, GST on all of it.
 */
record TcsRates(String originCity, String service, WeightTariff sameCity, WeightTariff otherCities, int codFeePercent,
                int fuelPercent, int gstPercent) {

    /**
     * Adds the settings both TCS providers share to a descriptor: the origin city, the service, the tariff, the fees
     * and the city list's lifetime (same keys, defaults and checks for either API).
     */
    static ProviderDescriptor.Builder declare(ProviderDescriptor.Builder builder) {
        return builder
                .property(ConfigProperty.withDefault(ORIGIN_CITY, "The city parcels are picked up in", "Karachi"))
                .property(ConfigProperty.withDefault(SERVICE, "The TCS service booked: O overnight, D second day",
                        "O").ofType(ConfigType.oneOf("O", "D")))
                .property(ConfigProperty.withDefault(RATES_SAME_CITY, "Charges within the origin city, from your TCS"
                        + " agreement: " + WeightTariff.FORMAT + " (TCS publishes no rates API)",
                        "500:16000,1000:20000,+1000:7000"))
                .property(ConfigProperty.withDefault(RATES_OTHER, "Charges to other cities: " + WeightTariff.FORMAT,
                        "500:22000,1000:28000,+1000:10000"))
                .property(ConfigProperty.withDefault(COD_FEE_PERCENT, "Cash-handling fee on COD orders, percent of the"
                        + " amount collected (prepaid orders pay none)", "0").ofType(ConfigType.integer(0, 20)))
                .property(ConfigProperty.withDefault(FUEL_PERCENT, "Fuel surcharge, percent", "0")
                        .ofType(ConfigType.integer(0, 100)))
                .property(ConfigProperty.withDefault(GST_PERCENT, "Sales tax on the courier's charges, percent", "0")
                        .ofType(ConfigType.integer(0, 50)))
                .property(ConfigProperty.withDefault(CITY_LIST_TTL, "How long TCS's city list is kept", "12h")
                        .ofType(ConfigType.duration()));
    }

    static TcsRates from(ProviderConfig config) {
        String origin = config.require(ORIGIN_CITY).strip();
        String canonical = PakistanCities.get().canonical(origin).orElseThrow(() -> new PermanentProviderException(
                config.keyFor(ORIGIN_CITY) + " is not a Pakistani city we know: '" + origin + "'"));
        return new TcsRates(canonical, config.require(SERVICE).strip(), tariff(config, RATES_SAME_CITY),
                tariff(config, RATES_OTHER), Integer.parseInt(config.require(COD_FEE_PERCENT).strip()),
                Integer.parseInt(config.require(FUEL_PERCENT).strip()), Integer.parseInt(config.require(GST_PERCENT).strip()));
    }

    private static WeightTariff tariff(ProviderConfig config, String name) {
        try {
            return WeightTariff.parse(config.require(name));
        } catch (IllegalArgumentException e) {
            throw new PermanentProviderException(config.keyFor(name) + ": " + e.getMessage());
        }
    }

    /** The quote for a parcel to a city TCS serves; empty if the tariff has no slab for its weight. */
    List<RateQuote> quote(RateRequest request) {
        boolean local = PakistanCities.get().key(request.destinationCity()).equals(PakistanCities.get().key(originCity));
        Optional<Money> delivery = (local ? sameCity : otherCities).charge(request.parcel().weightGrams());
        if (delivery.isEmpty()) {
            return List.of();
        }
        long charge = delivery.get().minorUnits();
        long fuel = percent(charge, fuelPercent);
        // cash handling only for cash on delivery: a prepaid order pays none
        long codFee = request.codAmount().map(cod -> percent(cod.minorUnits(), codFeePercent)).orElse(0L);
        long gst = percent(charge + fuel + codFee, gstPercent);
        return List.of(new RateQuote(service, service.equals("O") ? "TCS Overnight" : "TCS Second Day",
                Money.pkr(charge + fuel + codFee + gst), Duration.ofHours(6), Optional.empty()));
    }

    private static long percent(long paisa, int percent) {
        return (paisa * percent + 50) / 100;
    }
}
