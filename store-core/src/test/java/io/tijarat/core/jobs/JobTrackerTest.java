package io.tijarat.core.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tijarat.core.jobs.JobTracker.Transition;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobTrackerTest {

    private final Instant t0 = Instant.parse("2026-12-04T10:00:00Z");
    private final JobTracker tracker = new JobTracker("reconciler", Duration.ofSeconds(30));

    @Test
    void a_job_that_keeps_failing_is_announced_once_then_hourly_and_its_recovery_once() {
        assertEquals(JobStatus.Health.WAITING, tracker.status().health());

        assertEquals(Transition.STARTED_FAILING, tracker.failed("SQLException: gone away", t0));
        assertEquals(Transition.NONE, tracker.failed("SQLException: gone away", t0.plusSeconds(30)));
        assertEquals(Transition.NONE, tracker.failed("SQLException: gone away", t0.plusSeconds(59 * 60)));
        assertEquals(Transition.STILL_FAILING_REMINDER, tracker.failed("SQLException: gone away", t0.plusSeconds(60 * 60)));

        var failing = tracker.status();
        assertEquals(JobStatus.Health.FAILING, failing.health());
        assertEquals(4, failing.failuresInARow());
        assertEquals("SQLException: gone away", failing.lastError());
        assertNull(failing.lastSuccessAt());

        assertEquals(Transition.RECOVERED, tracker.succeeded(JobResult.of(3), t0.plusSeconds(3_700)));
        var ok = tracker.status();
        assertEquals(JobStatus.Health.OK, ok.health());
        assertEquals(0, ok.failuresInARow());
        assertEquals(3, ok.itemsDone());
        assertEquals(5, ok.runs());
        assertEquals(t0.plusSeconds(3_700), ok.lastSuccessAt());
        assertEquals("SQLException: gone away", ok.lastError(), "the last error stays visible after recovery");
    }

    @Test
    void a_run_with_failed_items_counts_as_failing_but_keeps_its_done_items() {
        assertEquals(Transition.STARTED_FAILING, tracker.succeeded(new JobResult(9, 1, "attempt A1: timeout"), t0));

        var status = tracker.status();
        assertEquals(JobStatus.Health.FAILING, status.health());
        assertEquals(9, status.lastItemsDone());
        assertEquals(1, status.lastItemsFailed());
        assertEquals("1 item(s) failed; last: attempt A1: timeout", status.lastError());
    }

    @Test
    void an_item_failure_is_described_by_its_innermost_cause() {
        var tally = new JobResult.Tally();
        tally.done();
        tally.failed("message M1", new IllegalStateException("wrapper", new java.sql.SQLException("Deadlock found")));

        assertEquals(new JobResult(1, 1, "message M1: SQLException: Deadlock found"), tally.result());
    }
}
