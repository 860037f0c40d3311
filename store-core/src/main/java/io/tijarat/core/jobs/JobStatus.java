package io.tijarat.core.jobs;

import java.time.Instant;

/**
 * A job's state as admins and {@code /metrics} see it. {@code health} is {@code OFF} (interval 0), {@code
 * WAITING} (not run yet), {@code OK} (last run succeeded with no failed item) or {@code FAILING} (the last run
 * failed, or some of its items did); {@code failuresInARow} counts runs that failed or had failed items.
 */
public record JobStatus(String name, Health health, long intervalSeconds, boolean running, long runs,
                        Instant lastRunAt, Instant lastSuccessAt, int lastItemsDone, int lastItemsFailed,
                        long itemsDone, long itemsFailed, int failuresInARow, String lastError, Instant lastErrorAt) {

    public enum Health { OFF, WAITING, OK, FAILING }
}
