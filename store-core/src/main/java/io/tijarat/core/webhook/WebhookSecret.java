package io.tijarat.core.webhook;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * A webhook's signing secret: {@code whsec_} followed by 32 random bytes in URL-safe Base64. The whole
 * string, as shown to the admin once, is the HMAC key (its UTF-8 bytes), as with Stripe, so a receiver
 * pastes it as it is. {@link #toString()} never shows it, so it cannot slip into a log line.
 */
public final class WebhookSecret {

    static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private WebhookSecret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** A new secret from 32 bytes of {@link SecureRandom}. */
    public static WebhookSecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new WebhookSecret(PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    static WebhookSecret of(String stored) {
        return new WebhookSecret(stored);
    }

    /** The text to show once, to the admin who created the webhook. */
    public String reveal() {
        return value;
    }

    byte[] key() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "WebhookSecret[redacted]";
    }
}
