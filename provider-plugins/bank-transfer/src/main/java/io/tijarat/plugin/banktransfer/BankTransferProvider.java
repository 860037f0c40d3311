package io.tijarat.plugin.banktransfer;

import io.tijarat.spi.Money;
import io.tijarat.spi.ProviderLogger;
import io.tijarat.spi.payment.CustomerAction;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentProvider;
import io.tijarat.spi.payment.PaymentRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Tells the customer where to transfer the money and what to quote; calls no one.
 *
 * <p>The reference to quote is the shop's order number: unique per order, short enough for a banking
 * app's remarks field, and what staff look for on the statement. The outcome depends only on the
 * request, the settings and the clock (for the deadline shown), so the same attempt gets the same
 * instructions however often the core asks and from however many threads; there is nothing to
 * remember between calls.
 *
 * <p>No {@code INQUIRY}: no gateway knows a transfer. The SPI settles {@link CustomerAction.PayOffline}
 * when staff confirm the transfer against the bank statement; an attempt still unpaid after
 * {@link #attemptExpiresAfter()} expires, and the core returns its stock.
 */
final class BankTransferProvider implements PaymentProvider {

    private final BankTransferSettings settings;
    private final Clock clock;
    private final ProviderLogger logger;

    BankTransferProvider(BankTransferSettings settings, Clock clock, ProviderLogger logger) {
        this.settings = settings;
        this.clock = clock;
        this.logger = logger;
    }

    @Override
    public PaymentOutcome start(PaymentRequest request) {
        PaymentOutcome outcome = decide(request);
        logger.info("bank-transfer start attempt=" + request.attemptId() + " outcome="
                + outcome.getClass().getSimpleName());
        return outcome;
    }

    private PaymentOutcome decide(PaymentRequest request) {
        BankTransferTexts texts = BankTransferTexts.of(request.locale());
        if (!Money.PKR.equals(request.amount().currency())) {
            return new PaymentOutcome.Declined("BT_CURRENCY", texts.rupeesOnly());
        }
        String reference = request.orderNumber();
        Instant deadline = clock.instant().plus(settings.payableFor());
        String instructions = texts.payInto(request.amount(), settings, reference, deadline);
        return PaymentOutcome.Pending.of(new CustomerAction.PayOffline(instructions, Optional.of(reference)));
    }

    /** The operator's {@code expiry-hours}: after it the core expires the unpaid order and returns its stock. */
    @Override
    public Duration attemptExpiresAfter() {
        return settings.payableFor();
    }

    @Override
    public String toString() {
        return "BankTransferProvider[" + settings.bankName() + ", " + settings.iban() + ", payable for "
                + settings.payableFor() + "]";
    }
}
