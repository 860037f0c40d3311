package io.tijarat.plugin.jazzcash;

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
 * The {@link java.util.ServiceLoader} entry of the JazzCash plugin.
 *
 * <p>Capabilities, declared for what JazzCash's API does: {@code INQUIRY} (status inquiry),
 * {@code REFUND} and {@code PARTIAL_REFUND} (the wallet and card refunds take an amount; a voucher payment has
 * no refund API and is answered {@code NotSupported}, which the core hands to staff), {@code CALLBACKS}
 * (signed return and IPN). Not {@code IDEMPOTENT_REFUND}: a refund request has no reference of its own,
 * so JazzCash cannot drop a repeat. Not {@code VOID}: the notes document no cancellation.
 */
public final class JazzCashProviderFactory implements PaymentProviderFactory {

    /** The provider's public name, forever: it is in configuration keys and stored payment records. */
    public static final String ID = "jazzcash";

    /** The time budget of one call: a wallet payment waits for the customer's MPIN. */
    static final Duration BUDGET = Duration.ofSeconds(75);

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.builder(ID, ProviderKind.PAYMENT)
            .displayName("JazzCash")
            .pluginVersion(pluginVersion())
            .capabilities(PaymentCapability.INQUIRY, PaymentCapability.REFUND, PaymentCapability.PARTIAL_REFUND,
                    PaymentCapability.CALLBACKS)
            // Typed (SPI 1.2) where a ConfigType knows the form: the core checks those values before create.
            .property(ConfigProperty.required(JazzCashSettings.MERCHANT_ID, "Merchant ID from the JazzCash portal"
                    + " (pp_MerchantID)"))
            .property(ConfigProperty.secret(JazzCashSettings.PASSWORD, "API password from the JazzCash portal"
                    + " (pp_Password)"))
            .property(ConfigProperty.secret(JazzCashSettings.INTEGRITY_SALT, "Integrity salt from the JazzCash"
                    + " portal: the key of pp_SecureHash"))
            // An optional secret: the SPI's factories make every secret required, and only refunds need the MPIN.
            .property(new ConfigProperty(JazzCashSettings.MERCHANT_MPIN, "Merchant MPIN from the JazzCash portal"
                    + " (pp_MerchantMPIN); needed for refunds only", false, true, Optional.empty()))
            .property(ConfigProperty.withDefault(JazzCashSettings.BASE_URL, "JazzCash's host: "
                    + JazzCashSettings.SANDBOX_URL + " (sandbox) or " + JazzCashSettings.LIVE_URL + " (live)",
                    JazzCashSettings.SANDBOX_URL).ofType(ConfigType.httpsUrl()))
            .property(ConfigProperty.optional(JazzCashSettings.RETURN_URL, "Where JazzCash's page sends the customer"
                    + " back (pp_ReturnURL), as registered in the portal; used when a payment request brings none")
                    .ofType(ConfigType.httpsUrl()))
            .property(ConfigProperty.withDefault(JazzCashSettings.MODE, "sandbox or live; live refuses sandbox hosts,"
                    + " stubs and sandbox-looking credentials", "sandbox").ofType(ConfigType.oneOf("sandbox", "live")))
            .property(ConfigProperty.withDefault(JazzCashSettings.VOUCHER_VALIDITY_HOURS, "How many hours an"
                    + " over-the-counter voucher can be paid (1 to 2160)", "72")
                    .ofType(ConfigType.integer(1, JazzCashSettings.MAX_VOUCHER_HOURS)))
            .property(ConfigProperty.optional(Endpoints.PROFILE, "Which paths the host serves: application-api"
                    + " (sandbox and payments.jazzcash.com.pk) or pgw (pgw.jazzcash.com.pk); default: from base-url's host")
                    .ofType(ConfigType.oneOf(Endpoints.Profile.settings())))
            .property(ConfigProperty.optional("path.wallet", "Overrides the path of the wallet call below base-url,"
                    + " as JazzCash's documents for the merchant give it"))
            .property(ConfigProperty.optional("path.voucher", "Overrides the path of the voucher call below base-url,"
                    + " as JazzCash's documents for the merchant give it"))
            .property(ConfigProperty.optional("path.inquiry", "Overrides the path of the inquiry call below base-url,"
                    + " as JazzCash's documents for the merchant give it"))
            .property(ConfigProperty.optional("path.wallet-refund", "Overrides the path of the wallet-refund call below base-url,"
                    + " as JazzCash's documents for the merchant give it"))
            .property(ConfigProperty.optional("path.card-refund", "Overrides the path of the card-refund call below base-url,"
                    + " as JazzCash's documents for the merchant give it"))
            .property(ConfigProperty.optional("path.hosted-checkout", "Overrides the path of the hosted-checkout call below base-url,"
                    + " as JazzCash's documents for the merchant give it"))
            // A wallet payment waits for the customer's MPIN (about a minute); the wallet call gives up at 70 s.
            .defaultTimeout(BUDGET)
            .build();

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** @throws io.tijarat.spi.PermanentProviderException naming the key, if the configuration is invalid or unsafe */
    @Override
    public PaymentProvider create(ProviderContext context) {
        JazzCashSettings settings = JazzCashSettings.from(context.config());
        SecureHash hash = new SecureHash(settings.integritySalt());
        JazzCashApi api = new JazzCashApi(settings, hash, context.httpClient(), context.logger());
        StartOutcomes outcomes = new StartOutcomes(settings);
        return new JazzCashProvider(settings,
                new HostedCheckout(settings, hash, context.clock()),
                new WalletPayment(settings, api, outcomes, context.clock()),
                new VoucherPayment(settings, api, outcomes, context.clock()),
                new StatusInquiry(settings, api),
                new RefundApi(settings, api),
                new CallbackVerifier(settings, hash),
                context.logger());
    }

    /** The jar's Implementation-Version; a build from the classes directory (tests, IDE) has none. */
    private static String pluginVersion() {
        return Optional.ofNullable(JazzCashProviderFactory.class.getPackage().getImplementationVersion())
                .orElse("development");
    }

    @Override
    public String toString() {
        return "JazzCashProviderFactory[" + ID + "]";
    }
}
