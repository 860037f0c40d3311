/**
 * An SMTP server for the plugin's tests, in-process on {@code 127.0.0.1} with a dynamic port: EHLO, STARTTLS
 * with a test certificate, AUTH PLAIN and LOGIN, MAIL, RCPT, DATA and QUIT, with scripted failures (a reply
 * code for any command, a hang-up instead of a reply, a slow reply, data injected after STARTTLS). It records
 * what it received byte for byte, so tests check the wire rather than the plugin's intentions.
 */
package io.tijarat.plugin.emailsmtp.server;
