package io.tijarat.core.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The webhook settings ({@code tijarat.webhooks.*}, and {@code tijarat.mode} for the address policy),
 * checked once at start-up by {@link #validate()} so that a wrong value stops the deployment with the key
 * named.
 */
@ApplicationScoped
public class WebhookSettings {

    @Inject
    @ConfigProperty(name = "tijarat.webhooks.interval-seconds", defaultValue = "5")
    long intervalSeconds;

    @Inject
    @ConfigProperty(name = "tijarat.webhooks.disable-after-failures", defaultValue = "5")
    int disableAfterFailures;

    @Inject
    @ConfigProperty(name = "tijarat.webhooks.retry-scale", defaultValue = "1")
    long retryScale;

    @Inject
    @ConfigProperty(name = "tijarat.mode", defaultValue = "production")
    String mode;

    public void validate() {
        if (intervalSeconds < 0) {
            throw new IllegalStateException("tijarat.webhooks.interval-seconds must be 0 (relay off) or more, was "
                    + intervalSeconds);
        }
        if (disableAfterFailures < 1) {
            throw new IllegalStateException("tijarat.webhooks.disable-after-failures must be at least 1, was "
                    + disableAfterFailures);
        }
        try {
            schedule();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** How often the relay looks for due deliveries; 0 switches it off. */
    public long intervalSeconds() {
        return intervalSeconds;
    }

    /** Failed attempts in a row, over all of an endpoint's deliveries, that disable it. */
    public int disableAfterFailures() {
        return disableAfterFailures;
    }

    public RetrySchedule schedule() {
        return new RetrySchedule(retryScale, () -> ThreadLocalRandom.current().nextDouble());
    }

    public DestinationPolicy destinations() {
        return DestinationPolicy.forMode(mode);
    }
}
