package io.tijarat.web.admin;

import io.tijarat.core.webhook.MerchantWebhooks;
import java.time.Instant;
import java.util.List;

/**
 * The answer to registering a webhook: the webhook and its signing secret, which is shown only here. No
 * later answer contains it; a lost secret is replaced by rotating it (POST .../rotate-secret).
 */
public record WebhookCreated(String id, String url, List<String> events, boolean active, Instant createdAt,
                             String secret) {

    static WebhookCreated of(MerchantWebhooks.Registration registration) {
        var e = registration.endpoint();
        return new WebhookCreated(e.id(), e.url(), e.events(), e.active(), e.createdAt(), registration.secret());
    }

    @Override
    public String toString() {
        return "WebhookCreated[" + id + "]"; // never the secret
    }
}
