/**
 * Background jobs, owned in one place. Each job (reconciler, stale provider events, outbox relay, merchant
 * webhook relay, tracking and remittance poller, idempotency purge) is a {@link io.tijarat.core.jobs.BackgroundJob}:
 * one run is a unit of work whose items each run in their own transactions and fail alone. {@link
 * io.tijarat.core.jobs.BackgroundJobs} schedules them, records each run (last run, last success, items, last error,
 * failures in a row) for {@code /metrics} and the admin API, and says once when a job starts failing and once when
 * it recovers — not a log line every run.
 */
package io.tijarat.core.jobs;
