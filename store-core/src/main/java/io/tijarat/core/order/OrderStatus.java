package io.tijarat.core.order;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The states of an order and the only moves between them. Every move goes forward: no transition leads
 * back to an earlier state, so a late or replayed event can never undo progress.
 *
 * <pre>
 * PENDING_PAYMENT ──► PAID ──► FULFILLING ──► SHIPPED ──► DELIVERED ──► COMPLETED
 *        │             │            ▲            │             │
 *        │             ▼            │            ▼             ▼
 *        │         (refunds)        │        RETURNED     PARTIALLY_REFUNDED ──► REFUNDED
 *        ├──► AWAITING_CONFIRMATION ─┤ (cash on delivery: confirmed by phone/SMS)
 *        ├──► CONFIRMED (cash on delivery, bank transfer confirmed) ──► FULFILLING
 *        ├──► EXPIRED (payment window passed)
 *        └──► CANCELLED (also from AWAITING_CONFIRMATION, CONFIRMED; a PAID order is refunded instead)
 * </pre>
 */
public enum OrderStatus {
    PENDING_PAYMENT,
    AWAITING_CONFIRMATION,
    CONFIRMED,
    PAID,
    FULFILLING,
    SHIPPED,
    DELIVERED,
    RETURNED,
    COMPLETED,
    PARTIALLY_REFUNDED,
    REFUNDED,
    CANCELLED,
    EXPIRED;

    private static final Map<OrderStatus, Set<OrderStatus>> NEXT = Map.ofEntries(
            Map.entry(PENDING_PAYMENT, EnumSet.of(AWAITING_CONFIRMATION, CONFIRMED, PAID, CANCELLED, EXPIRED)),
            Map.entry(AWAITING_CONFIRMATION, EnumSet.of(CONFIRMED, CANCELLED)),
            Map.entry(CONFIRMED, EnumSet.of(FULFILLING, CANCELLED)),
            // A paid order is not cancelled but refunded: cancelling would leave the money with no way back.
            Map.entry(PAID, EnumSet.of(FULFILLING, PARTIALLY_REFUNDED, REFUNDED)),
            Map.entry(FULFILLING, EnumSet.of(SHIPPED)),
            Map.entry(SHIPPED, EnumSet.of(DELIVERED, RETURNED)),
            Map.entry(DELIVERED, EnumSet.of(COMPLETED, PARTIALLY_REFUNDED, REFUNDED)),
            Map.entry(RETURNED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED)),
            Map.entry(COMPLETED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED)),
            Map.entry(PARTIALLY_REFUNDED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED)),
            Map.entry(REFUNDED, EnumSet.noneOf(OrderStatus.class)),
            Map.entry(CANCELLED, EnumSet.noneOf(OrderStatus.class)),
            Map.entry(EXPIRED, EnumSet.noneOf(OrderStatus.class)));

    public boolean canMoveTo(OrderStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Whether stock reserved for the order is still held (released on cancel or expiry). */
    public boolean holdsStock() {
        return this != CANCELLED && this != EXPIRED;
    }

    /** Whether the customer or an admin may still cancel without a refund or a return. */
    public boolean isCancellable() {
        return canMoveTo(CANCELLED);
    }

    /** Whether money was taken for the order, so that it can be refunded. */
    public boolean isRefundable() {
        return canMoveTo(REFUNDED);
    }

    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}
