package io.tijarat.core.jobs;

import java.time.Duration;
import java.time.Instant;

/**
 * The record of one job's runs, kept in memory (a restart starts it afresh; the work itself is in the
 * database). Thread-safe; a transition into or out of failure is returned so the caller can say it once.
 */
final class JobTracker {

    enum Transition { NONE, STARTED_FAILING, STILL_FAILING_REMINDER, RECOVERED }

    private static final Duration REMINDER = Duration.ofHours(1);

    private final String name;
    private final Duration interval;
    private boolean running;
    private long runs;
    private Instant lastRunAt;
    private Instant lastSuccessAt;
    private int lastDone;
    private int lastFailed;
    private long itemsDone;
    private long itemsFailed;
    private int failuresInARow;
    private String lastError;
    private Instant lastErrorAt;
    private Instant lastReminderAt;

    JobTracker(String name, Duration interval) {
        this.name = name;
        this.interval = interval;
    }

    synchronized void started(Instant now) {
        running = true;
        lastRunAt = now;
    }

    synchronized Transition succeeded(JobResult result, Instant now) {
        running = false;
        runs++;
        lastDone = result.done();
        lastFailed = result.failed();
        itemsDone += result.done();
        itemsFailed += result.failed();
        if (result.failed() > 0) {
            return failure(result.failed() + " item(s) failed; last: " + result.lastItemError(), now);
        }
        lastSuccessAt = now;
        boolean wasFailing = failuresInARow > 0;
        failuresInARow = 0;
        return wasFailing ? Transition.RECOVERED : Transition.NONE;
    }

    synchronized Transition failed(String error, Instant now) {
        running = false;
        runs++;
        lastDone = 0;
        lastFailed = 0;
        return failure(error, now);
    }

    private Transition failure(String error, Instant now) {
        failuresInARow++;
        lastError = error;
        lastErrorAt = now;
        if (failuresInARow == 1) {
            lastReminderAt = now;
            return Transition.STARTED_FAILING;
        }
        if (lastReminderAt == null || !now.isBefore(lastReminderAt.plus(REMINDER))) {
            lastReminderAt = now;
            return Transition.STILL_FAILING_REMINDER;
        }
        return Transition.NONE;
    }

    synchronized JobStatus status() {
        JobStatus.Health health;
        if (interval.isZero() || interval.isNegative()) {
            health = runs == 0 ? JobStatus.Health.OFF : (failuresInARow > 0 ? JobStatus.Health.FAILING : JobStatus.Health.OK);
        } else if (runs == 0) {
            health = JobStatus.Health.WAITING;
        } else {
            health = failuresInARow > 0 ? JobStatus.Health.FAILING : JobStatus.Health.OK;
        }
        return new JobStatus(name, health, Math.max(0, interval.toSeconds()), running, runs, lastRunAt, lastSuccessAt,
                lastDone, lastFailed, itemsDone, itemsFailed, failuresInARow, lastError, lastErrorAt);
    }

    synchronized int failuresInARow() {
        return failuresInARow;
    }

    synchronized long epochSecondOf(boolean success) {
        Instant at = success ? lastSuccessAt : lastRunAt;
        return at == null ? 0 : at.getEpochSecond();
    }
}
