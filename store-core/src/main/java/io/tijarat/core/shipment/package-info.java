/**
 * Fulfilment: booking a shipment with the order's courier (persisted before the call, the answer recorded
 * after; a failure leaves the order fulfillable again with the error shown), tracking it — polled on a schedule
 * with backoff, and pushed by couriers that sign webhooks ({@link io.tijarat.core.shipment.TrackingEvents},
 * stored once per event) — until delivered or returned, moving the order through one forward-only function
 * ({@link io.tijarat.core.shipment.TrackingProgress}), and matching the couriers' cash-on-delivery remittances
 * to orders, reporting what is missing, short or charged for a return.
 */
package io.tijarat.core.shipment;
