package io.tijarat.plugin.tcs;

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

/** The {@link java.util.ServiceLoader} entry of the TCS plugin: rates (tariff), COD, tracking, cancel. */
public final class TcsProviderFactory implements ShippingProviderFactory {

    public static final String ID = "tcs";

    static final String CLIENT_ID = "client-id";
    static final String USER_NAME = "user-name";
    static final String PASSWORD = "password";
    static final String COST_CENTER = "cost-center-code";
    static final String BASE_URL = "base-url";
    static final String TRACKING_URL = "tracking-url";
    static final String ORIGIN_CITY = "origin-city";
    static final String SERVICE = "service";
    static final String RATES_SAME_CITY = "rates.same-city";
    static final String RATES_OTHER = "rates.other-cities";
    static final String COD_FEE_PERCENT = "cod-fee-percent";
    static final String FUEL_PERCENT = "fuel-surcharge-percent";
    static final String GST_PERCENT = "gst-percent";
    static final String CITY_LIST_TTL = "city-list-ttl";

    private static final ProviderDescriptor DESCRIPTOR = TcsRates.declare(ProviderDescriptor.builder(ID, ProviderKind.SHIPPING)
            .displayName("TCS")
            .pluginVersion(Optional.ofNullable(TcsProviderFactory.class.getPackage().getImplementationVersion())
                    .orElse("development"))
            .capabilities(ShippingCapability.RATES, ShippingCapability.COD, ShippingCapability.TRACKING,
                    ShippingCapability.CANCEL)
            .property(ConfigProperty.secret(CLIENT_ID, "The API Connect client id (X-IBM-Client-Id) from TCS"))
            .property(ConfigProperty.required(USER_NAME, "The COD account's user name"))
            .property(ConfigProperty.secret(PASSWORD, "The COD account's password"))
            .property(ConfigProperty.required(COST_CENTER, "The cost centre code TCS gave the account"))
            .property(ConfigProperty.withDefault(BASE_URL, "The COD API root", TcsApi.PRODUCTION).ofType(ConfigType.url()))
            .property(ConfigProperty.withDefault(TRACKING_URL, "The tracking API", TcsApi.TRACKING)
                    .ofType(ConfigType.url())))
            .defaultTimeout(Duration.ofSeconds(20))
            .build();

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ShippingProvider create(ProviderContext context) {
        TcsSettings settings = TcsSettings.from(context.config());
        return new TcsProvider(settings, new TcsApi(context.httpClient(), settings), context.clock());
    }
}
