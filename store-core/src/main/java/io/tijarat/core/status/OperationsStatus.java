package io.tijarat.core.status;

import io.tijarat.core.jobs.BackgroundJobs;
import io.tijarat.core.jobs.JobStatus;
import io.tijarat.core.plugin.PluginEntry;
import io.tijarat.core.provider.PluginProviders;
import io.tijarat.core.provider.guard.ProviderHealth;
import io.tijarat.core.provider.guard.ProviderMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The operator's report ({@code GET /api/admin/status}). Counts come from indexed columns; nothing is paged in. */
@ApplicationScoped
public class OperationsStatus {

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    PluginProviders plugins;

    @Inject
    ProviderMetrics metrics;

    @Inject
    BackgroundJobs jobs;

    @Inject
    Clock clock;

    public record Report(Instant at, List<Provider> providers, List<JobStatus> jobs, Backlog outbox,
                         Backlog merchantWebhooks, OpenPayments openPaymentAttempts) {
    }

    /** A provider as installed, with its recent calls; {@code p99Millis} over its last 512 calls. */
    public record Provider(String id, String kind, String state, String reason, String circuitBreaker,
                           Instant lastSuccessAt, String lastSuccess, Instant lastErrorAt, String lastError,
                           long calls, Long p99Millis) {
    }

    /** Messages by state, and how long the oldest one due has waited. */
    public record Backlog(Map<String, Long> byState, Long oldestPendingSeconds) {
    }

    /** Open (started, pending, unknown) attempts by status and by age. */
    public record OpenPayments(Map<String, Long> byStatus, Map<String, Long> byAge) {
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Report report() {
        Instant now = clock.instant();
        return new Report(now, providers(), jobs.statuses(),
                backlog("outbox_message", "state", "'PENDING'"),
                backlog("webhook_delivery", "status", "'PENDING'"),
                openPayments(now));
    }

    private List<Provider> providers() {
        return plugins.entries().stream().filter(e -> e.providerId().isPresent()).map(this::provider).toList();
    }

    private Provider provider(PluginEntry e) {
        String id = e.providerId().orElseThrow();
        ProviderHealth.View calls = metrics.health().view(id)
                .orElse(new ProviderHealth.View(null, null, null, null, 0, null));
        return new Provider(id, e.kind().map(Enum::name).orElse(null), e.state().name(), e.reason().orElse(null),
                plugins.breakerRecentlyOpen(id) ? "OPEN" : "CLOSED", calls.lastSuccessAt(), calls.lastSuccess(),
                calls.lastErrorAt(), calls.lastError(), calls.calls(), calls.p99Millis());
    }

    private Backlog backlog(String table, String stateColumn, String pending) {
        Map<String, Long> byState = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("SELECT " + stateColumn + ", COUNT(*) FROM " + table + " GROUP BY "
                + stateColumn + " ORDER BY " + stateColumn).getResultList()) {
            Object[] cols = (Object[]) row;
            byState.put(String.valueOf(cols[0]), ((Number) cols[1]).longValue());
        }
        Object oldest = em.createNativeQuery("SELECT MIN(created_at) FROM " + table + " WHERE " + stateColumn + " = "
                + pending).getSingleResult();
        Long age = oldest == null ? null : Duration.between(instant(oldest), clock.instant()).toSeconds();
        return new Backlog(byState, age);
    }

    private static final List<String> AGES = List.of("under 2 min", "2-10 min", "10-60 min", "1-24 h", "over 24 h");

    private OpenPayments openPayments(Instant now) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        Map<String, Long> byAge = new LinkedHashMap<>();
        AGES.forEach(age -> byAge.put(age, 0L));
        // counted in the database by the status index: a backlog of thousands is still one small answer
        for (Object row : em.createNativeQuery("SELECT status, CASE WHEN created_at >= ?1 THEN 0 WHEN created_at >= ?2"
                        + " THEN 1 WHEN created_at >= ?3 THEN 2 WHEN created_at >= ?4 THEN 3 ELSE 4 END AS age, COUNT(*)"
                        + " FROM payment_attempt WHERE status IN ('STARTED', 'PENDING', 'UNKNOWN') GROUP BY status, age")
                .setParameter(1, now.minus(Duration.ofMinutes(2))).setParameter(2, now.minus(Duration.ofMinutes(10)))
                .setParameter(3, now.minus(Duration.ofHours(1))).setParameter(4, now.minus(Duration.ofHours(24)))
                .getResultList()) {
            Object[] cols = (Object[]) row;
            long count = ((Number) cols[2]).longValue();
            byStatus.merge(String.valueOf(cols[0]), count, Long::sum);
            byAge.merge(AGES.get(((Number) cols[1]).intValue()), count, Long::sum);
        }
        return new OpenPayments(byStatus, byAge);
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) return t.toInstant();
        if (value instanceof java.time.LocalDateTime l) return l.toInstant(java.time.ZoneOffset.UTC);
        if (value instanceof Instant i) return i;
        return Timestamp.valueOf(String.valueOf(value)).toInstant();
    }
}
