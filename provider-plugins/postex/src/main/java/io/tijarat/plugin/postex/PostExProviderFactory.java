package io.tijarat.plugin.postex;

import io.tijarat.spi.shipping.WeightTariff;
import io.tijarat.spi.ConfigProperty;
import io.tijarat.spi.ConfigType;
import io.tijarat.spi.ProviderContext;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderKind;
import io.tijarat.spi.shipping.ShippingCapability;
import io.tijarat.spi.shipping.ShippingProvider;
import io.tijarat.spi.shipping.ShippingProviderFactory;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@link java.util.ServiceLoader} entry of the PostEx plugin. Capabilities: rates (from the configured tariff),
 * COD, labels (the airway bill PDF), tracking, cancel before pickup, reverse pickups, booking lookup by reference
 * and COD payouts per parcel.
 */
public final class PostExProviderFactory implements ShippingProviderFactory {

    /** The provider's public name, forever: it is in configuration keys and stored shipment records. */
    public static final String ID = "postex";

    static final String TOKEN = "token";
    static final String BASE_URL = "base-url";
    static final String PICKUP_ADDRESS_CODE = "pickup-address-code";
    static final String STORE_ADDRESS_CODE = "store-address-code";
    static final String ORIGIN_CITY = "origin-city";
    static final String RATES_SAME_CITY = "rates.same-city";
    static final String RATES_OTHER = "rates.other-cities";
    static final String COD_FEE_PERCENT = "cod-fee-percent";
    static final String FUEL_PERCENT = "fuel-surcharge-percent";
    static final String GST_PERCENT = "gst-percent";
    static final String CITY_LIST_TTL = "city-list-ttl";

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.builder(ID, ProviderKind.SHIPPING)
            .displayName("PostEx")
            .pluginVersion(Optional.ofNullable(PostExProviderFactory.class.getPackage().getImplementationVersion())
                    .orElse("development"))
            .capabilities(ShippingCapability.RATES, ShippingCapability.COD, ShippingCapability.LABELS,
                    ShippingCapability.TRACKING, ShippingCapability.CANCEL, ShippingCapability.REVERSE_PICKUP,
                    ShippingCapability.BOOKING_LOOKUP, ShippingCapability.COD_REMITTANCE)
            .property(ConfigProperty.secret(TOKEN, "The merchant API token from the PostEx portal (sent as the 'token'"
                    + " header)"))
            .property(ConfigProperty.withDefault(BASE_URL, "The API root", PostExApi.PRODUCTION)
                    .ofType(ConfigType.url()))
            .property(ConfigProperty.optional(PICKUP_ADDRESS_CODE, "The pickup address code registered with PostEx;"
                    + " empty for the account's default"))
            .property(ConfigProperty.optional(STORE_ADDRESS_CODE, "The store address code registered with PostEx;"
                    + " empty for the account's default"))
            .property(ConfigProperty.withDefault(ORIGIN_CITY, "The city parcels are picked up in (for the same-city"
                    + " rate)", "Karachi"))
            .property(ConfigProperty.withDefault(RATES_SAME_CITY, "Delivery charges within the origin city, from your"
                    + " PostEx agreement: " + WeightTariff.FORMAT + " (PostEx publishes no rates API)",
                    "500:15000,1000:18000,+1000:6000"))
            .property(ConfigProperty.withDefault(RATES_OTHER, "Delivery charges to other cities: "
                    + WeightTariff.FORMAT, "500:20000,1000:25000,+1000:9000"))
            .property(ConfigProperty.withDefault(COD_FEE_PERCENT, "Cash-handling fee on cash-on-delivery orders, as a"
                    + " percentage of the amount collected (prepaid orders pay none)", "0")
                    .ofType(ConfigType.integer(0, 20)))
            .property(ConfigProperty.withDefault(FUEL_PERCENT, "Fuel surcharge, percent of the delivery charge", "0")
                    .ofType(ConfigType.integer(0, 100)))
            .property(ConfigProperty.withDefault(GST_PERCENT, "Sales tax on the courier's charges, percent", "0")
                    .ofType(ConfigType.integer(0, 50)))
            .property(ConfigProperty.withDefault(CITY_LIST_TTL, "How long PostEx's operational city list is kept",
                    "12h").ofType(ConfigType.duration()))
            .defaultTimeout(Duration.ofSeconds(20))
            .build();

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** @throws io.tijarat.spi.PermanentProviderException naming the key, if a setting is invalid */
    @Override
    public ShippingProvider create(ProviderContext context) {
        PostExSettings settings = PostExSettings.from(context.config());
        return new PostExProvider(settings, new PostExApi(context.httpClient(), settings), context.clock());
    }
}
