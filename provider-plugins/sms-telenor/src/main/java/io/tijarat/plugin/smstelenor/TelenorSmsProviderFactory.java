package io.tijarat.plugin.smstelenor;

import io.tijarat.spi.ConfigProperty;
import io.tijarat.spi.ConfigType;
import io.tijarat.spi.ProviderContext;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderKind;
import io.tijarat.spi.notification.NotificationCapability;
import io.tijarat.spi.notification.NotificationProvider;
import io.tijarat.spi.notification.NotificationProviderFactory;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The {@link java.util.ServiceLoader} entry of the Telenor corporate SMS plugin: SMS, Urdu included. */
public final class TelenorSmsProviderFactory implements NotificationProviderFactory {

    public static final String ID = "sms-telenor";

    static final String MSISDN = "msisdn";
    static final String PASSWORD = "password";
    static final String MASK = "mask";
    static final String BASE_URL = "base-url";
    static final String PRODUCTION = "https://telenorcsms.com.pk:27677/corporate_sms2/api/";

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.builder(ID, ProviderKind.NOTIFICATION)
            .displayName("Telenor corporate SMS")
            .pluginVersion(Optional.ofNullable(TelenorSmsProviderFactory.class.getPackage().getImplementationVersion())
                    .orElse("development"))
            .capabilities(NotificationCapability.SMS, NotificationCapability.UNICODE_SMS)
            .property(ConfigProperty.required(MSISDN, "The corporate account's number, as Telenor gave it (92…)"))
            .property(ConfigProperty.secret(PASSWORD, "The corporate account's password"))
            .property(ConfigProperty.required(MASK, "The sender mask registered with Telenor (the shop's name as"
                    + " customers see it)"))
            .property(ConfigProperty.withDefault(BASE_URL, "The API root", PRODUCTION).ofType(ConfigType.url()))
            .defaultTimeout(Duration.ofSeconds(20))
            .build();

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NotificationProvider create(ProviderContext context) {
        String base = context.config().require(BASE_URL).strip();
        return new TelenorSmsProvider(context.httpClient(), URI.create(base.endsWith("/") ? base : base + "/"),
                context.config().require(MSISDN).strip(), context.config().secret(PASSWORD),
                context.config().require(MASK).strip());
    }
}
