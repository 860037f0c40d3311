package io.tijarat.core.provider.guard;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What admins need to see of each provider's recent calls (in memory, since the last start): the last call that
 * got an answer, the last that did not (timeout, breaker open, bulkhead full, transient or permanent failure,
 * plugin bug, an "unknown" outcome), and the 99th percentile of the last {@value #WINDOW} calls' latency.
 */
public final class ProviderHealth {

    static final int WINDOW = 512;

    /** Results that mean the provider did not give a usable answer. */
    private static final Set<String> FAILURES = Set.of("timeout", "breaker-open", "bulkhead-full", "misconfigured",
            "transient", "plugin-error", "unavailable", "unknown", "error");

    /** One provider's view. */
    public record View(Instant lastSuccessAt, String lastSuccess, Instant lastErrorAt, String lastError, long calls,
                       Long p99Millis) {
    }

    private final Map<String, Stats> stats = new ConcurrentHashMap<>();

    void record(String providerId, String operation, String result, Duration elapsed, Instant at) {
        stats.computeIfAbsent(providerId, id -> new Stats()).record(operation, result, elapsed, at);
    }

    public Optional<View> view(String providerId) {
        return Optional.ofNullable(stats.get(providerId)).map(Stats::view);
    }

    private static final class Stats {
        private final long[] latencies = new long[WINDOW];
        private long calls;
        private Instant lastSuccessAt;
        private String lastSuccess;
        private Instant lastErrorAt;
        private String lastError;

        synchronized void record(String operation, String result, Duration elapsed, Instant at) {
            latencies[(int) (calls % WINDOW)] = elapsed.toMillis();
            calls++;
            if (FAILURES.contains(result)) {
                lastErrorAt = at;
                lastError = operation + ": " + result;
            } else {
                lastSuccessAt = at;
                lastSuccess = operation + ": " + result;
            }
        }

        synchronized View view() {
            int n = (int) Math.min(calls, WINDOW);
            Long p99 = null;
            if (n > 0) {
                long[] sorted = Arrays.copyOf(latencies, n);
                Arrays.sort(sorted);
                p99 = sorted[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)];
            }
            return new View(lastSuccessAt, lastSuccess, lastErrorAt, lastError, calls, p99);
        }
    }
}
