package io.tijarat.core.payment.inbound;

import io.tijarat.core.config.TijaratSettings;
import io.tijarat.core.jobs.BackgroundJob;
import io.tijarat.core.jobs.JobResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The background job {@code provider-events}: applies provider events whose asynchronous apply was missed (the
 * server stopped first, the apply failed, or an unsigned report could not be confirmed yet), oldest first, each
 * on its own. An event that still cannot be confirmed stays RECEIVED and is asked about again after its backoff
 * (see {@link ProviderEvents}), so a batch is never filled by the same unanswerable events run after run.
 */
@ApplicationScoped
public class StaleEventSweep implements BackgroundJob {

    private static final Logger LOG = Logger.getLogger(StaleEventSweep.class.getName());
    private static final int BATCH = 50;

    @Inject
    ProviderEvents events;

    @Inject
    TijaratSettings settings;

    @Override
    public String name() {
        return "provider-events";
    }

    @Override
    public Duration interval() {
        return settings.eventSweepInterval();
    }

    @Override
    public JobResult run() {
        var tally = new JobResult.Tally();
        for (String id : events.stale(BATCH)) {
            try {
                String outcome = events.apply(id);
                tally.done();
                LOG.fine(() -> "Provider event " + id + " missed earlier: " + outcome);
            } catch (RuntimeException e) {
                tally.failed("event " + id, e);
            }
        }
        return tally.result();
    }
}
