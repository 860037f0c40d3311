package io.tijarat.plugin.whatsapp;

import io.tijarat.spi.ConfigProperty;
import io.tijarat.spi.ConfigType;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.ProviderContext;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderKind;
import io.tijarat.spi.notification.NotificationCapability;
import io.tijarat.spi.notification.NotificationProvider;
import io.tijarat.spi.notification.NotificationProviderFactory;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The {@link java.util.ServiceLoader} entry of the WhatsApp Cloud API plugin. */
public final class WhatsAppCloudProviderFactory implements NotificationProviderFactory {

    public static final String ID = "whatsapp-cloud";

    static final String PHONE_NUMBER_ID = "phone-number-id";
    static final String ACCESS_TOKEN = "access-token";
    static final String APP_SECRET = "app-secret";
    static final String VERIFY_TOKEN = "verify-token";
    static final String API_VERSION = "api-version";
    static final String BASE_URL = "base-url";

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.builder(ID, ProviderKind.NOTIFICATION)
            .displayName("WhatsApp Business (Cloud API)")
            .pluginVersion(Optional.ofNullable(WhatsAppCloudProviderFactory.class.getPackage().getImplementationVersion())
                    .orElse("development"))
            .capabilities(NotificationCapability.WHATSAPP, NotificationCapability.INBOUND_MESSAGES,
                    NotificationCapability.DELIVERY_WEBHOOKS)
            .property(ConfigProperty.required(PHONE_NUMBER_ID, "The business phone number's id (not the number) from"
                    + " WhatsApp Manager / the app's WhatsApp API setup"))
            .property(ConfigProperty.secret(ACCESS_TOKEN, "A system user's permanent access token with"
                    + " whatsapp_business_messaging"))
            .property(ConfigProperty.secret(APP_SECRET, "The Meta app's App Secret: signs the webhooks"))
            .property(ConfigProperty.secret(VERIFY_TOKEN, "The verify token typed into the app's webhook settings"))
            .property(ConfigProperty.withDefault(API_VERSION, "The Graph API version", "v21.0"))
            .property(ConfigProperty.withDefault(BASE_URL, "The API root", "https://graph.facebook.com")
                    .ofType(ConfigType.url()))
            .defaultTimeout(Duration.ofSeconds(15))
            .build();

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NotificationProvider create(ProviderContext context) {
        String phoneNumberId = context.config().require(PHONE_NUMBER_ID).strip();
        if (!phoneNumberId.matches("[0-9]{5,30}")) {
            throw new PermanentProviderException("tijarat.provider." + ID + "." + PHONE_NUMBER_ID
                    + " must be the phone number's id: digits, as WhatsApp Manager shows it");
        }
        String version = context.config().require(API_VERSION).strip();
        if (!version.matches("v[0-9]{1,3}\\.[0-9]{1,3}")) {
            throw new PermanentProviderException("tijarat.provider." + ID + "." + API_VERSION + " must look like v21.0");
        }
        String base = context.config().require(BASE_URL).strip();
        return new WhatsAppCloudProvider(context.httpClient(),
                URI.create((base.endsWith("/") ? base : base + "/") + version + "/" + phoneNumberId + "/messages"),
                phoneNumberId, context.config().secret(ACCESS_TOKEN), context.config().secret(APP_SECRET),
                context.config().secret(VERIFY_TOKEN));
    }
}
