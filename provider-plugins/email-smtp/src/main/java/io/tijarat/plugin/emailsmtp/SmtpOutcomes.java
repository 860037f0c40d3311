package io.tijarat.plugin.emailsmtp;

import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.notification.SendOutcome;
import java.io.IOException;
import javax.net.ssl.SSLException;

/**
 * What a failed conversation means for the core, following {@link SendOutcome} and the SPI's exceptions.
 *
 * <table>
 *   <caption>SMTP failures and what the core gets</caption>
 *   <tr><th>the server</th><th>the core gets</th></tr>
 *   <tr><td>5xx to RCPT TO (550 no such user), to DATA, or to the final dot (554 content refused)</td>
 *       <td>{@code Rejected(code, reason)}: this message, not the account; not retried</td></tr>
 *   <tr><td>5xx to AUTH (535 bad credentials), 530 (authentication required), 5xx to MAIL FROM (sender
 *       refused), 5xx to the greeting, EHLO or STARTTLS; no STARTTLS or no usable AUTH offered; data
 *       before the TLS handshake</td>
 *       <td>{@link PermanentProviderException} naming the keys to check: nothing works until a human
 *       acts, so the core alerts instead of retrying</td></tr>
 *   <tr><td>4xx before the final dot (421 busy, 451 local error, 452, greylisting), or an unexpected
 *       positive reply</td>
 *       <td>{@link TransientProviderException}: the server said it did not take the message</td></tr>
 *   <tr><td>no connection (refused, unknown host, connect timeout), a failed TLS handshake, a timeout, a
 *       reset or a closed connection before the final dot</td>
 *       <td>{@link TransientProviderException}: a server discards a transaction whose data did not end with
 *       the final dot, so nothing can have been delivered</td></tr>
 *   <tr><td>no reply, or a reply that is not SMTP, after the final dot was (being) written: timeout, reset,
 *       closed connection, the core's interrupt</td>
 *       <td>{@code Unknown}: the server may have taken the message</td></tr>
 *   <tr><td>4xx to the final dot</td>
 *       <td>{@code Unknown}. RFC 5321 (4.2.5) says the server must not deliver a message it answered 4xx to,
 *       which would make a retry safe; but a server whose content filter timed out after queueing says 451
 *       too, and a duplicate is worse than a rare lost message (see {@link SendOutcome}), so it is left to
 *       staff</td></tr>
 * </table>
 *
 * <p>Reasons and details carry the reply code and the server's wording with addresses and numbers masked;
 * AUTH replies carry codes only. Thread-safe: immutable.
 */
final class SmtpOutcomes {

    private static final int AUTHENTICATION_REQUIRED = 530;

    private final SmtpSettings settings;

    SmtpOutcomes(SmtpSettings settings) {
        this.settings = settings;
    }

    /**
     * {@code Rejected} or {@code Unknown} for a failure that is about this message.
     *
     * @throws PermanentProviderException if the account or the configuration needs a human
     * @throws TransientProviderException if the server certainly did not take the message
     */
    SendOutcome of(String eventId, SmtpFailure failure) {
        return switch (failure.kind()) {
            case UNUSABLE_SERVER -> throw new PermanentProviderException("email-smtp: " + failure.getMessage());
            case NO_REPLY -> noReply(eventId, failure.phase(), failure.ioFailure().orElseThrow());
            case REPLY -> reply(eventId, failure.phase(), failure.reply().orElseThrow());
        };
    }

    private SendOutcome reply(String eventId, Phase phase, SmtpReply reply) {
        if (phase.messageMayHaveGoneOut()) {
            if (reply.isPermanentFailure()) {
                return new SendOutcome.Rejected(String.valueOf(reply.code()), "the server refused the message: "
                        + reply.summary());
            }
            return new SendOutcome.Unknown(settings.address() + " answered " + reply.summary() + " to the end of the"
                    + " message, not 250; it may have been delivered, so it is not sent again");
        }
        if (reply.isPermanentFailure()) {
            return permanentReply(eventId, phase, reply);
        }
        throw new TransientProviderException("email-smtp: " + settings.address() + " answered " + reply.summary()
                + " to " + phase + "; message " + eventId + " was not sent");
    }

    private SendOutcome permanentReply(String eventId, Phase phase, SmtpReply reply) {
        if (reply.code() == AUTHENTICATION_REQUIRED && phase != Phase.AUTH) {
            throw new PermanentProviderException("email-smtp: " + settings.address() + " requires a login ("
                    + reply.codes() + " to " + phase + "): set " + keys().username() + " and " + keys().password());
        }
        return switch (phase) {
            case RCPT_TO -> new SendOutcome.Rejected(String.valueOf(reply.code()), "the server refused the recipient: "
                    + reply.summary());
            case DATA, CONTENT -> new SendOutcome.Rejected(String.valueOf(reply.code()), "the server refused to take"
                    + " the message: " + reply.summary());
            case AUTH -> throw new PermanentProviderException("email-smtp: " + settings.address() + " refused the"
                    + " login (" + reply.codes() + "): check " + keys().username() + " and " + keys().password()
                    + " (an app password where the mailbox has two-step sign-in); message " + eventId
                    + " was not sent");
            case MAIL_FROM -> throw new PermanentProviderException("email-smtp: " + settings.address() + " refused"
                    + " the sender (" + reply.summary() + "): check " + keys().from() + "; the login must be allowed"
                    + " to send as that address");
            default -> throw new PermanentProviderException("email-smtp: " + settings.address() + " refused the"
                    + " session (" + reply.summary() + " to " + phase + "): check " + keys().host() + " and "
                    + keys().port() + ", and that the server accepts mail from this server");
        };
    }

    private SendOutcome noReply(String eventId, Phase phase, IOException failure) {
        String what = failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + StaffText.of(failure.getMessage()));
        if (phase.messageMayHaveGoneOut()) {
            return new SendOutcome.Unknown("no reply from " + settings.address() + " after the message was sent ("
                    + what + "); it may have been delivered, so it is not sent again");
        }
        if (phase == Phase.CONNECT) {
            throw new TransientProviderException("email-smtp: could not connect to " + settings.address() + " ("
                    + what + "); message " + eventId + " was not sent", failure);
        }
        if (failure instanceof SSLException) {
            throw new TransientProviderException("email-smtp: the TLS handshake with " + settings.address()
                    + " failed (" + what + "): check that its certificate is valid for " + settings.host()
                    + " and trusted (" + keys().truststore() + "); message " + eventId + " was not sent", failure);
        }
        throw new TransientProviderException("email-smtp: no usable answer from " + settings.address() + " while "
                + phase + " (" + what + "); message " + eventId + " was not sent", failure);
    }

    private SmtpSettings.Keys keys() {
        return settings.keys();
    }
}
