package io.tijarat.plugin.leopards;

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
 * The {@link java.util.ServiceLoader} entry of the Leopards plugin. Capabilities: rates (Leopards' tariff API), COD,
 * tracking, cancel before pickup, booking lookup by the order id, and COD payouts per packet. The slip (label) comes as a link with the booking.
 */
public final class LeopardsProviderFactory implements ShippingProviderFactory {

    /** The provider's public name, forever. */
    public static final String ID = "leopards";

    static final String API_KEY = "api-key";
    static final String API_PASSWORD = "api-password";
    static final String BASE_URL = "base-url";
    static final String ORIGIN_CITY = "origin-city";
    static final String SERVICES = "services";
    static final String CITY_LIST_TTL = "city-list-ttl";

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.builder(ID, ProviderKind.SHIPPING)
            .displayName("Leopards Courier")
            .pluginVersion(Optional.ofNullable(LeopardsProviderFactory.class.getPackage().getImplementationVersion())
                    .orElse("development"))
            .capabilities(ShippingCapability.RATES, ShippingCapability.COD, ShippingCapability.TRACKING,
                    ShippingCapability.CANCEL, ShippingCapability.BOOKING_LOOKUP, ShippingCapability.COD_REMITTANCE)
            .property(ConfigProperty.secret(API_KEY, "The merchant API key from the Leopards portal"))
            .property(ConfigProperty.secret(API_PASSWORD, "The merchant API password from the Leopards portal"))
            .property(ConfigProperty.withDefault(BASE_URL, "The API root (staging: "
                    + LeopardsApi.STAGING + ")", LeopardsApi.PRODUCTION).ofType(ConfigType.url()))
            .property(ConfigProperty.withDefault(ORIGIN_CITY, "The city parcels are picked up in, for the tariff",
                    "Karachi"))
            .property(ConfigProperty.withDefault(SERVICES, "The Leopards services to offer at checkout, e.g."
                    + " overnight,overland (each is one tariff call, cached)", "overnight")
                    .ofType(ConfigType.listOf(ConfigType.oneOf("overnight", "overland", "detain"))))
            .property(ConfigProperty.withDefault(CITY_LIST_TTL, "How long Leopards' city list is kept", "12h")
                    .ofType(ConfigType.duration()))
            .defaultTimeout(Duration.ofSeconds(20))
            .build();

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ShippingProvider create(ProviderContext context) {
        LeopardsSettings settings = LeopardsSettings.from(context.config());
        return new LeopardsProvider(settings, new LeopardsApi(context.httpClient(), settings), context.clock());
    }
}
