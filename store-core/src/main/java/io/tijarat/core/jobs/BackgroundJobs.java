package io.tijarat.core.jobs;

import io.tijarat.core.provider.CorrelationIds;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Schedules every {@link BackgroundJob} and keeps the record of its runs. Metrics, tagged {@code job}:
 * {@code tijarat_job_runs_total{result=ok|failed}}, {@code tijarat_job_items_total{result=done|failed}},
 * {@code tijarat_job_last_run_timestamp_seconds}, {@code tijarat_job_last_success_timestamp_seconds} and
 * {@code tijarat_job_failures_in_a_row}.
 */
@ApplicationScoped
public class BackgroundJobs {

    private static final Logger LOG = Logger.getLogger(BackgroundJobs.class.getName());

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    @Inject
    @Any
    Instance<BackgroundJob> discovered;

    @Inject
    MetricRegistry metrics;

    @Inject
    Clock clock;

    private final Map<String, Entry> jobs = new LinkedHashMap<>();
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();

    private record Entry(BackgroundJob job, JobTracker tracker, ReentrantLock lock) {
    }

    /** Schedules every job; called once when the application has started. */
    public synchronized void start() {
        if (!jobs.isEmpty()) {
            return;
        }
        List<BackgroundJob> all = new ArrayList<>();
        discovered.forEach(all::add);
        all.sort(Comparator.comparing(BackgroundJob::name));
        for (BackgroundJob job : all) {
            var entry = new Entry(job, new JobTracker(job.name(), job.interval()), new ReentrantLock());
            jobs.put(job.name(), entry);
            registerGauges(entry);
            long interval = job.interval().toMillis();
            if (interval > 0) {
                tasks.add(scheduler.scheduleWithFixedDelay(() -> runScheduled(entry), Math.max(0, job.initialDelay().toMillis()),
                        interval, TimeUnit.MILLISECONDS));
            }
        }
        LOG.info(() -> "Background jobs scheduled: " + jobs.values().stream()
                .map(e -> e.job().name() + (e.job().interval().toMillis() > 0 ? " every " + e.job().interval().toSeconds() + " s" : " (off)"))
                .toList());
    }

    @PreDestroy
    synchronized void stop() {
        tasks.forEach(task -> task.cancel(false));
        tasks.clear();
    }

    public synchronized List<JobStatus> statuses() {
        return jobs.values().stream().map(e -> e.tracker().status()).toList();
    }

    public synchronized Optional<JobStatus> status(String name) {
        return Optional.ofNullable(jobs.get(name)).map(e -> e.tracker().status());
    }

    /**
     * Runs {@code work} (an admin's "run it now" of the named job) under that job's lock, so it never overlaps a
     * scheduled run, and records it like one. Before start-up, or for an unknown name, it just runs.
     */
    public <T> T runNow(String name, Supplier<T> work, java.util.function.Function<T, JobResult> asResult) {
        Entry entry;
        synchronized (this) {
            entry = jobs.get(name);
        }
        if (entry == null) {
            return work.get();
        }
        entry.lock().lock();
        try {
            entry.tracker().started(clock.instant());
            T value;
            try {
                value = work.get();
            } catch (RuntimeException e) {
                announce(entry, entry.tracker().failed(JobResult.describe(e), clock.instant()), e);
                throw e;
            }
            JobResult result = asResult.apply(value);
            count(entry, result);
            announce(entry, entry.tracker().succeeded(result, clock.instant()), null);
            return value;
        } finally {
            entry.lock().unlock();
        }
    }

    private void runScheduled(Entry entry) {
        if (!entry.lock().tryLock()) {
            return; // an admin's run-now is in progress; the next scheduled run comes soon enough
        }
        CorrelationIds.set("job-" + entry.job().name() + "-" + Long.toString(System.nanoTime(), 36));
        try {
            entry.tracker().started(clock.instant());
            JobResult result = entry.job().run();
            count(entry, result);
            announce(entry, entry.tracker().succeeded(result, clock.instant()), null);
        } catch (RuntimeException | LinkageError e) {
            // never rethrown: an exception would silently end a fixed-delay schedule for good
            metrics.counter("tijarat.job.runs", tag(entry), new Tag("result", "failed")).inc();
            announce(entry, entry.tracker().failed(JobResult.describe(e), clock.instant()), e);
        } finally {
            CorrelationIds.clear();
            entry.lock().unlock();
        }
    }

    private void count(Entry entry, JobResult result) {
        metrics.counter("tijarat.job.runs", tag(entry), new Tag("result", "ok")).inc();
        if (result.done() > 0) {
            metrics.counter("tijarat.job.items", tag(entry), new Tag("result", "done")).inc(result.done());
        }
        if (result.failed() > 0) {
            metrics.counter("tijarat.job.items", tag(entry), new Tag("result", "failed")).inc(result.failed());
        }
    }

    /** Says it once when a job starts failing, hourly while it keeps failing, and once when it recovers. */
    private void announce(Entry entry, JobTracker.Transition transition, Throwable cause) {
        String name = entry.job().name();
        switch (transition) {
            case STARTED_FAILING -> LOG.log(Level.WARNING, "Background job " + name + " is failing: "
                    + entry.tracker().status().lastError() + " (GET /api/admin/jobs shows its state; it keeps running every "
                    + entry.job().interval().toSeconds() + " s)", cause);
            case STILL_FAILING_REMINDER -> LOG.warning(() -> "Background job " + name + " is still failing after "
                    + entry.tracker().failuresInARow() + " runs in a row: " + entry.tracker().status().lastError());
            case RECOVERED -> LOG.info(() -> "Background job " + name + " works again");
            case NONE -> { }
        }
    }

    private void registerGauges(Entry entry) {
        Tag tag = tag(entry);
        JobTracker tracker = entry.tracker();
        metrics.gauge("tijarat.job.last.run.timestamp.seconds", tracker, t -> t.epochSecondOf(false), tag);
        metrics.gauge("tijarat.job.last.success.timestamp.seconds", tracker, t -> t.epochSecondOf(true), tag);
        metrics.gauge("tijarat.job.failures.in.a.row", tracker, JobTracker::failuresInARow, tag);
    }

    private static Tag tag(Entry entry) {
        return new Tag("job", entry.job().name());
    }
}
