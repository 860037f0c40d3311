package io.tijarat.core.provider.guard;

import io.tijarat.core.plugin.context.ProviderCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Per-provider call metrics, tagged with the provider id (MicroProfile FT's own metrics are tagged by the
 * declaring method only, so all providers would merge into one series — STACK.md). In Prometheus text:
 * {@code tijarat_provider_calls_seconds_count{provider="cod",operation="start",result="pending"}}.
 */
@ApplicationScoped
public class ProviderMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    java.time.Clock clock;

    private final ProviderHealth health = new ProviderHealth();

    /** Maps a provider id to its label: itself when installed, one shared label otherwise (set at start-up). */
    private volatile java.util.function.UnaryOperator<String> label = id -> id;

    /**
     * Labels series by installed provider ids only: ids come in URLs, and a made-up one must not add a series
     * (or a row of call statistics) of its own.
     */
    public void labelProvidersWith(java.util.function.UnaryOperator<String> label) {
        this.label = label;
    }

    /** Each provider's recent calls as admins see them ({@code GET /api/admin/status}). */
    public ProviderHealth health() {
        return health;
    }

    /**
     * One HTTP exchange of a provider with its gateway, by host and status class:
     * {@code tijarat_provider_http_seconds_count{provider="jazzcash",host="sandbox.jazzcash.com.pk",outcome="5xx"}}.
     */
    public void recordHttp(ProviderCall call) {
        registry.timer("tijarat.provider.http", new Tag("provider", label.apply(call.providerId())), new Tag("host", call.host()),
                new Tag("outcome", call.outcomeClass())).update(call.duration());
    }

    /** A callback that failed verification (forged, tampered, replayed from elsewhere): counted, nothing else. */
    public void rejectedCallback(String providerId) {
        registry.counter("tijarat.callbacks.rejected", new Tag("provider", label.apply(providerId))).inc();
    }

    public void record(String id, String operation, String result, Duration elapsed) {
        String providerId = label.apply(id);
        health.record(providerId, operation, result, elapsed, clock.instant());
        registry.timer("tijarat.provider.calls",
                        new Tag("provider", providerId), new Tag("operation", operation), new Tag("result", result))
                .update(elapsed);
    }
}
