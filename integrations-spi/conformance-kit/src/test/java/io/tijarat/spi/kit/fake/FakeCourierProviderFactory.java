package io.tijarat.spi.kit.fake;

import io.tijarat.spi.ConfigProperty;
import io.tijarat.spi.ProviderContext;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderKind;
import io.tijarat.spi.shipping.ShippingCapability;
import io.tijarat.spi.shipping.ShippingProvider;
import io.tijarat.spi.shipping.ShippingProviderFactory;
import java.time.Duration;

/**
 * A fake courier plugin, id {@code fake-courier}, that takes signed tracking webhooks; subclasses add one
 * {@link Quirk} each, or declare other capabilities.
 */
public class FakeCourierProviderFactory implements ShippingProviderFactory {

    private final Quirk quirk;
    private final ProviderDescriptor descriptor;

    public FakeCourierProviderFactory() {
        this(Quirk.NONE, ShippingCapability.TRACKING_WEBHOOKS, ShippingCapability.COD);
    }

    FakeCourierProviderFactory(Quirk quirk, ShippingCapability... capabilities) {
        this.quirk = quirk;
        this.descriptor = ProviderDescriptor.builder("fake-courier", ProviderKind.SHIPPING)
                .displayName("Fake Courier").pluginVersion("1.0.0")
                .capabilities(capabilities)
                .property(ConfigProperty.required("base-url", "The courier's API root"))
                .property(ConfigProperty.secret("api-key", "The shipper's API key"))
                .property(ConfigProperty.secret("webhook-secret", "The key the courier signs tracking webhooks with"))
                .defaultTimeout(Duration.ofSeconds(20))
                .build();
    }

    @Override
    public ProviderDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public ShippingProvider create(ProviderContext context) {
        return new FakeCourierProvider(context, quirk);
    }
}
