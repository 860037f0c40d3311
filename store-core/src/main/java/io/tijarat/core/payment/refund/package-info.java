/**
 * Refunds: through the payment provider when it can (persisted before the call, the answer recorded
 * after, no transaction open across the call), otherwise recorded as manual by the staff member who paid
 * the customer back. The refunds of an order never add up to more than was paid, nor those of one payment more
 * than it took; an order with several approved payments needs the refund to name one. A refund the provider
 * left pending or unknown is settled by the reconciler asking the provider ({@link
 * io.tijarat.core.payment.refund.RefundFollowUps}); one the provider cannot make or be asked about waits for staff, and
 * an admin resolves it, audited ({@link io.tijarat.core.payment.refund.RefundLedger#resolve}).
 */
package io.tijarat.core.payment.refund;
