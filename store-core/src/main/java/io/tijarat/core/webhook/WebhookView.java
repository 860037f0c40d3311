package io.tijarat.core.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A webhook as admins see it: where it goes, what it gets, whether it is active and why not, and — after a secret
 * rotation — until when the previous secret still signs. Never a secret.
 */
public record WebhookView(String id, String url, List<String> events, boolean active, int consecutiveFailures,
                          Instant disabledAt, String disabledReason, Instant createdAt, Instant previousSecretExpiresAt) {

    public static WebhookView of(WebhookEndpoint e) {
        return new WebhookView(e.id(), e.url(), e.events(), e.active(), e.consecutiveFailures(), e.disabledAt(),
                e.disabledReason(), e.createdAt(), e.previousSecretExpiresAt());
    }
}
