/**
 * Telenor Pakistan's corporate SMS, provider id {@code sms-telenor}: {@code auth.jsp} (account MSISDN and password)
 * gives a session id; {@code sendsms.jsp} sends with it, to {@code 92XXXXXXXXXX}, from the account's registered sender
 * mask, {@code unicode=true} for Urdu. Answers are small XML documents with {@code <response>OK|Error</response>} and
 * {@code <data>} (the session id, the message id, or "Error NNN"), always with HTTP 200. As several open-source
 * integrations document the codes: 200 login failed, 201 bad MSISDN, 100 out of credit, 101 missing parameter,
 * 102 invalid or expired session (log in again), 103 invalid mask, 300 blocked, 304/305 throughput limits.
 *
 * <p>The API takes no client reference, so a send whose answer was lost may have gone out ({@code Unknown}: the core
 * does not resend it). It publishes no delivery-report call or callback, so {@code DELIVERY_REPORTS} is not declared.
 */
package io.tijarat.plugin.smstelenor;
