package io.tijarat.core.payment.refund;

import io.tijarat.core.persistence.RowIds;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One refund of (part of) an order. Its id is the idempotency key the provider sees. */
@Entity
@Table(name = "refund")
public class Refund {

    @Id
    @Column(length = 20)
    private String id;

    @Column(name = "order_id", nullable = false, length = 36)
    private String orderId;

    @Column(name = "attempt_id", length = 20)
    private String attemptId;

    @Column(name = "provider_id", nullable = false, length = 40)
    private String providerId;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(nullable = false, length = 3)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private RefundStatus status;

    @Column(nullable = false)
    private boolean manual;

    @Column(name = "gateway_reference", length = 100)
    private String gatewayReference;

    @Column(length = 500)
    private String detail;

    @Column(nullable = false, length = 300)
    private String reason;

    @Column(nullable = false, length = 100)
    private String actor;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "next_check_at")
    private Instant nextCheckAt;

    @Column(nullable = false)
    private int checks;

    @Column(name = "resolved_by", length = 100)
    private String resolvedBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "resolution_note", length = 300)
    private String resolutionNote;

    @Version
    private long version;

    protected Refund() {
        // for JPA
    }

    Refund(String orderId, String attemptId, String providerId, Money amount, boolean manual, String reason,
           String actor, Instant now) {
        this.id = RowIds.newId();
        this.orderId = orderId;
        this.attemptId = attemptId;
        this.providerId = providerId;
        this.amountMinor = amount.minorUnits();
        this.currency = amount.currency();
        this.manual = manual;
        this.status = manual ? RefundStatus.MANUAL : RefundStatus.REQUESTED;
        this.reason = reason;
        this.actor = actor;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void record(RefundStatus outcome, String reference, String detail, Instant now) {
        this.status = outcome;
        if (reference != null) {
            this.gatewayReference = reference;
        }
        this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        this.updatedAt = now;
    }

    /** When the reconciler asks the provider next; counts the asks, for back-off. */
    void scheduleCheck(Instant at) {
        this.nextCheckAt = at;
        this.checks++;
    }

    /** Keeps other reconcilers off this refund while one asks about it. */
    void lease(Instant until) {
        this.nextCheckAt = until;
    }

    /** An admin's resolution: the outcome, and who decided it, when and why. */
    void resolve(RefundStatus outcome, String reference, String actor, String note, Instant now) {
        record(outcome, reference, "resolved by " + actor + ": " + note, now);
        this.nextCheckAt = null;
        this.resolvedBy = actor;
        this.resolvedAt = now;
        this.resolutionNote = note;
    }

    public IdempotencyKey key() { return IdempotencyKey.of(id); }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public int checks() { return checks; }
    public String resolvedBy() { return resolvedBy; }
    public Instant resolvedAt() { return resolvedAt; }
    public String resolutionNote() { return resolutionNote; }
    public String id() { return id; }
    public String orderId() { return orderId; }
    public String attemptId() { return attemptId; }
    public String providerId() { return providerId; }
    public Money amount() { return Money.of(amountMinor, currency); }
    public RefundStatus status() { return status; }
    public boolean manual() { return manual; }
    public String gatewayReference() { return gatewayReference; }
    public String detail() { return detail; }
    public String reason() { return reason; }
}
