package io.tijarat.core.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One event on its way to one endpoint. Its id is the event id the receiver sees (payload {@code id} and
 * the {@code Tijarat-Webhook-Id} header), the same on every attempt, so a receiver drops duplicates by it.
 * The payload is stored as sent, so every attempt sends the same bytes.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    /** Where a delivery stands. */
    public enum Status {
        /** Due at {@code nextAttemptAt} (or in flight, leased until then). */
        PENDING,
        DELIVERED,
        /** Out of attempts, or its endpoint was disabled: parked until an admin retries it. */
        FAILED
    }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "endpoint_id", nullable = false, length = 36)
    private String endpointId;

    @Column(name = "order_id", length = 36)
    private String orderId;

    @Column(name = "event_type", nullable = false, length = 40)
    private String eventType;

    @Column(nullable = false, columnDefinition = "TEXT")
    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_status_code")
    private Integer lastStatusCode;

    @Column(name = "last_error", length = 300)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected WebhookDelivery() {
        // for JPA
    }

    WebhookDelivery(String id, String endpointId, String orderId, String eventType, String payload, Instant now) {
        this.id = id;
        this.endpointId = endpointId;
        this.orderId = orderId;
        this.eventType = eventType;
        this.payload = payload;
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** Marks the attempt as started: counted now (a crash mid-send still counts), leased until {@code until}. */
    void start(Instant until) {
        attempts++;
        nextAttemptAt = until;
    }

    void delivered(int statusCode, Instant now) {
        status = Status.DELIVERED;
        lastStatusCode = statusCode;
        lastError = null;
        deliveredAt = now;
    }

    /** Records a failed attempt; {@code retryAt} null parks the delivery. */
    void failed(Integer statusCode, String error, Instant retryAt) {
        lastStatusCode = statusCode;
        lastError = error == null || error.length() <= 300 ? error : error.substring(0, 300);
        if (retryAt == null) {
            status = Status.FAILED;
        } else if (status == Status.PENDING) {
            nextAttemptAt = retryAt;
        }
    }

    void park(String reason) {
        status = Status.FAILED;
        lastError = reason;
    }

    /** Queues a parked delivery again, with a fresh schedule. */
    void retry(Instant now) {
        status = Status.PENDING;
        attempts = 0;
        nextAttemptAt = now;
    }

    public String id() { return id; }
    public String endpointId() { return endpointId; }
    public String orderId() { return orderId; }
    public String eventType() { return eventType; }
    String payload() { return payload; }
    public Status status() { return status; }
    public int attempts() { return attempts; }
    public Instant nextAttemptAt() { return nextAttemptAt; }
    public Integer lastStatusCode() { return lastStatusCode; }
    public String lastError() { return lastError; }
    public Instant createdAt() { return createdAt; }
    public Instant deliveredAt() { return deliveredAt; }
}
