package io.tijarat.core.webhook;

import io.tijarat.core.config.TijaratSettings;
import io.tijarat.core.crypto.SecretBox;
import java.time.Duration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The webhook settings ({@code tijarat.webhooks.*}, and {@code tijarat.mode} for the address policy), taken
 * from the one settings object, which validated them at start-up.
 */
@ApplicationScoped
public class WebhookSettings {

    @Inject
    TijaratSettings settings;

    /** How often the relay looks for due deliveries; 0 switches it off. */
    public long intervalSeconds() {
        return settings.webhooksInterval().toSeconds();
    }

    /** Failed attempts in a row, over all of an endpoint's deliveries, that disable it. */
    public int disableAfterFailures() {
        return settings.webhooksDisableAfterFailures();
    }

    public RetrySchedule schedule() {
        return new RetrySchedule(settings.webhooksRetryScale(), () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The keys that encrypt webhook secrets at rest. */
    public SecretBox secretBox() {
        return settings.secretBox();
    }

    /** How long a rotated-out secret still signs ({@code tijarat.webhooks.secret-grace-seconds}). */
    public Duration secretGrace() {
        return settings.webhooksSecretGrace();
    }

    /** Settings from {@code settings}, outside the container (tests). */
    static WebhookSettings of(TijaratSettings settings) {
        var webhookSettings = new WebhookSettings();
        webhookSettings.settings = settings;
        return webhookSettings;
    }

    public DestinationPolicy destinations() {
        return DestinationPolicy.forMode(settings.mode());
    }
}
