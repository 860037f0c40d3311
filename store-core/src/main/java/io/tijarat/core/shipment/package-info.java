/**
 * Fulfilment: booking a shipment with the order's courier (persisted before the call, the answer recorded
 * after; a failure leaves the order fulfillable again with the error shown), tracking it on a schedule with
 * backoff until delivered or returned (moving the order), and matching the couriers' cash-on-delivery
 * remittances to orders, reporting what is missing, short or charged for a return.
 */
package io.tijarat.core.shipment;
