package io.tijarat.plugin.emailsmtp;

import io.tijarat.spi.ProviderLogger;
import io.tijarat.spi.notification.MessageRequest;
import io.tijarat.spi.notification.NotificationProvider;
import io.tijarat.spi.notification.Recipient;
import io.tijarat.spi.notification.SendOutcome;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sends one e-mail per call: composes it, hands it to the SMTP server over a connection of its own, and turns
 * the conversation's end into a {@link SendOutcome} ({@link SmtpOutcomes} has the table).
 *
 * <p>{@code Accepted} carries the message's {@code Message-ID}, {@code <event-id@tijarat>}: the same on every
 * try, and what a mail system's logs and a recipient's headers show. The server's own queue id is logged.
 *
 * <p>Thread-safe: the fields are immutable (the TLS socket factory is thread-safe), and every call opens and
 * closes its own connection on the calling thread; nothing is pooled. A call takes at most the configured
 * {@code timeout-ms} of reading, however the server dawdles.
 */
final class EmailSmtpProvider implements NotificationProvider {

    private final SmtpSettings settings;
    private final SSLSocketFactory tls;
    private final MailComposer composer;
    private final SmtpOutcomes outcomes;
    private final ProviderLogger log;

    EmailSmtpProvider(SmtpSettings settings, SSLSocketFactory tls, MailComposer composer, ProviderLogger log) {
        this.settings = settings;
        this.tls = tls;
        this.composer = composer;
        this.outcomes = new SmtpOutcomes(settings);
        this.log = log;
    }

    @Override
    public SendOutcome send(MessageRequest request) {
        if (!(request.recipient() instanceof Recipient.Email email)) {
            // The descriptor declares EMAIL only, so the core never asks for anything else.
            throw new IllegalArgumentException("email-smtp sends e-mail only, not " + request.channel());
        }
        String eventId = request.eventId().value();
        Optional<Mailbox> recipient = Mailbox.address(email.address().value());
        if (recipient.isEmpty()) {
            log.info("email-smtp: message " + eventId + " rejected before sending: the address cannot go over SMTP");
            return new SendOutcome.Rejected("address", "the recipient's address (" + email.address().masked()
                    + ") cannot be sent over SMTP: it needs ASCII before the @ and a valid domain");
        }
        byte[] data = DataLines.encode(composer.compose(request, recipient.get()));
        long started = System.nanoTime();
        try {
            SmtpConversation.Delivery delivery = new SmtpConversation(settings, tls)
                    .deliver(recipient.get(), data, Deadline.after(settings.timeout()));
            log.info("email-smtp: message " + eventId + " accepted by " + settings.address() + " ("
                    + delivery.reply().summary() + ", " + delivery.tlsProtocol() + ") in " + elapsed(started) + " ms");
            return new SendOutcome.Accepted(MailComposer.messageId(request.eventId()));
        } catch (SmtpFailure failure) {
            log.debug(() -> "email-smtp: message " + eventId + " failed at " + failure.phase() + " after "
                    + elapsed(started) + " ms");
            SendOutcome outcome = outcomes.of(eventId, failure);
            if (outcome instanceof SendOutcome.Unknown unknown) {
                log.warn("email-smtp: message " + eventId + " may or may not have been delivered: " + unknown.detail());
            } else if (outcome instanceof SendOutcome.Rejected rejected) {
                log.info("email-smtp: message " + eventId + " rejected by " + settings.address() + " ("
                        + rejected.code() + ")");
            }
            return outcome;
        }
    }

    private static long elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }

    @Override
    public String toString() {
        return "EmailSmtpProvider[" + settings + "]";
    }
}
