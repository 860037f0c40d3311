package io.tijarat.core.refund;

import io.tijarat.core.payment.PaymentAttempt;
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

    @Version
    private long version;

    protected Refund() {
        // for JPA
    }

    Refund(String orderId, String attemptId, String providerId, Money amount, boolean manual, String reason,
           String actor, Instant now) {
        this.id = PaymentAttempt.newId();
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
        this.gatewayReference = reference;
        this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        this.updatedAt = now;
    }

    public IdempotencyKey key() { return IdempotencyKey.of(id); }
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
