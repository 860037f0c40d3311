package io.tijarat.plugin.emailsmtp;

import io.tijarat.spi.ConfigProperty;
import io.tijarat.spi.ConfigType;
import io.tijarat.spi.ProviderContext;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderKind;
import io.tijarat.spi.notification.NotificationCapability;
import io.tijarat.spi.notification.NotificationProvider;
import io.tijarat.spi.notification.NotificationProviderFactory;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@link java.util.ServiceLoader} entry of the SMTP e-mail plugin.
 *
 * <p>Capabilities: {@code EMAIL} only. E-mail carries Urdu as it is (UTF-8), so there is nothing like
 * {@code UNICODE_SMS} to declare (the SPI allows that one only with {@code SMS}); and not
 * {@code DELIVERY_REPORTS}: SMTP tells whether the server took a message, not whether it arrived (bounces come
 * later, by mail, to the sender's mailbox).
 *
 * <p>Stateless and thread-safe; {@link #create} reads the configuration and the truststore file, and connects
 * to nothing.
 */
public final class EmailSmtpProviderFactory implements NotificationProviderFactory {

    /** The provider's public name, forever: it is in configuration keys and stored message records. */
    public static final String ID = "email-smtp";

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.builder(ID, ProviderKind.NOTIFICATION)
            .displayName("E-mail (SMTP)")
            .pluginVersion(pluginVersion())
            .capabilities(NotificationCapability.EMAIL)
            .property(ConfigProperty.required(SmtpSettings.HOST, "The SMTP submission server, e.g. smtp.office365.com,"
                    + " smtp.gmail.com or your host's mail server"))
            .property(ConfigProperty.withDefault(SmtpSettings.PORT, "The server's submission port, which speaks"
                    + " STARTTLS: 587 (465, implicit TLS, is not supported)", SmtpSettings.DEFAULT_PORT).ofType(ConfigType.integer(1, 65_535)))
            .property(ConfigProperty.optional(SmtpSettings.USERNAME, "The SMTP login, usually the sender mailbox's"
                    + " address; unset: no login (a relay that trusts this server's address)"))
            // An optional secret: the SPI's factory makes every secret required, and only a login needs one.
            .property(new ConfigProperty(SmtpSettings.PASSWORD, "The SMTP password (an app password where the mailbox"
                    + " has two-step sign-in); required when username is set", false, true, Optional.empty()))
            .property(ConfigProperty.required(SmtpSettings.FROM, "The sender, e.g. Shop <orders@shop.pk>; the login"
                    + " must be allowed to send as this address"))
            .property(ConfigProperty.withDefault(SmtpSettings.TLS, "starttls: the connection must be upgraded to TLS"
                    + " and the server's certificate verified, or nothing is sent; none: plain text, allowed only to"
                    + " a server on this machine (localhost, 127.0.0.1, ::1)", SmtpSettings.DEFAULT_TLS))
            .property(ConfigProperty.withDefault(SmtpSettings.TIMEOUT_MS, "How long one message may take, from"
                    + " connecting to the server's reply to the message, in milliseconds (100 to 300000); keep it"
                    + " below this provider's call budget (30 s unless the operator changed it)",
                    SmtpSettings.DEFAULT_TIMEOUT_MS).ofType(ConfigType.integer(SmtpSettings.MIN_TIMEOUT_MS, SmtpSettings.MAX_TIMEOUT_MS)))
            .property(ConfigProperty.optional(SmtpSettings.TRUSTSTORE, "A PEM file of the certificates to trust for"
                    + " the server (a private CA, a self-signed relay); unset: the JDK's trusted CAs"))
            // Connect, STARTTLS, AUTH and one message: a healthy server answers in a few seconds; a content filter
            // at the final dot can take longer. timeout-ms (25 s) ends a slow call inside this budget.
            .defaultTimeout(Duration.ofSeconds(30))
            .build();

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** @throws io.tijarat.spi.PermanentProviderException naming the key, if the configuration is unusable or unsafe */
    @Override
    public NotificationProvider create(ProviderContext context) {
        SmtpSettings settings = SmtpSettings.from(context.config());
        return new EmailSmtpProvider(settings, TlsTrust.socketFactory(settings),
                new MailComposer(settings.from(), context.clock()), context.logger());
    }

    /** The jar's Implementation-Version; a build from the classes directory (tests, IDE) has none. */
    private static String pluginVersion() {
        return Optional.ofNullable(EmailSmtpProviderFactory.class.getPackage().getImplementationVersion())
                .orElse("development");
    }

    @Override
    public String toString() {
        return "EmailSmtpProviderFactory[" + ID + "]";
    }
}
