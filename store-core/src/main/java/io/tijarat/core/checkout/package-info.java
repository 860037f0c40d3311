/**
 * Checkout: turns a cart into an order and starts its payment. The order, the stock reservation and the
 * payment attempt are committed before the provider is called; the provider's answer is recorded in a
 * new transaction. No transaction is ever open across a provider call. Order access tokens are kept only as
 * SHA-256 hashes ({@link io.tijarat.core.checkout.OrderAccess}).
 */
package io.tijarat.core.checkout;
