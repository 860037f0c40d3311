package io.tijarat.core.provider.guard;

import java.time.Duration;

/**
 * The fault-tolerance values of one operation of one provider (e.g. {@code jazzcash} / {@code start}).
 * Immutable; built and validated by {@link FaultToleranceSettings}.
 *
 * @param budget           the call's time budget: the plugin's HTTP requests get at most what is left of it
 * @param outerTimeout     MicroProfile FT's {@code @Timeout}: the budget plus {@link #MARGIN}, so it only
 *                         fires for a plugin that overruns its budget (a hung plugin)
 * @param bulkhead         calls of this operation running at once for this provider; the next is refused at
 *                         once (calls are synchronous, so there is no waiting queue)
 * @param breakerVolume    calls in the breaker's rolling window
 * @param failureRatio     share of failures in the window that opens the breaker
 * @param breakerDelay     how long the breaker stays open before it lets a trial call through
 * @param successThreshold trial calls that must succeed to close it again
 * @param retries          extra attempts after a transient failure; only for operations that change nothing
 * @param guarded          false for local work (a signature check), which gets only a timeout
 */
public record OperationLimits(Duration budget, Duration outerTimeout, int bulkhead, int breakerVolume,
                              double failureRatio, Duration breakerDelay, int successThreshold, int retries,
                              boolean guarded) {

    /** What the outer timeout adds to the budget: time for the plugin to read its timeout and answer. */
    public static final Duration MARGIN = Duration.ofSeconds(2);

    public OperationLimits {
        if (outerTimeout.compareTo(budget) <= 0) {
            throw new IllegalArgumentException("the outer timeout must be longer than the budget");
        }
    }
}
