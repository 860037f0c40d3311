package io.tijarat.core.payment.refund;

import io.tijarat.core.jobs.JobResult;
import io.tijarat.core.payment.refund.RefundFollowUp;
import io.tijarat.core.provider.PaymentProviders;
import io.tijarat.core.provider.ProviderUnavailableException;
import io.tijarat.spi.payment.RefundOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Settles refunds the provider left pending or unknown (and those whose first answer was lost): claim (one
 * transaction), ask the provider through its fault-tolerance guard (no transaction), record the answer (another
 * transaction). Asked again with back-off; a provider that cannot be asked, or that has not settled a refund
 * within {@link #STAFF_AFTER}, hands it to staff ({@link RefundStatus#AWAITING_STAFF}), so no refund holds its
 * amount forever unseen. Run by the reconciler.
 */
@ApplicationScoped
public class RefundFollowUps implements RefundFollowUp {

    /** How long the reconciler keeps asking before a refund goes to staff. */
    static final Duration STAFF_AFTER = Duration.ofDays(3);

    @Inject
    RefundLedger ledger;

    @Inject
    PaymentProviders payments;

    @Override
    public int followUp(JobResult.Tally tally) {
        int looked = 0;
        for (RefundLedger.Due due : ledger.claimDue(10)) {
            looked++;
            try {
                ledger.settle(due.refundId(), ask(due));
                tally.done();
            } catch (RuntimeException e) {
                // this refund waits for its lease to run out; the others go on
                tally.failed("refund " + due.refundId(), e);
            }
        }
        return looked;
    }

    private RefundOutcome ask(RefundLedger.Due due) {
        try {
            return payments.refundStatus(due.providerId(), due.request());
        } catch (ProviderUnavailableException e) {
            return new RefundOutcome.Unknown("the provider could not be asked: " + e.getMessage());
        }
    }

    /** 1, 2, 4 … minutes, at most 30 (as for payment attempts). */
    static Duration backoff(int checks) {
        return Duration.ofMinutes(Math.min(30, 1L << Math.min(5, Math.max(0, checks - 1))));
    }
}
