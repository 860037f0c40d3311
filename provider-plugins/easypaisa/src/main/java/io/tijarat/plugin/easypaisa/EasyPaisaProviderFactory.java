package io.tijarat.plugin.easypaisa;

import io.tijarat.spi.ConfigProperty;
import io.tijarat.spi.ConfigType;
import io.tijarat.spi.ProviderContext;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderKind;
import io.tijarat.spi.payment.PaymentCapability;
import io.tijarat.spi.payment.PaymentProvider;
import io.tijarat.spi.payment.PaymentProviderFactory;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@link java.util.ServiceLoader} entry of the EasyPaisa plugin. Declares {@code INQUIRY} and
 * {@code CALLBACKS}; not {@code REFUND} (EasyPaisa has no refund API: staff refund in the merchant portal
 * and the core records it as a manual refund) and not {@code VOID} (no cancellation API either).
 */
public final class EasyPaisaProviderFactory implements PaymentProviderFactory {

    /** The provider's public name, forever: it is in configuration keys and stored payment records. */
    public static final String ID = "easypaisa";

    /**
     * One call's budget. A mobile-account payment may be held until the customer enters the PIN on the
     * phone; 75 s covers EasyPaisa's prompt with a margin.
     */
    static final Duration BUDGET = Duration.ofSeconds(75);

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.builder(ID, ProviderKind.PAYMENT)
            .displayName("EasyPaisa")
            .pluginVersion(pluginVersion())
            .capabilities(PaymentCapability.INQUIRY, PaymentCapability.CALLBACKS)
            // Typed (SPI 1.2) where a ConfigType knows the form: the core checks those values before create. The
            // store id, account number, user and hash key have shapes of EasyPaisa's own, checked by the settings.
            .property(ConfigProperty.required(EasyPaisaSettings.STORE_ID,
                    "The numeric store id from the EasyPaisa merchant portal"))
            .property(ConfigProperty.required(EasyPaisaSettings.ACCOUNT_NUMBER,
                    "The merchant's EasyPaisa account number from the portal; inquiries must name it (accountNum)"))
            .property(ConfigProperty.required(EasyPaisaSettings.USERNAME,
                    "The REST API username EasyPaisa issued for the store"))
            .property(ConfigProperty.secret(EasyPaisaSettings.PASSWORD,
                    "The REST API password EasyPaisa issued for the store"))
            .property(ConfigProperty.secret(EasyPaisaSettings.HASH_KEY,
                    "The 16-character hash key from the EasyPaisa merchant portal; it encrypts merchantHashedReq"))
            .property(ConfigProperty.withDefault(EasyPaisaSettings.BASE_URL,
                    "EasyPaisa's host: " + EasyPaisaSettings.SANDBOX_URL + " (sandbox) or " + EasyPaisaSettings.LIVE_URL
                            + " (live); http://127.0.0.1:<port> for the test stub", EasyPaisaSettings.SANDBOX_URL)
                    .ofType(ConfigType.httpsUrl()))
            .property(ConfigProperty.optional(EasyPaisaSettings.POSTBACK_URL,
                    "The shop's public https URL of the core's EasyPaisa return endpoint"
                            + " (https://<shop>/api/payments/return/easypaisa), for payment requests that bring no"
                            + " return URL; the core sends one with every checkout. EasyPaisa sends the customer's"
                            + " browser back there (the plugin adds ?attempt=<id>)").ofType(ConfigType.httpsUrl()))
            .property(ConfigProperty.withDefault(EasyPaisaSettings.MODE,
                    "sandbox or live; live refuses a sandbox or local base-url, sandbox refuses the production host",
                    "sandbox").ofType(ConfigType.oneOf("sandbox", "live")))
            .property(ConfigProperty.withDefault(EasyPaisaSettings.VOUCHER_VALIDITY_HOURS,
                    "How many hours an over-the-counter payment token can be paid, 1 to 720", "72")
                    .ofType(ConfigType.integer(1, EasyPaisaSettings.MAX_VOUCHER_HOURS)))
            .property(ConfigProperty.withDefault(EasyPaisaSettings.FALLBACK_EMAIL,
                    "The e-mail address sent as emailAddress when the customer gave none (EasyPaisa's API takes one"
                            + " with every mobile-account and voucher payment): set the shop's no-reply address",
                    EasyPaisaSettings.DEFAULT_FALLBACK_EMAIL))
            .defaultTimeout(BUDGET)
            .build();

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** @throws io.tijarat.spi.PermanentProviderException naming the key, if the configuration is invalid */
    @Override
    public PaymentProvider create(ProviderContext context) {
        EasyPaisaSettings settings = EasyPaisaSettings.from(context.config());
        if (settings.mode() == EasyPaisaSettings.Mode.LIVE && settings.fallbackEmailIsDefault()) {
            context.logger().warn(settings.key(EasyPaisaSettings.FALLBACK_EMAIL) + " is not set: payments of customers"
                    + " who gave no e-mail address go to EasyPaisa with " + EasyPaisaSettings.DEFAULT_FALLBACK_EMAIL
                    + "; set it to the shop's no-reply address");
        }
        return new EasyPaisaProvider(settings, context.httpClient(), context.clock(), context.logger());
    }

    /** The jar's Implementation-Version; a build from the classes directory (tests, IDE) has none. */
    private static String pluginVersion() {
        return Optional.ofNullable(EasyPaisaProviderFactory.class.getPackage().getImplementationVersion())
                .orElse("development");
    }
}
