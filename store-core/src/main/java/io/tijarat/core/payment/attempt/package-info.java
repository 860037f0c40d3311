/**
 * Payment attempts: one row per try to take a payment, persisted before the provider is called. The
 * attempt id is the idempotency key and merchant reference the provider sees.
 */
package io.tijarat.core.payment.attempt;
