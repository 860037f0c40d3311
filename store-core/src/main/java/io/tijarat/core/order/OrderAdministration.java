package io.tijarat.core.order;

import io.tijarat.core.catalog.Stock;
import io.tijarat.core.error.InvalidRequestException;
import io.tijarat.core.error.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What shop staff do with orders: find them, look at one with its history, cancel. */
@ApplicationScoped
public class OrderAdministration {

    public static final int MAX_PAGE_SIZE = 100;

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    OrderEvents orderEvents;

    /** Filters for the order list; null means "any". */
    public record Filter(OrderStatus status, Instant from, Instant to, String paymentProvider, String shippingProvider) {
    }

    /** One row of the order list. */
    public record Summary(String id, String number, String status, String customerName, String city,
                          long totalMinor, String currency, String paymentProvider, String shippingProvider,
                          Instant createdAt) {
    }

    /** A page of orders, newest first. */
    public record Page(List<Summary> items, int page, int size, long total) {
    }

    /**
     * An order with its whole history, for staff. {@code shippingQuoteBasis} says where the shipping charge came
     * from: COURIER, or LAST_KNOWN / FALLBACK when the courier could not be asked at checkout.
     */
    public record Detail(Summary summary, String phone, String email, String address, String postalCode,
                         List<Line> lines, long subtotalMinor, long shippingMinor, long taxMinor, long roundingMinor,
                         String shippingQuoteBasis, long refundedMinor, List<Change> history) {
        /** A line as bought. */
        public record Line(String sku, String title, long unitPriceMinor, int quantity) {
        }

        /** One status change. */
        public record Change(Instant at, String from, String to, String reason, String actor) {
        }
    }

    @Transactional
    public Page list(Filter filter, int page, int size) {
        if (size < 1 || size > MAX_PAGE_SIZE || page < 0) {
            throw InvalidRequestException.invalid("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" from Order o where 1 = 1");
        if (filter.status() != null) { where.append(" and o.status = :status"); params.put("status", filter.status()); }
        if (filter.from() != null) { where.append(" and o.createdAt >= :from"); params.put("from", filter.from()); }
        if (filter.to() != null) { where.append(" and o.createdAt < :to"); params.put("to", filter.to()); }
        if (filter.paymentProvider() != null) { where.append(" and o.paymentProvider = :pp"); params.put("pp", filter.paymentProvider()); }
        if (filter.shippingProvider() != null) { where.append(" and o.shippingProvider = :sp"); params.put("sp", filter.shippingProvider()); }
        TypedQuery<Long> count = em.createQuery("select count(o)" + where, Long.class);
        TypedQuery<Order> select = em.createQuery("select o" + where + " order by o.createdAt desc, o.id", Order.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            select.setParameter(k, v);
        });
        List<Summary> items = select.setFirstResult(page * size).setMaxResults(size).getResultList()
                .stream().map(OrderAdministration::summary).toList();
        return new Page(items, page, size, count.getSingleResult());
    }

    @Transactional
    public Detail detail(String orderId) {
        return detail(find(orderId));
    }

    /** Cancels the order and puts its reserved stock back. */
    /**
     * Staff reached a cash-on-delivery customer (a call, or their SMS reply) who confirmed the order: it may
     * now be fulfilled. Confirming twice is harmless; an order not waiting for confirmation is a conflict.
     */
    @Transactional
    public Detail confirmCashOnDelivery(String orderId, String note, String actor) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw new NotFoundException("no order with this id");
        }
        if (order.status() == OrderStatus.CONFIRMED) {
            return detail(order);
        }
        if (order.status() != OrderStatus.AWAITING_CONFIRMATION) {
            throw new IllegalTransitionException(order.status(), OrderStatus.CONFIRMED);
        }
        String why = "customer confirmed cash on delivery" + (note == null || note.isBlank() ? "" : ": " + note.strip());
        order.moveTo(OrderStatus.CONFIRMED, why, actor, clock.instant());
        return detail(order);
    }

    /**
     * Cancels a cash-on-delivery order the customer never confirmed, returning its stock — only if it is still
     * waiting for that confirmation when its row is locked (a confirmation or a cancel that came first wins, and
     * stock goes back exactly once). The customer and the merchant hear of it through the outbox.
     *
     * @return whether this call cancelled it
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean releaseUnconfirmed(String orderId, String reason) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null || order.status() != OrderStatus.AWAITING_CONFIRMATION) {
            return false;
        }
        cancelLocked(order, reason, "system");
        return true;
    }

    /**
     * Cash-on-delivery orders that have waited for the customer's confirmation since before {@code before}, the
     * longest-waiting first.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> unconfirmedSince(Instant before, int limit) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("SELECT o.id FROM customer_order o WHERE o.status = 'AWAITING_CONFIRMATION'"
                        + " AND (SELECT MAX(h.at) FROM order_history h WHERE h.order_id = o.id"
                        + " AND h.to_status = 'AWAITING_CONFIRMATION') <= ?1 ORDER BY o.created_at LIMIT ?2")
                .setParameter(1, before).setParameter(2, limit).getResultList();
        return ids;
    }

    @Transactional
    public Detail cancel(String orderId, String reason, String actor) {
        Order order = em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw new NotFoundException("no order with this id");
        }
        cancelLocked(order, reason, actor);
        return detail(order);
    }

    private void cancelLocked(Order order, String reason, String actor) {
        order.moveTo(OrderStatus.CANCELLED, reason, actor, clock.instant());
        orderEvents.raise(order, OrderEvent.ORDER_CANCELLED, order.total());
        for (OrderLine line : order.lines()) {
            Stock.release(em, line.variantId(), line.quantity());
        }
    }

    private Order find(String orderId) {
        Order order = orderId == null ? null : em.find(Order.class, orderId);
        if (order == null) {
            throw new NotFoundException("no order with this id");
        }
        return order;
    }

    private static Detail detail(Order o) {
        return new Detail(summary(o), o.customerPhone(), o.customerEmail(), o.address(), o.postalCode(),
                o.lines().stream().map(l -> new Detail.Line(l.sku(), l.title(), l.unitPriceMinor(), l.quantity())).toList(),
                o.subtotal().minorUnits(), o.shipping().minorUnits(), o.tax().minorUnits(), o.rounding().minorUnits(),
                o.shippingQuoteBasis(), o.refunded().minorUnits(),
                o.history().stream().map(h -> new Detail.Change(h.at(), h.from() == null ? null : h.from().name(),
                        h.to().name(), h.reason(), h.actor())).toList());
    }

    private static Summary summary(Order o) {
        return new Summary(o.id(), o.number(), o.status().name(), o.customerName(), o.city(), o.total().minorUnits(),
                o.total().currency(), o.paymentProvider(), o.shippingProvider(), o.createdAt());
    }
}
