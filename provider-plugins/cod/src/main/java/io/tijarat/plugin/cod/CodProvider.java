package io.tijarat.plugin.cod;

import io.tijarat.spi.Money;
import io.tijarat.spi.ProviderLogger;
import io.tijarat.spi.payment.CustomerAction;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentProvider;
import io.tijarat.spi.payment.PaymentRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * Accepts or declines cash on delivery for an order — by currency, delivery city and amount — and calls no one.
 *
 * <p>The outcome depends only on the request and the settings, so the same attempt gets the same
 * outcome however often the core asks and from however many threads: that is this provider's
 * idempotency, with nothing to remember.
 *
 * <p>{@code inquire} is not offered (no {@code INQUIRY} capability): no gateway knows a COD attempt,
 * and the SPI settles {@link CustomerAction.PayOffline} from the courier's COD remittance instead.
 */
final class CodProvider implements PaymentProvider {

    /**
     * Delivery (up to a week outside the big cities), a refused parcel's return, and the courier's
     * remittance cycle together take weeks; the SPI's default hour would expire every COD order.
     */
    static final Duration PAYABLE_FOR = Duration.ofDays(30);

    private final CodSettings settings;
    private final ProviderLogger logger;

    CodProvider(CodSettings settings, ProviderLogger logger) {
        this.settings = settings;
        this.logger = logger;
    }

    @Override
    public PaymentOutcome start(PaymentRequest request) {
        PaymentOutcome outcome = decide(request);
        logger.info("cod start attempt=" + request.attemptId() + " outcome=" + outcome.getClass().getSimpleName());
        return outcome;
    }

    private PaymentOutcome decide(PaymentRequest request) {
        CodTexts texts = CodTexts.of(request.locale());
        Money amount = request.amount();
        if (!Money.PKR.equals(amount.currency())) {
            return new PaymentOutcome.Declined("COD_CURRENCY", texts.rupeesOnly());
        }
        // No city: the core did not know it (SPI 1.1 made it optional, and a request built the 1.0 way has none).
        // Decide without it rather than refuse everyone; the courier's own COD coverage still applies.
        if (request.deliveryCity().filter(city -> !settings.cities().includes(city)).isPresent()) {
            return new PaymentOutcome.Declined("COD_CITY", texts.notInYourCity());
        }
        if (amount.isGreaterThan(settings.maxAmount())) {
            return new PaymentOutcome.Declined("COD_ABOVE_LIMIT", texts.aboveLimit(settings.maxAmount()));
        }
        String instructions = texts.payTheCourier(amount, settings.phoneConfirmation());
        // With COLLECT_ON_DELIVERY, ApproveOnPhone tells the core to hold the order until the customer confirms;
        // PayOffline means "ship it, the courier collects".
        return PaymentOutcome.Pending.of(settings.phoneConfirmation()
                ? new CustomerAction.ApproveOnPhone(instructions, Optional.empty())
                : new CustomerAction.PayOffline(instructions, Optional.empty()));
    }

    @Override
    public Duration attemptExpiresAfter() {
        return PAYABLE_FOR;
    }

    @Override
    public String toString() {
        return "CodProvider[max " + settings.maxAmount() + ", phone confirmation " + settings.phoneConfirmation()
                + ", cities " + settings.cities() + "]";
    }
}
