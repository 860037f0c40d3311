package io.tijarat.spi.kit.fake;

import io.tijarat.spi.ConfigProperty;
import io.tijarat.spi.ConfigType;
import io.tijarat.spi.ProviderContext;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderKind;
import io.tijarat.spi.payment.PaymentCapability;
import io.tijarat.spi.payment.PaymentProvider;
import io.tijarat.spi.payment.PaymentProviderFactory;
import java.time.Duration;

/** A fake wallet gateway plugin, id {@code fake-pay}; subclasses add one {@link Quirk} each. */
public class FakePayProviderFactory implements PaymentProviderFactory {

    static final ProviderDescriptor DESCRIPTOR = describe("fake-pay", ConfigType.text(), PaymentCapability.INQUIRY);

    /** Fake Pay's descriptor with another id, base-URL type or capabilities, for the broken variants. */
    static ProviderDescriptor describe(String id, ConfigType baseUrl, PaymentCapability... capabilities) {
        return ProviderDescriptor.builder(id, ProviderKind.PAYMENT)
                .displayName("Fake Pay").pluginVersion("1.0.0")
                .capabilities(capabilities)
                .property(ConfigProperty.required("base-url", "The gateway's API root").ofType(baseUrl))
                .property(ConfigProperty.secret("api-key", "The merchant's API key"))
                .defaultTimeout(Duration.ofSeconds(30))
                .build();
    }

    private final Quirk quirk;

    public FakePayProviderFactory() {
        this(Quirk.NONE);
    }

    FakePayProviderFactory(Quirk quirk) {
        this.quirk = quirk;
    }

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public PaymentProvider create(ProviderContext context) {
        return new FakePayProvider(context, quirk);
    }
}
