package io.tijarat.core.order;

import io.tijarat.core.config.TijaratSettings;
import io.tijarat.core.jobs.BackgroundJob;
import io.tijarat.core.jobs.JobResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * The background job {@code cod-release}: a cash-on-delivery order waiting for the customer's confirmation holds
 * stock, and anyone can place one for any phone number; after {@code tijarat.cod.confirm-within-hours} without a
 * confirmation it is cancelled ("not confirmed within N hours"), its stock returned and the customer and merchant
 * told. Each order in its own transaction, the longest-waiting first; 0 hours keeps them waiting (the job is off).
 */
@ApplicationScoped
public class UnconfirmedCodRelease implements BackgroundJob {

    private static final int BATCH = 50;

    @Inject
    OrderAdministration orders;

    @Inject
    TijaratSettings settings;

    @Inject
    Clock clock;

    @Override
    public String name() {
        return "cod-release";
    }

    @Override
    public Duration interval() {
        return settings.codConfirmWithin().isZero() ? Duration.ZERO : settings.codReleaseInterval();
    }

    @Override
    public JobResult run() {
        var tally = new JobResult.Tally();
        Duration window = settings.codConfirmWithin();
        String reason = "cash on delivery not confirmed by the customer within " + window.toHours() + " hours: stock released";
        for (String orderId : orders.unconfirmedSince(clock.instant().minus(window), BATCH)) {
            try {
                if (orders.releaseUnconfirmed(orderId, reason)) {
                    tally.done();
                }
            } catch (RuntimeException e) {
                tally.failed("order " + orderId, e);
            }
        }
        return tally.result();
    }
}
