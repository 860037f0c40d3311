package io.tijarat.core.jobs;

import java.time.Duration;

/**
 * A job the server runs on a schedule. {@link #run()} is one unit of work: it takes its own transactions (never
 * one across the run, never an EntityManager outside a transaction), catches what goes wrong with one item and
 * carries on with the next, and reports what it did. It throws only when the run as a whole could not happen
 * (e.g. the database is down); the next run tries again. Runs of one job never overlap.
 */
public interface BackgroundJob {

    /** Stable, lower-case name: {@code reconciler}, {@code outbox-relay} … (metrics tag, admin API). */
    String name();

    /** Time between the end of one run and the start of the next; zero or negative switches the job off. */
    Duration interval();

    /** Delay before the first run after start-up. */
    default Duration initialDelay() {
        return interval();
    }

    JobResult run();
}
