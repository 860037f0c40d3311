/**
 * WhatsApp Business through Meta's Cloud API, provider id {@code whatsapp-cloud}, from Meta's public documentation
 * (developers.facebook.com/docs/whatsapp/cloud-api: messages, webhooks, error codes) cross-checked with independent
 * integrations and the error tables several WhatsApp providers republish (niswey, aivo, whatstool, verloop, exotel),
 * which agree on every point used here:
 * <ul>
 *   <li>Send: {@code POST https://graph.facebook.com/{version}/{phone-number-id}/messages}, {@code Authorization:
 *       Bearer <access token>}, JSON {@code {"messaging_product":"whatsapp","to":"923001234567","type":"template",
 *       "template":{"name":…,"language":{"code":…},"components":[{"type":"body","parameters":[{"type":"text",
 *       "text":…}]}]}}}; free text ({@code "type":"text"}) only within 24 hours of the customer's last message. Answer
 *       {@code {"messages":[{"id":"wamid.…"}]}}; errors {@code {"error":{"message","type","code","error_data":
 *       {"details"},"fbtrace_id"}}}.</li>
 *   <li>Webhook: a {@code GET} with {@code hub.mode=subscribe}, {@code hub.verify_token}, {@code hub.challenge} to
 *       verify the address (answer the challenge); {@code POST}s signed {@code X-Hub-Signature-256: sha256=<hex
 *       HMAC-SHA256 of the raw body with the App Secret>}, carrying {@code entry[].changes[].value.statuses[]} (sent,
 *       delivered, read, failed with {@code errors[]}) and {@code value.messages[]} (text, button, interactive
 *       replies).</li>
 * </ul>
 * The Cloud API takes no idempotency key, so a send whose answer was lost may have gone out ({@code Unknown}: the core
 * does not resend it). Delivery is known only from the webhook (there is no status read), so
 * {@code DELIVERY_WEBHOOKS} is declared and {@code DELIVERY_REPORTS} is not.
 */
package io.tijarat.plugin.whatsapp;
