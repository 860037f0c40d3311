package io.tijarat.web.admin;

import io.tijarat.core.webhook.MerchantWebhooks;
import java.time.Instant;

/**
 * The answer to rotating a webhook's secret: the new secret, shown only here, and until when the previous one
 * still signs deliveries beside it ({@code tijarat.webhooks.secret-grace-seconds} from now).
 */
public record WebhookSecretRotated(String id, String secret, Instant previousSecretExpiresAt) {

    static WebhookSecretRotated of(MerchantWebhooks.Registration rotated) {
        return new WebhookSecretRotated(rotated.endpoint().id(), rotated.secret(),
                rotated.endpoint().previousSecretExpiresAt());
    }

    @Override
    public String toString() {
        return "WebhookSecretRotated[" + id + "]"; // never the secret
    }
}
