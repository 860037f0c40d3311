package io.tijarat.spi.kit.fake;

import io.tijarat.spi.ConfigProperty;
import io.tijarat.spi.ProviderContext;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderKind;
import io.tijarat.spi.notification.NotificationCapability;
import io.tijarat.spi.notification.NotificationProvider;
import io.tijarat.spi.notification.NotificationProviderFactory;
import java.time.Duration;

/** A fake SMS gateway plugin, id {@code fake-sms}; subclasses add one {@link Quirk} each. */
public class FakeSmsProviderFactory implements NotificationProviderFactory {

    static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.builder("fake-sms", ProviderKind.NOTIFICATION)
            .displayName("Fake SMS").pluginVersion("1.0.0")
            .capabilities(NotificationCapability.SMS)
            .property(ConfigProperty.required("base-url", "The gateway's API root"))
            .property(ConfigProperty.secret("password", "The account's API password"))
            .defaultTimeout(Duration.ofSeconds(10))
            .build();

    private final Quirk quirk;

    public FakeSmsProviderFactory() {
        this(Quirk.NONE);
    }

    FakeSmsProviderFactory(Quirk quirk) {
        this.quirk = quirk;
    }

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NotificationProvider create(ProviderContext context) {
        return new FakeSmsProvider(context, quirk);
    }
}
