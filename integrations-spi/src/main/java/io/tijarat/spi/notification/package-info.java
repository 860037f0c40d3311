/**
 * Notification providers: gateways that deliver a message to a customer by SMS or e-mail (Telenor
 * corporate SMS, SMS aggregators, SMTP).
 *
 * <p>The core decides what to send and to whom, and keeps the consent ledger that PTA rules require
 * (promotional messages only to customers who opted in, with an opt-out instruction). Its outbox
 * delivers each message at least once, with the same {@link io.tijarat.spi.IdempotencyKey event id}
 * on every try; a provider delivers it and reports what the gateway said.
 */
package io.tijarat.spi.notification;
