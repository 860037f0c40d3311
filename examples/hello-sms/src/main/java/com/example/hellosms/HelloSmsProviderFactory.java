package com.example.hellosms;

import io.tijarat.spi.ConfigProperty;
import io.tijarat.spi.ProviderContext;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderKind;
import io.tijarat.spi.notification.NotificationCapability;
import io.tijarat.spi.notification.NotificationProvider;
import io.tijarat.spi.notification.NotificationProviderFactory;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@link java.util.ServiceLoader} entry of the Hello SMS plugin, listed in
 * {@code META-INF/services/io.tijarat.spi.notification.NotificationProviderFactory}. The server makes
 * one per plugin jar, through the public no-argument constructor, and calls {@link #create} again
 * whenever the provider's configuration changes. Stateless and thread-safe.
 */
public final class HelloSmsProviderFactory implements NotificationProviderFactory {

    /** The provider's public name, forever: it is in configuration keys and stored message records. */
    public static final String ID = "hello-sms";

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.builder(ID, ProviderKind.NOTIFICATION)
            .displayName("Hello SMS")
            .pluginVersion(pluginVersion())
            // The gateway takes UTF-8 and chooses the encoding itself, so Urdu text can be sent as it is.
            .capabilities(NotificationCapability.SMS, NotificationCapability.UNICODE_SMS)
            .property(ConfigProperty.required(HelloSmsSettings.BASE_URL,
                    "The gateway's address, https://api.hello-sms.example (without /v1)"))
            .property(ConfigProperty.secret(HelloSmsSettings.API_KEY,
                    "The API key from the Hello SMS dashboard (Settings > API keys)"))
            .property(ConfigProperty.optional(HelloSmsSettings.SENDER,
                    "The sender mask registered with Hello SMS (1 to 11 letters and digits); unset: the account's"
                            + " default mask"))
            // One HTTP round trip; the gateway answers within a second or two when it is healthy.
            .defaultTimeout(Duration.ofSeconds(10))
            .build();

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /**
     * Reads and checks the configuration; calls nobody (the server must start while the gateway is down).
     *
     * @throws io.tijarat.spi.PermanentProviderException naming the key, if the configuration is unusable
     */
    @Override
    public NotificationProvider create(ProviderContext context) {
        return new HelloSmsProvider(HelloSmsSettings.from(context.config()), context.httpClient(), context.logger());
    }

    /** The jar's Implementation-Version; classes run from a directory (tests, an IDE) have none. */
    private static String pluginVersion() {
        return Optional.ofNullable(HelloSmsProviderFactory.class.getPackage().getImplementationVersion())
                .orElse("development");
    }
}
