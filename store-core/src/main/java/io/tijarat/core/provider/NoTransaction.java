package io.tijarat.core.provider;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Refuses a provider call made inside an active transaction. Persist the attempt, commit, call the
 * provider, then persist the outcome in a new transaction: a transaction held across the call would keep
 * its row locks (an order's stock, an attempt) through the gateway's wait, and a rollback after the
 * gateway acted would forget what the provider did.
 */
final class NoTransaction {

    private NoTransaction() {
    }

    /** @throws IllegalStateException if the calling thread has an active (or rollback-only) transaction */
    static void check(TransactionSynchronizationRegistry transactions, String providerId, String operation) {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK) {
            throw new IllegalStateException("provider " + providerId + " was called (" + operation + ") inside an"
                    + " active database transaction; persist the attempt and commit before calling a provider");
        }
    }
}
