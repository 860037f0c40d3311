package io.tijarat.plugin.flatrate;

import io.tijarat.spi.ConfigProperty;
import io.tijarat.spi.ProviderContext;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderKind;
import io.tijarat.spi.shipping.ShippingCapability;
import io.tijarat.spi.shipping.ShippingProvider;
import io.tijarat.spi.shipping.ShippingProviderFactory;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@link java.util.ServiceLoader} entry of the flat-rate shipping plugin. Every property has a
 * default, so it quotes sensible Pakistani prices with no configuration at all (a Karachi shop).
 *
 * <p>Capabilities: {@link ShippingCapability#RATES} (the tariff) and {@link ShippingCapability#COD}
 * (the shop's own delivery collects cash). Not tracking, labels, cancellation, booking lookup or
 * remittances: there is no courier system to ask.
 */
public final class FlatRateProviderFactory implements ShippingProviderFactory {

    /** The provider's public name, forever: it is in configuration keys and stored shipment records. */
    public static final String ID = "flat-rate";

    private static final String MAJOR_CITIES =
            "Lahore,Islamabad,Rawalpindi,Faisalabad,Multan,Peshawar,Quetta,Hyderabad,Sialkot,Gujranwala";

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.builder(ID, ProviderKind.SHIPPING)
            .displayName("Flat-rate shipping")
            .pluginVersion(pluginVersion())
            .capabilities(ShippingCapability.RATES, ShippingCapability.COD)
            .property(ConfigProperty.withDefault(zoneKey(Zone.LOCAL), "The shop's own city or cities, comma-separated:"
                    + " the cheapest, fastest zone, and where parcels are picked up", "Karachi"))
            .property(ConfigProperty.withDefault(zoneKey(Zone.MAJOR), "Major cities, comma-separated; a city in"
                    + " neither this list nor the local one is in zone 'rest'", MAJOR_CITIES))
            .property(rates(Zone.LOCAL, "500:15000,1000:20000,3000:35000,+1000:10000"))
            .property(rates(Zone.MAJOR, "500:22000,1000:30000,3000:55000,+1000:15000"))
            .property(rates(Zone.REST, "500:28000,1000:38000,3000:70000,+1000:20000"))
            .property(days(Zone.LOCAL, "1-2"))
            .property(days(Zone.MAJOR, "2-4"))
            .property(days(Zone.REST, "3-6"))
            // Nothing leaves the JVM: the budget only has to cover a table lookup.
            .defaultTimeout(Duration.ofSeconds(5))
            .build();

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** @throws io.tijarat.spi.PermanentProviderException naming the key, if the tariff is invalid */
    @Override
    public ShippingProvider create(ProviderContext context) {
        return new FlatRateProvider(FlatRateSettings.from(context.config()), context.logger());
    }

    static String zoneKey(Zone zone) {
        return "zone." + zone.key();
    }

    static String ratesKey(Zone zone) {
        return "rates." + zone.key();
    }

    static String daysKey(Zone zone) {
        return "days." + zone.key();
    }

    private static ConfigProperty rates(Zone zone, String defaults) {
        return ConfigProperty.withDefault(ratesKey(zone), "Prices in zone '" + zone.key() + "': " + Tariff.FORMAT
                + ". That example is Rs 150 up to 500 g, Rs 200 up to 1 kg, Rs 350 up to 3 kg and Rs 100 for each"
                + " further kg or part; without a + step, heavier parcels get no quote", defaults);
    }

    private static ConfigProperty days(Zone zone, String defaults) {
        return ConfigProperty.withDefault(daysKey(zone), "Usual delivery time in zone '" + zone.key()
                + "', in days: min-max (e.g. 2-4) or one number", defaults);
    }

    /** The jar's Implementation-Version; a build from the classes directory (tests, IDE) has none. */
    private static String pluginVersion() {
        return Optional.ofNullable(FlatRateProviderFactory.class.getPackage().getImplementationVersion())
                .orElse("development");
    }
}
