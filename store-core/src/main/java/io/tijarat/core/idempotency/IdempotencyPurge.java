package io.tijarat.core.idempotency;

import io.tijarat.core.config.TijaratSettings;
import io.tijarat.core.jobs.BackgroundJob;
import io.tijarat.core.jobs.JobResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The background job {@code idempotency-purge}: deletes Idempotency-Key records past their retention (at least
 * 24 hours, {@code tijarat.idempotency.retention-hours}), hourly by default, so the table does not grow without
 * bound. Safe with several servers: the delete is idempotent.
 */
@ApplicationScoped
public class IdempotencyPurge implements BackgroundJob {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class.getName());

    @Inject
    IdempotencyStore store;

    @Inject
    TijaratSettings settings;

    @Override
    public String name() {
        return "idempotency-purge";
    }

    @Override
    public Duration interval() {
        return settings.idempotencyPurgeInterval();
    }

    @Override
    public Duration initialDelay() {
        return interval().compareTo(Duration.ofMinutes(1)) < 0 ? interval() : Duration.ofMinutes(1);
    }

    @Override
    public JobResult run() {
        int deleted = store.purgeExpired();
        if (deleted > 0) {
            LOG.info(() -> "Purged " + deleted + " expired idempotency records");
        }
        return JobResult.of(deleted);
    }
}
