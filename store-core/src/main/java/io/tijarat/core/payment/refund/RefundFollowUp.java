package io.tijarat.core.payment.refund;

import io.tijarat.core.jobs.JobResult;

/**
 * The refunds the reconciler follows up on each run: those the provider left pending or unknown. Implemented
 * by the refund area and declared here, so that the reconciler can drive it without this package depending on
 * refunds (which depend on payment attempts).
 */
public interface RefundFollowUp {

    /**
     * Asks the providers about the refunds that are due, one at a time, each outside any transaction, and
     * records each answer in its own transaction; one failure never stops the others.
     *
     * @return how many refunds were looked at
     */
    int followUp(JobResult.Tally tally);
}
