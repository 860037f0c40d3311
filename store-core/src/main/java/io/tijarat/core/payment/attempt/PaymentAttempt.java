package io.tijarat.core.payment.attempt;

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

/** One attempt to take payment for an order through one provider. */
@Entity
@Table(name = "payment_attempt")
public class PaymentAttempt {


    @Id
    @Column(length = 20)
    private String id;

    @Column(name = "order_id", nullable = false, length = 36)
    private String orderId;

    @Column(name = "provider_id", nullable = false, length = 40)
    private String providerId;

    @Column(name = "amount_minor", nullable = false)
    private long amountMinor;

    @Column(nullable = false, length = 3)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AttemptStatus status;

    @Column(name = "gateway_reference", length = 100)
    private String gatewayReference;

    /** The instrument chosen at checkout (a {@link io.tijarat.spi.payment.PaymentMethod} name); null before V11. */
    @Column(length = 8)
    private String method;

    @Column(length = 500)
    private String detail;

    @Column(name = "next_action", columnDefinition = "TEXT")
    private String nextAction;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "next_check_at")
    private Instant nextCheckAt;

    @Column(nullable = false)
    private int checks;

    @Column(length = 300)
    private String attention;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected PaymentAttempt() {
        // for JPA
    }

    public PaymentAttempt(String orderId, String providerId, Money amount, Instant now) {
        this(orderId, providerId, amount, null, now);
    }

    /** @param method the instrument the customer chose at checkout (null when not known) */
    public PaymentAttempt(String orderId, String providerId, Money amount, io.tijarat.spi.payment.PaymentMethod method,
                          Instant now) {
        this.method = method == null ? null : method.name();
        this.id = newId();
        this.orderId = orderId;
        this.providerId = providerId;
        this.amountMinor = amount.minorUnits();
        this.currency = amount.currency();
        this.status = AttemptStatus.STARTED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Records what the provider said. Only a STARTED attempt takes a first answer. */
    public void record(AttemptStatus outcome, String reference, String detail, String nextAction, Instant now) {
        this.status = outcome;
        this.gatewayReference = reference;
        this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        this.nextAction = nextAction;
        this.updatedAt = now;
    }

    /** When the reconciler should look at this attempt next; counts the looks for backoff. */
    public void scheduleCheck(Instant at) {
        this.nextCheckAt = at;
        this.checks++;
    }

    /** Keeps other reconcilers off this attempt until {@code until} while one is asking about it. */
    public void lease(Instant until) {
        this.nextCheckAt = until;
    }

    /** Something a person must look at (a payment after expiry, an amount mismatch, no answer in time). */
    public void flag(String why, Instant now) {
        this.attention = why.length() <= 300 ? why : why.substring(0, 300);
        this.updatedAt = now;
    }

    /**
     * An order's current attempt: the newest. Timestamps may tie (a server that keeps whole seconds), so
     * among attempts made in the same instant the open or paid one wins: a new attempt is only ever made
     * after the previous one was declined or never sent.
     */
    public static java.util.Optional<PaymentAttempt> latestOf(jakarta.persistence.EntityManager em, String orderId) {
        return em.createQuery("select a from PaymentAttempt a where a.orderId = :o", PaymentAttempt.class)
                .setParameter("o", orderId).getResultStream()
                .max(java.util.Comparator.comparing(PaymentAttempt::createdAt)
                        .thenComparing(a -> a.status() != AttemptStatus.DECLINED && a.status() != AttemptStatus.NOT_SENT));
    }

    /** 20 characters of Crockford base32 (100 bits): fits every gateway's merchant-reference field. */
    public static String newId() {
        return RowIds.newId();
    }

    public IdempotencyKey key() { return IdempotencyKey.of(id); }
    public String id() { return id; }
    public String orderId() { return orderId; }
    public String providerId() { return providerId; }
    public Money amount() { return Money.of(amountMinor, currency); }
    public AttemptStatus status() { return status; }
    public String gatewayReference() { return gatewayReference; }
    /** The instrument the customer chose at checkout; empty for attempts made before it was recorded. */
    public java.util.Optional<io.tijarat.spi.payment.PaymentMethod> method() {
        if (method == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(io.tijarat.spi.payment.PaymentMethod.valueOf(method));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of(io.tijarat.spi.payment.PaymentMethod.ANY);
        }
    }
    public String detail() { return detail; }
    public String nextAction() { return nextAction; }
    public Instant updatedAt() { return updatedAt; }
    public Instant createdAt() { return createdAt; }
    public int checks() { return checks; }
    public String attention() { return attention; }
}
