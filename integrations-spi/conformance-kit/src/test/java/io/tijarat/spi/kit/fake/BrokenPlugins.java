package io.tijarat.spi.kit.fake;

import io.tijarat.spi.ConfigProperty;
import io.tijarat.spi.ConfigType;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderKind;
import io.tijarat.spi.payment.PaymentCapability;
import io.tijarat.spi.shipping.ShippingCapability;
import java.time.Duration;

/**
 * Fake plugins with one deliberate bug each, listed in {@code META-INF/services} like real plugins
 * (except {@link Unlisted}), so the kit's tests can show which contract case catches which bug.
 */
public final class BrokenPlugins {

    private BrokenPlugins() {
    }

    /** Declines on HTTP 500. */
    public static final class DeclinesOnServerError extends FakePayProviderFactory {
        public DeclinesOnServerError() {
            super(Quirk.DECLINES_ON_SERVER_ERROR);
        }
    }

    /** Logs its API key. */
    public static final class LogsSecret extends FakePayProviderFactory {
        public LogsSecret() {
            super(Quirk.LOGS_SECRET);
        }
    }

    /** Sends a new reference on every try. */
    public static final class InventsReference extends FakePayProviderFactory {
        public InventsReference() {
            super(Quirk.INVENTS_REFERENCE);
        }
    }

    /** Calls a refused connection Unknown. */
    public static final class GuessesOnRefusal extends FakePayProviderFactory {
        public GuessesOnRefusal() {
            super(Quirk.GUESSES_ON_REFUSAL);
        }
    }

    /** Throws on an HTML page. */
    public static final class CrashesOnHtml extends FakePayProviderFactory {
        public CrashesOnHtml() {
            super(Quirk.CRASHES_ON_HTML);
        }
    }

    /** Calls the gateway in create. */
    public static final class CallsGatewayInCreate extends FakePayProviderFactory {
        public CallsGatewayInCreate() {
            super(Quirk.CALLS_GATEWAY_IN_CREATE);
        }
    }

    /** Uses io.tijarat.spi.internal. */
    public static final class UsesSpiInternals extends FakePayProviderFactory {
        public UsesSpiInternals() {
            super(Quirk.USES_SPI_INTERNALS);
        }
    }

    /** Fails with NoSuchElementException when its base URL is missing. */
    public static final class IgnoresMissingKey extends FakePayProviderFactory {
        public IgnoresMissingKey() {
            super(Quirk.IGNORES_MISSING_KEY);
        }
    }

    /** Works, but takes the id the project reserves for its own JazzCash plugin. */
    public static final class ClaimsReservedId extends FakePayProviderFactory {
        private static final ProviderDescriptor AS_JAZZCASH = describe("jazzcash", ConfigType.text(),
                PaymentCapability.INQUIRY);

        @Override
        public ProviderDescriptor descriptor() {
            return AS_JAZZCASH;
        }
    }

    /** Declares its base URL a small number: the server would refuse the URL its own tests configure. */
    public static final class MistypesBaseUrl extends FakePayProviderFactory {
        private static final ProviderDescriptor MISTYPED = describe("fake-pay", ConfigType.integer(1, 10),
                PaymentCapability.INQUIRY);

        @Override
        public ProviderDescriptor descriptor() {
            return MISTYPED;
        }
    }

    /** Works, but is missing from META-INF/services. */
    public static final class Unlisted extends FakePayProviderFactory {
    }

    /** Declares REFUND without implementing refund(). */
    public static final class ClaimsRefund extends FakePayProviderFactory {
        private static final ProviderDescriptor WITH_REFUND = describe("fake-pay", ConfigType.text(),
                PaymentCapability.INQUIRY, PaymentCapability.REFUND);

        @Override
        public ProviderDescriptor descriptor() {
            return WITH_REFUND;
        }
    }

    /** Declares TRACKING without implementing track(). */
    public static final class ClaimsTracking extends FakeCourierProviderFactory {
        public ClaimsTracking() {
            super(Quirk.NONE, ShippingCapability.TRACKING);
        }
    }

    /** Declares TRACKING_WEBHOOKS and believes any webhook with a signature header. */
    public static final class AcceptsTamperedWebhooks extends FakeCourierProviderFactory {
        public AcceptsTamperedWebhooks() {
            super(Quirk.ACCEPTS_TAMPERED_WEBHOOKS, ShippingCapability.TRACKING_WEBHOOKS);
        }
    }

    /** Asks the rider to collect the COD amount in paisa. */
    public static final class SendsCodInPaisa extends FakeCourierProviderFactory {
        public SendsCodInPaisa() {
            super(Quirk.SENDS_COD_IN_PAISA, ShippingCapability.COD);
        }
    }

    /** Rejects a message whose answer came too late. */
    public static final class RejectsOnTimeout extends FakeSmsProviderFactory {
        public RejectsOnTimeout() {
            super(Quirk.REJECTS_ON_TIMEOUT);
        }
    }
}
