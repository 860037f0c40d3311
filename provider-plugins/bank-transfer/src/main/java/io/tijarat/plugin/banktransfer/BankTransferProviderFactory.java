package io.tijarat.plugin.banktransfer;

import io.tijarat.spi.ConfigProperty;
import io.tijarat.spi.ConfigType;
import io.tijarat.spi.ProviderContext;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderKind;
import io.tijarat.spi.payment.PaymentProvider;
import io.tijarat.spi.payment.PaymentProviderFactory;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@link java.util.ServiceLoader} entry of the bank-transfer plugin. Declares no capability: there
 * is no gateway to inquire, refund through, void at or hear from; staff confirm transfers against the
 * statement and refund by transfer themselves.
 */
public final class BankTransferProviderFactory implements PaymentProviderFactory {

    /** The provider's public name, forever: it is in configuration keys and stored payment records. */
    public static final String ID = "bank-transfer";

    static final String ACCOUNT_TITLE = "account-title";
    static final String BANK_NAME = "bank-name";
    static final String IBAN = "iban";
    static final String ACCOUNT_NUMBER = "account-number";
    static final String BRANCH = "branch";
    static final String EXPIRY_HOURS = "expiry-hours";

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.builder(ID, ProviderKind.PAYMENT)
            .displayName("Bank transfer")
            .pluginVersion(pluginVersion())
            // Typed (SPI 1.2): the core checks each value's form before create. The names, the bank and the
            // account number are free text as the bank prints them; the IBAN is text too, because its check digits
            // (ISO 13616) are a check no declared type knows, made by BankTransferSettings.
            .property(ConfigProperty.required(ACCOUNT_TITLE, "The account holder's name exactly as the bank shows"
                    + " it (the customer's banking app displays it before the transfer), e.g. Tijarat Traders")
                    .ofType(ConfigType.text()))
            .property(ConfigProperty.required(BANK_NAME, "The bank that holds the shop's account, as customers know"
                    + " it, e.g. Meezan Bank").ofType(ConfigType.text()))
            .property(ConfigProperty.required(IBAN, "The shop's 24-character Pakistani IBAN (PK…), from the bank's"
                    + " letter, cheque book or app; spaces allowed; its check digits are verified at start-up")
                    .ofType(ConfigType.text()))
            .property(ConfigProperty.optional(ACCOUNT_NUMBER, "The bank's own account number, shown to customers"
                    + " whose app or counter asks for it instead of the IBAN").ofType(ConfigType.text()))
            .property(ConfigProperty.optional(BRANCH, "The branch name or code, shown to customers who pay at a"
                    + " counter, e.g. Clifton Block 5, Karachi (0123)").ofType(ConfigType.text()))
            .property(ConfigProperty.withDefault(EXPIRY_HOURS, "How many hours a customer has to transfer the money"
                    + " (1 to 720); after that the unpaid order expires and its stock returns", "72")
                    .ofType(ConfigType.integer(1, BankTransferSettings.MAX_EXPIRY_HOURS)))
            // Nothing leaves the JVM: the budget only has to cover building a message.
            .defaultTimeout(Duration.ofSeconds(5))
            .build();

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** @throws io.tijarat.spi.PermanentProviderException naming the key, if the configuration is invalid */
    @Override
    public PaymentProvider create(ProviderContext context) {
        return new BankTransferProvider(BankTransferSettings.from(context.config()), context.clock(),
                context.logger());
    }

    /** The jar's Implementation-Version; a build from the classes directory (tests, IDE) has none. */
    private static String pluginVersion() {
        return Optional.ofNullable(BankTransferProviderFactory.class.getPackage().getImplementationVersion())
                .orElse("development");
    }
}
