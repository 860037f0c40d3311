package io.tijarat.core.webhook;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers due webhook deliveries every {@code tijarat.webhooks.interval-seconds}: claim a batch (one
 * transaction), send the batch in parallel (no transaction), record each outcome (one transaction each).
 * Safe with several servers. At least once: a receiver may see a delivery twice (a lost answer, a crash
 * between sending and recording) and must drop duplicates by the {@code Tijarat-Webhook-Id} header.
 * Deliveries can arrive out of order.
 */
@ApplicationScoped
public class WebhookRelay {

    private static final Logger LOG = Logger.getLogger(WebhookRelay.class.getName());
    private static final int BATCH = 10;
    private static final int MAX_BATCHES_PER_RUN = 20;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    WebhookStore store;

    @Inject
    WebhookSettings settings;

    @Inject
    Clock clock;

    private WebhookSender sender;
    private ScheduledFuture<?> task;

    /** What one run did. */
    public record Run(int delivered, int retrying, int failed) {
    }

    /** Checks the settings (a wrong value fails the deployment, naming the key) and starts the schedule. */
    public synchronized void start() {
        settings.validate();
        long interval = settings.intervalSeconds();
        if (task == null && interval > 0) {
            task = scheduler.scheduleWithFixedDelay(this::runQuietly, interval, interval, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    public Run runOnce() {
        WebhookSender sender = sender();
        RetrySchedule schedule = settings.schedule();
        int delivered = 0;
        int retrying = 0;
        int failed = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            List<WebhookStore.Claim> claims = store.claim(BATCH);
            List<CompletableFuture<DeliveryOutcome>> sends = claims.stream().map(sender::send).toList();
            for (int i = 0; i < claims.size(); i++) {
                WebhookStore.Claim claim = claims.get(i);
                DeliveryOutcome outcome = sends.get(i).join();
                WebhookStore.Recorded recorded;
                try {
                    recorded = store.record(claim, outcome, schedule, settings.disableAfterFailures());
                } catch (RuntimeException e) {
                    // the lease runs out and the delivery is tried again: at least once
                    LOG.log(Level.WARNING, "Could not record webhook delivery " + claim.deliveryId(), e);
                    continue;
                }
                switch (recorded) {
                    case DELIVERED -> delivered++;
                    case RETRYING -> retrying++;
                    case FAILED -> failed++;
                    case FAILED_AND_ENDPOINT_DISABLED -> {
                        failed++;
                        LOG.warning(() -> "Merchant webhook " + claim.endpointId() + " (host " + host(claim.url())
                                + ") disabled after " + settings.disableAfterFailures()
                                + " failed deliveries in a row; last: " + outcome.error());
                    }
                    case GONE -> { }
                }
            }
            if (claims.size() < BATCH) {
                break;
            }
        }
        return new Run(delivered, retrying, failed);
    }

    private synchronized WebhookSender sender() {
        if (sender == null) {
            sender = new WebhookSender(settings.destinations(), clock);
        }
        return sender;
    }

    /** Only the host goes into logs: a webhook's path or query may carry the receiver's own token. */
    private static String host(String url) {
        try {
            return URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }

    private void runQuietly() {
        try {
            Run run = runOnce();
            if (run.delivered() + run.retrying() + run.failed() > 0) {
                LOG.fine(() -> "Webhook relay: " + run);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook relay run failed; it runs again in " + settings.intervalSeconds() + " s", e);
        }
    }
}
