/**
 * Inbound provider events (IPN, webhooks): verified over the raw bytes by the provider's plugin, stored
 * once per provider and event key (duplicates are acknowledged and ignored), acknowledged at once and
 * applied afterwards through {@link io.tijarat.core.payment.settlement.PaymentSettlement} — the same idempotent path
 * as inquiries. An unsigned report is only a hint: it is confirmed by inquiry before it changes anything.
 */
package io.tijarat.core.payment.inbound;
