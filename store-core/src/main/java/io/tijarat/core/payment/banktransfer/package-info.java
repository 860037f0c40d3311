/**
 * Bank transfers: the customer pays into the shop's account quoting the order number; staff confirm the
 * transfer with the bank's reference, or upload the bank statement and let it be matched by reference and
 * amount. Either way the payment is settled through the one settlement function, and each bank
 * transaction settles at most one order.
 */
package io.tijarat.core.payment.banktransfer;
