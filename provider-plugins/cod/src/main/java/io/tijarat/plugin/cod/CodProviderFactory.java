package io.tijarat.plugin.cod;

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
 * The {@link java.util.ServiceLoader} entry of the cash-on-delivery plugin. Declares only
 * {@code COLLECT_ON_DELIVERY}: there is no gateway to inquire, refund through or void at; staff refund
 * cash by hand, and the courier's remittance settles the attempt.
 */
public final class CodProviderFactory implements PaymentProviderFactory {

    /** The provider's public name, forever: it is in configuration keys and stored payment records. */
    public static final String ID = "cod";

    static final String MAX_AMOUNT = "max-amount";
    static final String CITIES = "cities";
    static final String PHONE_CONFIRMATION = "phone-confirmation";

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.builder(ID, ProviderKind.PAYMENT)
            .displayName("Cash on delivery")
            .capabilities(PaymentCapability.COLLECT_ON_DELIVERY)
            .pluginVersion(pluginVersion())
            .property(ConfigProperty.withDefault(MAX_AMOUNT, "The largest order total, in paisa, a customer may pay in"
                    + " cash on delivery (5000000 = Rs 50,000); above it they are asked to pay another way", "5000000"))
            .property(ConfigProperty.optional(CITIES, "The only cities where cash on delivery is offered,"
                    + " comma-separated, in English or Urdu (Karachi, Lahore, لاہور); any case and spacing. Unset:"
                    + " everywhere. A customer elsewhere is asked to pay another way. A payment request that carries no"
                    + " delivery city is accepted"))
            .property(ConfigProperty.withDefault(PHONE_CONFIRMATION, "true if every COD order waits for the customer's"
                    + " confirmation (SMS reply or a call from the shop) before dispatch; the customer is told so at"
                    + " checkout", "false").ofType(ConfigType.bool()))
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
        return new CodProvider(CodSettings.from(context.config()), context.logger());
    }

    /** The jar's Implementation-Version; a build from the classes directory (tests, IDE) has none. */
    private static String pluginVersion() {
        return Optional.ofNullable(CodProviderFactory.class.getPackage().getImplementationVersion())
                .orElse("development");
    }
}
