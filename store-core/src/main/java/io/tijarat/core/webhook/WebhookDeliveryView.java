package io.tijarat.core.webhook;

import java.time.Instant;

/** One delivery of one event to a webhook: where it stands and how its last attempt went. */
public record WebhookDeliveryView(String id, String event, String orderId, String status, int attempts,
                                  Integer lastStatusCode, String lastError, Instant createdAt, Instant nextAttemptAt,
                                  Instant deliveredAt) {

    public static WebhookDeliveryView of(WebhookDelivery d) {
        return new WebhookDeliveryView(d.id(), d.eventType(), d.orderId(), d.status().name(), d.attempts(),
                d.lastStatusCode(), d.lastError(), d.createdAt(),
                d.status() == WebhookDelivery.Status.PENDING ? d.nextAttemptAt() : null, d.deliveredAt());
    }
}
