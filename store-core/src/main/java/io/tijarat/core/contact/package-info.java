/**
 * What customers say to the shop and what they agreed to: their replies by SMS or WhatsApp, stored once and read
 * (cash-on-delivery confirmation by reply, STOP and START), staff's queue of orders waiting for a confirmation, and
 * the append-only consent ledger for promotional messages. Depends on the order area (to confirm or cancel) and the
 * outbox (pushed delivery reports, the SMS sent instead of an undeliverable WhatsApp message); neither depends on it.
 */
package io.tijarat.core.contact;
