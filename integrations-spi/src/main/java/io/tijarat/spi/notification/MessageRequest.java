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
 * @param content   what to say; an SMS or WhatsApp message has no subject or HTML
 * @param template  for {@link Channel#WHATSAPP}: the approved template to send, with its parameters (since SPI 1.4);
 *                  {@code content} then holds the same message as the shop's own text, for logs and staff. Empty for
 *                  other channels
 */
public record MessageRequest(IdempotencyKey eventId, Channel channel, Recipient recipient, MessageCategory category,
                             MessageContent content, java.util.Optional<MessageTemplate> template) {

    /** A message without a template (SMS, e-mail): the constructor of SPI 1.0 to 1.3. */
    public MessageRequest(IdempotencyKey eventId, Channel channel, Recipient recipient, MessageCategory category,
                          MessageContent content) {
        this(eventId, channel, recipient, category, content, java.util.Optional.empty());
    }

    public MessageRequest {
        Checks.optional(template, "template");
        Checks.notNull(eventId, "eventId");
        Checks.notNull(channel, "channel");
        Checks.notNull(recipient, "recipient");
        Checks.notNull(category, "category");
        Checks.notNull(content, "content");
        boolean matches = channel == Channel.EMAIL ? recipient instanceof Recipient.Email
                : recipient instanceof Recipient.Phone;
        if (!matches) {
            throw new IllegalArgumentException("channel " + channel + " cannot send to a "
                    + recipient.getClass().getSimpleName() + " recipient");
        }
        if (channel != Channel.EMAIL && (content.subject().isPresent() || content.html().isPresent())) {
            throw new IllegalArgumentException("an SMS or WhatsApp message has neither subject nor HTML");
        }
        if (channel != Channel.WHATSAPP && template.isPresent()) {
            throw new IllegalArgumentException("only a WhatsApp message carries a template");
        }
        if (channel == Channel.EMAIL && content.subject().isEmpty()) {
            throw new IllegalArgumentException("an e-mail needs a subject");
        }
    }
}
