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

/**
 * The {@link java.util.ServiceLoader} entry for TCS through its newer ECOM API ("OCI Connect", the API behind TCS's
 * Envio portal): rates (the merchant's tariff), COD, labels (TCS prints the airway bill), tracking, cancel. A shop
 * uses this or {@code tcs} (the older COD API), whichever API TCS gave it access to; both ship in the same jar.
 */
public final class TcsEcomProviderFactory implements ShippingProviderFactory {

    public static final String ID = "tcs-ecom";

    static final String BEARER_TOKEN = "bearer-token";
    static final String ACCOUNT = "account-number";
    static final String SHIPPER_NAME = "shipper-name";
    static final String SHIPPER_ADDRESS = "shipper-address";
    static final String SHIPPER_MOBILE = "shipper-mobile";

    private static final ProviderDescriptor DESCRIPTOR = TcsRates.declare(ProviderDescriptor.builder(ID, ProviderKind.SHIPPING)
            .displayName("TCS (ECOM API)")
            .pluginVersion(Optional.ofNullable(TcsEcomProviderFactory.class.getPackage().getImplementationVersion())
                    .orElse("development"))
            .capabilities(ShippingCapability.RATES, ShippingCapability.COD, ShippingCapability.LABELS,
                    ShippingCapability.TRACKING, ShippingCapability.CANCEL)
            .property(ConfigProperty.secret(BEARER_TOKEN, "The API token TCS issues for the ECOM API (sent as"
                    + " 'Authorization: Bearer')"))
            .property(ConfigProperty.required(TcsProviderFactory.USER_NAME, "The ECOM (Envio) account's user name"))
            .property(ConfigProperty.secret(TcsProviderFactory.PASSWORD, "The ECOM (Envio) account's password"))
            .property(ConfigProperty.required(ACCOUNT, "The TCS account number (tcsaccount)"))
            .property(ConfigProperty.required(TcsProviderFactory.COST_CENTER, "The cost centre (pickup address) code"
                    + " TCS gave the account"))
            .property(ConfigProperty.required(SHIPPER_NAME, "The shipper's name on the airway bill"))
            .property(ConfigProperty.required(SHIPPER_ADDRESS, "The pickup address on the airway bill"))
            .property(ConfigProperty.required(SHIPPER_MOBILE, "The shipper's mobile number (03xxxxxxxxx)"))
            .property(ConfigProperty.withDefault(TcsProviderFactory.BASE_URL, "The API host (UAT: "
                    + TcsEcomApi.UAT + ")", TcsEcomApi.PRODUCTION).ofType(ConfigType.url())))
            .defaultTimeout(Duration.ofSeconds(20))
            .build();

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ShippingProvider create(ProviderContext context) {
        TcsEcomSettings settings = TcsEcomSettings.from(context.config());
        return new TcsEcomProvider(settings, new TcsEcomApi(context.httpClient(), settings, context.clock()),
                context.clock());
    }
}
