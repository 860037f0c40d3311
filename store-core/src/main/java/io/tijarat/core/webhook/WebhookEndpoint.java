package io.tijarat.core.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A URL an admin registered for order events. Active until an admin disables it or it fails
 * {@code tijarat.webhooks.disable-after-failures} attempts in a row; disabling records when and why,
 * enabling clears the failure count. The secret is readable only inside this package (to sign), never
 * through the public API.
 */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = DestinationPolicy.MAX_LENGTH)
    private String url;

    /** Comma-separated event types, or {@code *} for all. */
    @Column(nullable = false, length = 1000)
    private String events;

    @Column(nullable = false, length = 64)
    private String secret;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    @Column(name = "disabled_reason", length = 300)
    private String disabledReason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected WebhookEndpoint() {
        // for JPA
    }

    WebhookEndpoint(String url, Collection<String> events, WebhookSecret secret, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.url = url;
        this.events = String.join(",", new TreeSet<>(events));
        this.secret = secret.reveal();
        this.active = true;
        this.createdAt = now;
    }

    boolean subscribesTo(String eventType) {
        return events.equals(WebhookEventTypes.ALL) || Arrays.asList(events.split(",")).contains(eventType);
    }

    /** Counts a failed attempt; returns true when this one disables the endpoint. */
    boolean failed(int disableAfter, String lastError, Instant now) {
        consecutiveFailures++;
        if (active && consecutiveFailures >= disableAfter) {
            disable("disabled after " + consecutiveFailures + " consecutive failed deliveries; last: " + lastError, now);
            return true;
        }
        return false;
    }

    void succeeded() {
        consecutiveFailures = 0;
    }

    void disable(String reason, Instant now) {
        active = false;
        disabledAt = now;
        disabledReason = reason.length() <= 300 ? reason : reason.substring(0, 300);
    }

    void enable() {
        active = true;
        consecutiveFailures = 0;
        disabledAt = null;
        disabledReason = null;
    }

    WebhookSecret secret() {
        return WebhookSecret.of(secret);
    }

    public String id() { return id; }
    public String url() { return url; }
    public List<String> events() { return List.of(events.split(",")); }
    public boolean active() { return active; }
    public int consecutiveFailures() { return consecutiveFailures; }
    public Instant disabledAt() { return disabledAt; }
    public String disabledReason() { return disabledReason; }
    public Instant createdAt() { return createdAt; }
}
