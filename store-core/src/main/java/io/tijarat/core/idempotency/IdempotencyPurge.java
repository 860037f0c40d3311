package io.tijarat.core.idempotency;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Deletes Idempotency-Key records past their retention (at least 24 hours, {@code
 * tijarat.idempotency.retention-hours}) once an hour, so the table does not grow without bound. Safe with
 * several servers: the delete is idempotent.
 */
@ApplicationScoped
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    IdempotencyStore store;

    private ScheduledFuture<?> task;

    /** Starts the hourly purge; called once at start-up. */
    public synchronized void start() {
        if (task == null) {
            task = scheduler.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
        }
    }

    void purge() {
        try {
            int deleted = store.purgeExpired();
            if (deleted > 0) {
                LOG.info(() -> "Purged " + deleted + " expired idempotency records");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Idempotency purge failed; retrying in an hour", e);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
