/**
 * Refunds: through the payment provider when it can (persisted before the call, the answer recorded
 * after, no transaction open across the call), otherwise recorded as manual by the staff member who paid
 * the customer back. The refunds of an order never add up to more than was paid.
 */
package io.tijarat.core.refund;
