package io.tijarat.plugin.emailsmtp;

import io.tijarat.spi.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;

/**
 * One message's conversation with the SMTP server (RFC 5321, RFC 3207 STARTTLS, RFC 4954 AUTH), one command
 * at a time:
 *
 * <pre>
 *   connect, 220 greeting
 *   EHLO                      250 and the extensions
 *   STARTTLS, TLS handshake   220, then EHLO again: what was learned in plain text is forgotten
 *   AUTH PLAIN (or LOGIN)     235; only with a username, only over TLS or to a loopback host
 *   MAIL FROM:&lt;from&gt;         250
 *   RCPT TO:&lt;to&gt;             250 or 251
 *   DATA                      354, the dot-stuffed message, the final dot: 250 and the message is taken
 *   QUIT
 * </pre>
 *
 * Any other reply, or none, ends the conversation with an {@link SmtpFailure} that says in which
 * {@link Phase} it happened. The password goes out only inside an AUTH line and appears in no message. Not
 * thread-safe: a new one per message, on the calling thread; it keeps the phase in a field only for the
 * length of that one call.
 */
final class SmtpConversation {

    private final SmtpSettings settings;
    private final SSLSocketFactory tls;
    private Phase phase = Phase.CONNECT;
    private SmtpConnection connection;

    SmtpConversation(SmtpSettings settings, SSLSocketFactory tls) {
        this.settings = settings;
        this.tls = tls;
    }

    /** What the server said when it took the message, and whether TLS protected it. */
    record Delivery(SmtpReply reply, String tlsProtocol) {
    }

    /**
     * Hands the message to the server; returns once the server has replied 2xx to the final dot.
     *
     * @param data the message as {@link DataLines#encode} wrote it
     * @throws SmtpFailure if the server did not take the message, or may have without saying so
     */
    Delivery deliver(Mailbox recipient, byte[] data, Deadline deadline) throws SmtpFailure {
        try {
            connection = SmtpConnection.open(settings.host(), settings.port(), deadline);
            phase = Phase.GREETING;
            expect(connection.read(), 220);
            EhloExtensions extensions = hello();
            if (settings.tls() == TlsMode.STARTTLS) {
                extensions = startTls(extensions);
            }
            if (settings.username().isPresent()) {
                authenticate(extensions, settings.username().get(), settings.password().orElseThrow());
            }
            phase = Phase.MAIL_FROM;
            expect(connection.command("MAIL FROM:" + settings.from().envelope()), 250);
            phase = Phase.RCPT_TO;
            expectPositive(connection.command("RCPT TO:" + recipient.envelope()));
            phase = Phase.DATA;
            expect(connection.command("DATA"), 354);
            phase = Phase.CONTENT;
            connection.write(data);
            // From here on the server may take the message, whatever happens to its answer.
            phase = Phase.FINAL_DOT;
            connection.write(DataLines.TERMINATOR);
            SmtpReply reply = expectPositive(connection.read());
            Delivery delivery = new Delivery(reply, connection.tlsProtocol());
            connection.quitAndClose();
            return delivery;
        } catch (IOException e) {
            close();
            throw SmtpFailure.noReply(phase, e);
        } catch (SmtpFailure failure) {
            if (failure.kind() == SmtpFailure.Kind.REPLY) {
                connection.quitAndClose(); // the server is still talking to us: say goodbye properly
            } else {
                close();
            }
            throw failure;
        } catch (RuntimeException bug) {
            close();
            throw bug;
        }
    }

    private EhloExtensions hello() throws IOException, SmtpFailure {
        phase = Phase.EHLO;
        return EhloExtensions.of(expect(connection.command("EHLO " + connection.ehloName()), 250));
    }

    private EhloExtensions startTls(EhloExtensions extensions) throws IOException, SmtpFailure {
        phase = Phase.STARTTLS;
        if (!extensions.has("STARTTLS")) {
            throw SmtpFailure.unusableServer(phase, settings.address() + " does not offer STARTTLS, so the message"
                    + " (and the password) would travel in plain text; nothing was sent. Use the server's submission"
                    + " port with STARTTLS (" + settings.keys().port() + ", usually 587)");
        }
        expect(connection.command("STARTTLS"), 220);
        if (connection.hasUnreadInput()) {
            throw SmtpFailure.unusableServer(phase, settings.address() + " sent more than its 220 reply to STARTTLS"
                    + " before the TLS handshake: something on the way may be injecting commands (or the server"
                    + " is broken); nothing was sent. Check the network path to the server");
        }
        connection.upgradeToTls(tls);
        return hello();
    }

    private void authenticate(EhloExtensions extensions, String username, Secret password)
            throws IOException, SmtpFailure {
        phase = Phase.AUTH;
        if (!connection.isEncrypted() && !settings.loopback()) {
            // SmtpSettings already refuses tls=none for such a host; this is the second lock on the door.
            throw SmtpFailure.unusableServer(phase, "refusing to send the password in plain text to "
                    + settings.address() + "; set " + settings.keys().tls() + " to starttls");
        }
        Set<String> mechanisms = extensions.authMechanisms();
        if (mechanisms.contains("PLAIN")) {
            expect(connection.command("AUTH PLAIN " + base64("\0" + username + "\0" + password.reveal())), 235);
        } else if (mechanisms.contains("LOGIN")) {
            expect(connection.command("AUTH LOGIN"), 334);
            expect(connection.command(base64(username)), 334);
            expect(connection.command(base64(password.reveal())), 235);
        } else {
            throw SmtpFailure.unusableServer(phase, settings.address() + " offers no AUTH PLAIN or LOGIN"
                    + (mechanisms.isEmpty() ? "" : " (it offers " + String.join(", ", mechanisms) + ")")
                    + ": unset " + settings.keys().username() + " if it relays for this server without a login, or"
                    + " use a server that takes a password over TLS");
        }
    }

    private SmtpReply expect(SmtpReply reply, int code) throws SmtpFailure {
        if (reply.code() != code) {
            throw SmtpFailure.reply(phase, reply);
        }
        return reply;
    }

    private SmtpReply expectPositive(SmtpReply reply) throws SmtpFailure {
        if (!reply.isPositive()) {
            throw SmtpFailure.reply(phase, reply);
        }
        return reply;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private void close() {
        if (connection != null) {
            connection.close();
        }
    }
}
