/**
 * Merchant webhooks: shop admins register HTTPS URLs for order events, and every event is delivered as a
 * signed JSON POST ({@code Tijarat-Webhook-Signature: v1=<hex HMAC-SHA256>}).
 *
 * <p>Deliveries are written in the same transaction as the order change they announce (one row per
 * subscribed, active endpoint), then sent by a relay that claims rows with {@code FOR UPDATE SKIP LOCKED}
 * and never holds a transaction across the HTTP call. Failed sends are retried on the Standard Webhooks
 * schedule ({@link io.tijarat.core.webhook.RetrySchedule}); an endpoint that keeps failing is disabled, with
 * the reason, until an admin enables it again. In production mode only public addresses over https are
 * ever called ({@link io.tijarat.core.webhook.DestinationPolicy}), checked at registration and before
 * every send.
 *
 * <p>A webhook's secret is generated here, shown once when it is created (or rotated), and never returned or
 * logged afterwards. It is stored encrypted ({@link io.tijarat.core.crypto.SecretBox}); a rotated-out secret keeps
 * signing beside the new one for a grace period ({@code v1=<hex> v1=<hex>}, as Standard Webhooks does).
 */
package io.tijarat.core.webhook;
