/**
 * Reconciliation: attempts and refunds left pending or unknown are claimed in batches and the provider is
 * asked about them (never inside a transaction), and the answer is settled through {@code settlement}.
 */
package io.tijarat.core.payment.reconciliation;
