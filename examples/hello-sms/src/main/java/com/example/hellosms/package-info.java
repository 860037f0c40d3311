/**
 * Hello SMS, provider id {@code hello-sms}: a notification plugin for Tijarat that sends SMS through the
 * Hello SMS HTTP gateway. (Hello SMS is made up, as an example; its API is shaped like real ones.)
 *
 * <h2>The gateway's API</h2>
 * <pre>
 * POST {base-url}/v1/messages
 * Authorization: Bearer {api-key}
 * Content-Type: application/json; charset=utf-8
 *
 * {"to": "+923001234567", "text": "Your order 1042 has been dispatched.", "reference": "T7K2M9Q4X1B8C3D5",
 *  "from": "MYSHOP"}
 * </pre>
 * <ul>
 *   <li>{@code 202 {"id": "msg_…", "status": "queued"}}: accepted. A {@code reference} the gateway has
 *       seen in the last 24 hours is not sent again: the answer is {@code 200} with the first message's
 *       id. That is why the plugin puts the core's event id there.</li>
 *   <li>{@code 4xx {"error": {"code": "invalid_number", "message": "…"}}}: refused; {@code 401}
 *       {@code invalid_api_key}, {@code 402} {@code insufficient_credit}, {@code 403}
 *       {@code sender_not_registered} concern the account, {@code 429} {@code rate_limited} (with
 *       {@code Retry-After}) the throughput.</li>
 *   <li>{@code 5xx}: the gateway failed, possibly after queueing the message.</li>
 * </ul>
 * The gateway takes the text as UTF-8 and chooses GSM-7 or UCS-2 itself, so Urdu needs nothing special.
 *
 * <h2>How answers map to the SPI</h2>
 * See {@link com.example.hellosms.HelloSmsProvider}.
 */
package com.example.hellosms;
