package io.tijarat.core.webhook;

import io.tijarat.core.jobs.BackgroundJob;
import io.tijarat.core.jobs.JobResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * Delivers due webhook deliveries every {@code tijarat.webhooks.interval-seconds}: claim a batch (one
 * transaction), send the batch in parallel (no transaction), record each outcome (one transaction each).
 * Safe with several servers. At least once: a receiver may see a delivery twice (a lost answer, a crash
 * between sending and recording) and must drop duplicates by the {@code Tijarat-Webhook-Id} header.
 * Deliveries can arrive out of order. The background job {@code webhook-relay}.
 */
@ApplicationScoped
public class WebhookRelay implements BackgroundJob {

    private static final Logger LOG = Logger.getLogger(WebhookRelay.class.getName());
    private static final int BATCH = 10;
    private static final int MAX_BATCHES_PER_RUN = 20;

    @Inject
    WebhookStore store;

    @Inject
    WebhookSettings settings;

    @Inject
    Clock clock;

    private WebhookSender sender;

    /** What one run did. */
    public record Run(int delivered, int retrying, int failed) {
    }

    @Override
    public String name() {
        return "webhook-relay";
    }

    @Override
    public Duration interval() {
        return Duration.ofSeconds(settings.intervalSeconds());
    }

    @Override
    public JobResult run() {
        var tally = new JobResult.Tally();
        runOnce(tally);
        return tally.result();
    }

    public Run runOnce() {
        return runOnce(new JobResult.Tally());
    }

    private Run runOnce(JobResult.Tally tally) {
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
                    tally.failed("delivery " + claim.deliveryId(), e);
                    continue;
                }
                tally.done();
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
}
