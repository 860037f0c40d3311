/**
 * Fulfilment over HTTP with courier plugins: booking, tracking polled and pushed by signed webhooks, and the
 * cash-on-delivery remittance report.
 */
package io.tijarat.web.shipment;
