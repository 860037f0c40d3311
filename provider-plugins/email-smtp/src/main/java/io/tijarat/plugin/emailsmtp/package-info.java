/**
 * E-mail over SMTP, provider id {@code email-smtp}: hands each message to an SMTP submission server (port
 * 587, STARTTLS, AUTH PLAIN or LOGIN) that delivers it onwards.
 *
 * <p>The plugin's class loader shows it only the JDK and the SPI, so there is no Jakarta Mail: the SMTP client
 * ({@link io.tijarat.plugin.emailsmtp.SmtpConversation} over {@link io.tijarat.plugin.emailsmtp.SmtpConnection})
 * and the MIME writer ({@link io.tijarat.plugin.emailsmtp.MailComposer}) are small and written here. They do
 * one thing: one message, to one recipient, per connection, in 7-bit MIME (headers in RFC 2047 encoded words,
 * bodies in quoted-printable or base64), so no server extension beyond STARTTLS and AUTH is needed.
 *
 * <p>The event id travels as {@code Message-ID: <event-id@tijarat>} and {@code X-Tijarat-Event-Id}, the same
 * on every try, so a mail system (or a person) can recognise a duplicate; SMTP itself deduplicates nothing.
 * {@link io.tijarat.plugin.emailsmtp.SmtpOutcomes} says which reply becomes which outcome: the one rule that
 * matters most is that once the message's final dot may have reached the server, a missing answer is
 * {@code Unknown}, never a retryable failure.
 */
package io.tijarat.plugin.emailsmtp;
