package io.tijarat.core.order;

import io.tijarat.spi.Money;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer's order: what was bought at which price, where it goes, how it is paid and shipped, and
 * where it stands. Amounts are fixed at checkout. The status only changes through {@link #moveTo}, which
 * enforces the state machine and records the change in the history. Optimistic locking ({@code version})
 * turns two concurrent changes into one success and one retryable conflict.
 */
@Entity
@Table(name = "customer_order")
public class Order {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "order_number", nullable = false, length = 16, unique = true)
    private String number;

    @Column(name = "access_token_hash", nullable = false, length = 64)
    private String accessTokenHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private OrderStatus status;

    @Column(name = "customer_name", nullable = false, length = 200)
    private String customerName;

    @Column(name = "customer_phone", nullable = false, length = 16)
    private String customerPhone;

    @Column(name = "customer_email", length = 254)
    private String customerEmail;

    @Column(nullable = false, length = 8)
    private String locale;

    @Column(nullable = false, length = 500)
    private String address;

    @Column(nullable = false, length = 100)
    private String city;

    @Column(name = "postal_code", length = 10)
    private String postalCode;

    @Column(name = "payment_provider", nullable = false, length = 40)
    private String paymentProvider;

    @Column(name = "shipping_provider", nullable = false, length = 40)
    private String shippingProvider;

    @Column(name = "shipping_service", nullable = false, length = 40)
    private String shippingService;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "subtotal_minor", nullable = false)
    private long subtotalMinor;

    @Column(name = "shipping_minor", nullable = false)
    private long shippingMinor;

    @Column(name = "tax_minor", nullable = false)
    private long taxMinor;

    /** Zero, or what rounded a cash-on-delivery total down to whole rupees (negative, less than a rupee). */
    @Column(name = "rounding_minor", nullable = false)
    private long roundingMinor;

    /** COURIER, LAST_KNOWN or FALLBACK: where the shipping charge came from. */
    @Column(name = "shipping_quote_basis", nullable = false, length = 16)
    private String shippingQuoteBasis;

    @Column(name = "total_minor", nullable = false)
    private long totalMinor;

    @Column(name = "refunded_minor", nullable = false)
    private long refundedMinor;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("lineNo")
    private List<OrderLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<OrderHistoryEntry> history = new ArrayList<>();

    protected Order() {
        // for JPA
    }

    /** A new order awaiting payment; {@code lines} and totals are fixed from here on. */
    public Order(OrderDraft draft, String number, String accessTokenHash, Instant now, String actor) {
        this.id = UUID.randomUUID().toString();
        this.number = Objects.requireNonNull(number, "number");
        this.accessTokenHash = Objects.requireNonNull(accessTokenHash, "accessTokenHash");
        this.status = OrderStatus.PENDING_PAYMENT;
        this.customerName = draft.customerName();
        this.customerPhone = draft.customerPhone().value();
        this.customerEmail = draft.customerEmail() == null ? null : draft.customerEmail().value();
        this.locale = draft.locale();
        this.address = draft.address();
        this.city = draft.city();
        this.postalCode = draft.postalCode();
        this.paymentProvider = draft.paymentProvider();
        this.shippingProvider = draft.shippingProvider();
        this.shippingService = draft.shippingService();
        this.currency = draft.subtotal().currency();
        this.subtotalMinor = draft.subtotal().minorUnits();
        this.shippingMinor = draft.shipping().minorUnits();
        this.taxMinor = draft.tax().minorUnits();
        this.roundingMinor = draft.rounding().minorUnits();
        this.shippingQuoteBasis = draft.shippingQuoteBasis();
        this.totalMinor = subtotalMinor + shippingMinor + taxMinor + roundingMinor;
        this.createdAt = now;
        this.updatedAt = now;
        int lineNo = 1;
        for (OrderDraft.Line line : draft.lines()) {
            lines.add(new OrderLine(this, lineNo++, line));
        }
        history.add(new OrderHistoryEntry(this, now, null, status, "order placed", actor));
    }

    /**
     * Moves the order to {@code next} and records why and by whom.
     *
     * @throws IllegalTransitionException if the state machine does not allow it
     */
    public void moveTo(OrderStatus next, String reason, String actor, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException(status, next);
        }
        history.add(new OrderHistoryEntry(this, now, status, next, reason, actor));
        this.status = next;
        this.updatedAt = now;
    }

    /**
     * Records money paid back to the customer: the order becomes REFUNDED when all of it is, else
     * PARTIALLY_REFUNDED.
     *
     * @throws IllegalArgumentException if it would refund more than the order's total
     */
    public void applyRefund(Money amount, String reason, String actor, Instant now) {
        long after = Math.addExact(refundedMinor, amount.minorUnits());
        if (!amount.isPositive() || after > totalMinor || !amount.currency().equals(currency)) {
            throw new IllegalArgumentException("cannot refund " + amount + ": " + refunded() + " of " + total()
                    + " already refunded");
        }
        moveTo(after == totalMinor ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED, reason, actor, now);
        this.refundedMinor = after;
    }

    /**
     * Replaces the access token, e.g. when a checkout is recovered after its first answer was lost: the
     * customer never saw the first token, so nobody loses access.
     */
    public void replaceAccessToken(String tokenHash) {
        this.accessTokenHash = tokenHash;
    }

    /** Whether {@code token} is this order's access token (compared by hash, in constant time). */
    public boolean acceptsAccessToken(String tokenHash) {
        return java.security.MessageDigest.isEqual(
                accessTokenHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                tokenHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** The customer pays another way after a declined attempt; recorded in the history by the caller's move. */
    public void payWith(String providerId, Instant now) {
        this.paymentProvider = Objects.requireNonNull(providerId, "providerId");
        this.updatedAt = now;
    }

    public String id() { return id; }
    public String number() { return number; }
    public OrderStatus status() { return status; }
    public String customerName() { return customerName; }
    public String customerPhone() { return customerPhone; }
    public String customerEmail() { return customerEmail; }
    public String locale() { return locale; }
    public String address() { return address; }
    public String city() { return city; }
    public String postalCode() { return postalCode; }
    public String paymentProvider() { return paymentProvider; }
    public String shippingProvider() { return shippingProvider; }
    public String shippingService() { return shippingService; }
    public Money subtotal() { return Money.of(subtotalMinor, currency); }
    public Money shipping() { return Money.of(shippingMinor, currency); }
    public Money tax() { return Money.of(taxMinor, currency); }
    public Money total() { return Money.of(totalMinor, currency); }
    public Money rounding() { return Money.of(roundingMinor, currency); }
    public String shippingQuoteBasis() { return shippingQuoteBasis; }
    public Money refunded() { return Money.of(refundedMinor, currency); }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }
    public List<OrderLine> lines() { return Collections.unmodifiableList(lines); }
    public List<OrderHistoryEntry> history() { return Collections.unmodifiableList(history); }
}
