package io.tijarat.plugin.smstwilio;

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

/** The {@link java.util.ServiceLoader} entry of the Twilio SMS plugin: SMS (Urdu included), replies, delivery reports. */
public final class TwilioSmsProviderFactory implements NotificationProviderFactory {

    public static final String ID = "sms-twilio";

    static final String ACCOUNT_SID = "account-sid";
    static final String AUTH_TOKEN = "auth-token";
    static final String FROM = "from";
    static final String WEBHOOK_URL = "webhook-url";
    static final String BASE_URL = "base-url";
    static final String PRODUCTION = "https://api.twilio.com";

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.builder(ID, ProviderKind.NOTIFICATION)
            .displayName("Twilio SMS")
            .pluginVersion(Optional.ofNullable(TwilioSmsProviderFactory.class.getPackage().getImplementationVersion())
                    .orElse("development"))
            .capabilities(NotificationCapability.SMS, NotificationCapability.UNICODE_SMS,
                    NotificationCapability.DELIVERY_REPORTS, NotificationCapability.INBOUND_MESSAGES,
                    NotificationCapability.DELIVERY_WEBHOOKS)
            .property(ConfigProperty.required(ACCOUNT_SID, "The Account SID (AC…) from the Twilio console"))
            .property(ConfigProperty.secret(AUTH_TOKEN, "The account's Auth Token: signs requests and webhooks"))
            .property(ConfigProperty.required(FROM, "The sender: a Twilio number in E.164 (+1…), an alphanumeric"
                    + " sender id, or a Messaging Service SID (MG…)"))
            .property(ConfigProperty.optional(WEBHOOK_URL, "This shop's webhook as Twilio calls it, e.g."
                    + " https://shop.example.pk/api/webhooks/sms-twilio: set as the number's messaging webhook in the"
                    + " Twilio console, sent as each message's StatusCallback, and signed by Twilio; without it replies"
                    + " and status callbacks are checked against the address the request arrived at")
                    .ofType(ConfigType.url()))
            .property(ConfigProperty.withDefault(BASE_URL, "The API root", PRODUCTION).ofType(ConfigType.url()))
            .defaultTimeout(Duration.ofSeconds(15))
            .build();

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public NotificationProvider create(ProviderContext context) {
        String sid = context.config().require(ACCOUNT_SID).strip();
        if (!sid.matches("AC[0-9a-fA-F]{32}")) {
            throw new PermanentProviderException("tijarat.provider." + ID + "." + ACCOUNT_SID
                    + " must be an Account SID: AC and 32 hexadecimal digits");
        }
        String base = context.config().require(BASE_URL).strip();
        return new TwilioSmsProvider(context.httpClient(), URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base),
                sid, context.config().secret(AUTH_TOKEN), context.config().require(FROM).strip(),
                context.config().get(WEBHOOK_URL).map(String::strip).filter(s -> !s.isEmpty()));
    }
}
