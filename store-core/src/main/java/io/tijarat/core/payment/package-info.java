/**
 * What happens to money, in one tree: an attempt to take a payment ({@code attempt}), the one function that
 * settles an attempt whatever told us its outcome ({@code settlement}), asking providers about answers we
 * never got ({@code reconciliation}), events and customer returns the providers send us ({@code inbound}),
 * money going back ({@code refund}) and payments into the shop's bank account ({@code banktransfer}).
 */
package io.tijarat.core.payment;
