package io.tijarat.spi.notification;

import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.internal.Checks;

/**
 * One message to send.
 *
 * <p><b>Idempotency.</b> {@link #eventId()} identifies the message: the outbox sends the same id on
 * every try. The plugin forwards it wherever the gateway takes a client reference or idempotency
 * header, so the gateway can drop a duplicate; where it takes none (most Pakistani SMS gateways), a
 * retry after a lost answer may deliver the message twice — which is why the core only retries a
 * send that certainly did not go out.
 *
 * @param eventId   the message's id and idempotency key
 * @param channel   the channel to send on; it must match the recipient
 * @param recipient whom to send to: {@link Recipient.Phone} for SMS, {@link Recipient.Email} for e-mail
 * @param category  transactional or promotional
 * @param content   what to say; an SMS has no subject or HTML
 */
public record MessageRequest(IdempotencyKey eventId, Channel channel, Recipient recipient, MessageCategory category,
                             MessageContent content) {

    public MessageRequest {
        Checks.notNull(eventId, "eventId");
        Checks.notNull(channel, "channel");
        Checks.notNull(recipient, "recipient");
        Checks.notNull(category, "category");
        Checks.notNull(content, "content");
        boolean matches = channel == Channel.SMS ? recipient instanceof Recipient.Phone
                : recipient instanceof Recipient.Email;
        if (!matches) {
            throw new IllegalArgumentException("channel " + channel + " cannot send to a "
                    + recipient.getClass().getSimpleName() + " recipient");
        }
        if (channel == Channel.SMS && (content.subject().isPresent() || content.html().isPresent())) {
            throw new IllegalArgumentException("an SMS has neither subject nor HTML");
        }
        if (channel == Channel.EMAIL && content.subject().isEmpty()) {
            throw new IllegalArgumentException("an e-mail needs a subject");
        }
    }
}
