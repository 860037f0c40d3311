/**
 * Cash on delivery, provider id {@code cod}: the customer pays the courier in cash when the parcel
 * arrives, so starting a payment calls no one. It answers {@code Pending} with
 * {@link io.tijarat.spi.payment.CustomerAction.PayOffline}, and the core settles the attempt from the
 * courier's COD remittance. The plugin's rules are the operator's: an upper limit on the order total, the
 * cities where cash on delivery is offered (from the request's delivery city, SPI 1.1), and whether the shop
 * phones the customer to confirm before dispatch.
 */
package io.tijarat.plugin.cod;
