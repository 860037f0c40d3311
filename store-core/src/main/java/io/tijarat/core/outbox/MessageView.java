package io.tijarat.core.outbox;

import java.time.Instant;

/** A message as admins see it; the body is left out (it may hold personal data). */
public record MessageView(String id, String event, String orderId, String channel, String state, int attempts,
                          String lastError, String providerId, String locale, String smsEncoding, Integer smsParts,
                          Long costMinor, String deliveryStatus, Instant deliveredAt, Instant createdAt,
                          Instant nextAttemptAt, Instant sentAt) {
    public static MessageView of(OutboxMessage m) {
        return new MessageView(m.id(), m.eventType(), m.orderId(), m.channel().name(), m.state().name(),
                m.attempts(), m.lastError(), m.providerId(), m.locale(), m.smsEncoding(), m.smsParts(), m.costMinor(),
                m.deliveryStatus(), m.deliveredAt(), m.createdAt(), m.nextAttemptAt(), m.sentAt());
    }
}
