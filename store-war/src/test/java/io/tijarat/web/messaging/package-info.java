/** What the shop sends after an order changes: outbox messages to customers and signed webhooks to merchants. */
package io.tijarat.web.messaging;
