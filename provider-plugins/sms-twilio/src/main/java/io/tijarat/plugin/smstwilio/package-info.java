/**
 * Twilio Programmable Messaging, provider id {@code sms-twilio}, from Twilio's public REST API documentation
 * (twilio.com/docs/messaging/api/message-resource, /docs/usage/webhooks/webhooks-security,
 * /docs/messaging/guides/webhook-request, /docs/api/errors), cross-checked with Twilio's own SDKs (twilio-java
 * {@code RequestValidator}, twilio-node, twilio-ruby) and independent ones (ExTwilio, twilio_elixir, several
 * stand-alone validators), which agree on every point used here:
 * <ul>
 *   <li>Send: {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}, HTTP Basic with the Account SID and
 *       Auth Token, form fields {@code To} (E.164), {@code From} (a Twilio number or sender id) or
 *       {@code MessagingServiceSid} ({@code MG…}), {@code Body}, optional {@code StatusCallback}. Answer 201 with the
 *       message as JSON ({@code sid}, {@code status}); errors as JSON {@code {code, message, more_info, status}}.</li>
 *   <li>Fetch: {@code GET …/Messages/{Sid}.json}; {@code status} is one of queued, accepted, scheduled, sending,
 *       sent, delivered, read, partially_delivered, undelivered, failed, canceled (receiving, received for inbound
 *       messages) — the enum in Twilio's OpenAPI description.</li>
 *   <li>Webhooks (a customer's message to the shop's number; the status callback): form-encoded POSTs signed in
 *       {@code X-Twilio-Signature} = Base64(HMAC-SHA1(Auth Token, the full URL Twilio called + every POST parameter,
 *       sorted by name, as name then value with no separators)).</li>
 * </ul>
 * The Messages resource takes no idempotency key, so a send whose answer was lost may have gone out
 * ({@code Unknown}: the core does not resend it).
 */
package io.tijarat.plugin.smstwilio;
