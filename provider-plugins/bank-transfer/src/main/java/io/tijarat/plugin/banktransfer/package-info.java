/**
 * Bank transfer, provider id {@code bank-transfer}: the customer transfers the order total to the
 * shop's account (IBFT, Raast, or at the bank's counter) and quotes the order number, so starting a
 * payment calls no one. It answers {@code Pending} with
 * {@link io.tijarat.spi.payment.CustomerAction.PayOffline}: the shop's bank details, the amount, the
 * reference and the deadline, in English or Urdu. Staff settle the attempt against the bank statement;
 * an attempt unpaid after the operator's {@code expiry-hours} expires and its stock returns.
 */
package io.tijarat.plugin.banktransfer;
