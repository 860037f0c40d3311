package io.tijarat.core.payment.reconciliation;

import io.tijarat.core.payment.refund.RefundFollowUp;
import io.tijarat.core.payment.settlement.PaymentSettlement;

import io.tijarat.core.provider.PaymentProviders;
import io.tijarat.core.provider.ProviderUnavailableException;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.payment.InquiryOutcome;
import io.tijarat.spi.payment.InquiryRequest;
import io.tijarat.spi.payment.PaymentCapability;
import io.tijarat.core.config.TijaratSettings;
import io.tijarat.core.jobs.BackgroundJob;
import io.tijarat.core.jobs.JobResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Settles payment attempts nobody has settled yet — started but unanswered (the server stopped), unknown
 * (timeouts), pending (the customer has not acted) — by asking the provider, through the same
 * {@link PaymentSettlement} as callbacks. It respects each provider's minimum delay before the first
 * inquiry and backs off between inquiries; when the provider's window has passed the order expires and an
 * attempt that never got a certain answer is escalated to admins. It also follows up on refunds the provider
 * left pending or unknown ({@link RefundFollowUp}). No transaction is open during an inquiry.
 * A background job ({@code reconciler}, every {@code tijarat.reconciler.interval-seconds}); each attempt is
 * settled in its own transactions and a failure with one never stops the others.
 */
@ApplicationScoped
public class Reconciler implements BackgroundJob {

    private static final Logger LOG = Logger.getLogger(Reconciler.class.getName());

    @Inject
    ReconciliationClaims claims;

    @Inject
    PaymentSettlement settlement;

    @Inject
    PaymentProviders payments;

    @Inject
    Clock clock;

    @Inject
    TijaratSettings settings;

    @Inject
    RefundFollowUp refunds;

    /**
     * Summary of one run; {@code failed} counts attempts or orders that could not be handled this time;
     * {@code refunds} the open refunds asked about.
     */
    public record Run(int looked, int settled, int expired, int failed, int refunds) {
    }

    @Override
    public String name() {
        return "reconciler";
    }

    @Override
    public Duration interval() {
        return settings.reconcilerInterval();
    }

    @Override
    public JobResult run() {
        var tally = new JobResult.Tally();
        Run run = runOnce(tally);
        if (run.looked() > 0 || run.expired() > 0 || run.refunds() > 0) {
            LOG.info(() -> "Reconciler looked at " + run.looked() + " attempts: " + run.settled() + " settled, "
                    + run.expired() + " expired" + (run.failed() > 0 ? ", " + run.failed() + " failed" : "")
                    + "; asked about " + run.refunds() + " refunds");
        }
        return tally.result();
    }

    /** One pass over the attempts that are due; also callable by admins. */
    public Run runOnce() {
        return runOnce(new JobResult.Tally());
    }

    private Run runOnce(JobResult.Tally tally) {
        int looked = 0;
        int settled = 0;
        int expired = 0;
        int failed = 0;
        for (var due : claims.claim(10)) {
            looked++;
            try {
                switch (reconcile(due)) {
                    case SETTLED -> settled++;
                    case EXPIRED -> expired++;
                    default -> { }
                }
                tally.done();
            } catch (RuntimeException e) {
                // this attempt waits for its next check (its claim lease); the others go on
                failed++;
                tally.failed("attempt " + due.attemptId(), e);
            }
        }
        long unpaidExpiryMinutes = settings.unpaidExpiry().toMinutes();
        for (String orderId : claims.abandonedUnpaidOrders(settings.unpaidExpiry(), 50)) {
            try {
                if (settlement.expireAbandoned(orderId, "no successful payment within " + unpaidExpiryMinutes + " minutes")) {
                    expired++;
                }
                tally.done();
            } catch (RuntimeException e) {
                failed++;
                tally.failed("order " + orderId, e);
            }
        }
        int refundsLooked = refunds.followUp(tally);
        return new Run(looked, settled, expired, failed, refundsLooked);
    }

    private enum Result { SETTLED, EXPIRED, WAITING }

    private Result reconcile(ReconciliationClaims.Due due) {
        Instant now = clock.instant();
        Optional<PaymentProviders.Timing> timing = payments.timing(due.providerId());
        if (timing.isEmpty()) {
            claims.nextCheck(due.attemptId(), now.plus(Duration.ofMinutes(10))); // provider not installed now
            return Result.WAITING;
        }
        var schedule = new ReconcileSchedule(due.createdAt(), timing.get(),
                payments.descriptor(due.providerId()).map(d -> d.supports(PaymentCapability.INQUIRY)).orElse(false));
        boolean neverMade = false;
        if (schedule.inquireNow(now)) {
            InquiryOutcome news = inquire(due);
            neverMade = news instanceof InquiryOutcome.NotFound;
            var after = settlement.settle(due.attemptId(), news, "inquiry");
            if (!after.attempt().isOpen()) {
                return Result.SETTLED;
            }
        }
        if (schedule.whenStillOpen(now, due.checks()) instanceof ReconcileSchedule.CheckAt check) {
            claims.nextCheck(due.attemptId(), check.at());
            return Result.WAITING;
        }
        settlement.expire(due.attemptId(), "no payment within " + timing.get().expiresAfter().toMinutes()
                + " minutes (" + due.providerId() + ")", neverMade);
        return Result.EXPIRED;
    }

    private InquiryOutcome inquire(ReconciliationClaims.Due due) {
        try {
            return payments.inquire(due.providerId(), new InquiryRequest(IdempotencyKey.of(due.attemptId()),
                    Optional.ofNullable(due.gatewayReference()), Money.of(due.amountMinor(), due.currency()), due.createdAt()));
        } catch (ProviderUnavailableException e) {
            return new InquiryOutcome.Unknown("the provider could not be asked: " + e.getMessage());
        }
    }
}
