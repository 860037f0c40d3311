package io.tijarat.core.checkout;

import io.tijarat.core.order.OrderStatus;
import io.tijarat.core.payment.attempt.AttemptStatus;
import io.tijarat.core.catalog.Stock;
import io.tijarat.core.order.OrderEvent;
import io.tijarat.core.order.OrderEvents;
import io.tijarat.core.cart.Cart;
import io.tijarat.core.cart.CartLine;
import io.tijarat.core.cart.CartSettings;
import io.tijarat.core.catalog.ProductVariant;
import io.tijarat.core.customer.CustomerDetails;
import io.tijarat.core.error.ConflictException;
import io.tijarat.core.error.InvalidRequestException;
import io.tijarat.core.error.NotFoundException;
import io.tijarat.core.idempotency.IdempotencyStore;
import io.tijarat.core.order.Order;
import io.tijarat.core.order.OrderDraft;
import io.tijarat.core.order.OrderNumbers;
import io.tijarat.core.payment.attempt.PaymentAttempt;
import io.tijarat.spi.Money;
import io.tijarat.spi.shipping.RateQuote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The transaction that turns a cart into an order: reserves stock (never below zero, even under
 * concurrent checkouts), prices the lines, creates the order and its first payment attempt, freezes the
 * cart and links the idempotency claim — all or nothing.
 */
@ApplicationScoped
public class OrderPlacement {

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    io.tijarat.core.contact.ConsentLedger consent;

    @Inject
    Clock clock;

    @Inject
    CartSettings settings;

    @Inject
    IdempotencyStore idempotency;

    @Inject
    OrderEvents orderEvents;

    @Inject
    OrderAccess access;

    /** The committed order, its attempt, and the access token shown once to the customer. */
    public record Placed(String orderId, String attemptId, String accessToken) {
    }

    /**
     * A new payment attempt for an order whose last attempt was declined or never sent: the customer tries
     * again, with the same provider or another. Refused while an attempt may still take money (pending,
     * unknown, started: inquiry settles those first), and for orders no longer waiting for payment.
     */
    @Transactional
    public Placed newAttempt(String idempotencyRecordId, String orderId, String accessToken, String paymentProvider,
                             io.tijarat.spi.payment.PaymentMethod method, boolean collectOnDelivery) {
        var now = clock.instant();
        Order order = orderId == null || accessToken == null ? null
                : em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (!access.opens(order, accessToken)) {
            throw new NotFoundException("no order with this id and access token");
        }
        if (order.status() != OrderStatus.PENDING_PAYMENT) {
            throw new ConflictException("order " + order.number() + " is " + order.status() + " and takes no new payment");
        }
        // Every earlier attempt must have failed for certain — not only the newest (clocks of several servers
        // may disagree on which that is).
        List<PaymentAttempt> stillOpen = em.createQuery("select a from PaymentAttempt a where a.orderId = :o"
                        + " and a.status not in :failed", PaymentAttempt.class)
                .setParameter("o", orderId).setParameter("failed", List.of(AttemptStatus.DECLINED, AttemptStatus.NOT_SENT))
                .getResultList();
        if (!stillOpen.isEmpty()) {
            throw new ConflictException("the last payment for order " + order.number() + " is " + stillOpen.get(0).status()
                    + "; a new one can start once it has failed or expired, so you are never charged twice");
        }
        if (collectOnDelivery && !order.total().isWhole()) {
            throw InvalidRequestException.unprocessable("paymentProvider", "this order's total, " + order.total()
                    + ", has paisa and a courier collects whole rupees: to pay cash on delivery, check out again"
                    + " choosing cash on delivery (the total is then rounded down to whole rupees)");
        }
        order.payWith(paymentProvider, now);
        var attempt = new PaymentAttempt(order.id(), paymentProvider, order.total(), method, now);
        em.persist(attempt);
        idempotency.attachOrder(idempotencyRecordId, order.id());
        return new Placed(order.id(), attempt.id(), null);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Placed place(String idempotencyRecordId, String cartId, int quotedWeightGrams, CustomerDetails customer,
                        String paymentProvider, io.tijarat.spi.payment.PaymentMethod method, String shippingProvider,
                        RateQuote shippingQuote, ShippingRates.Basis quoteBasis, boolean collectOnDelivery) {
        var now = clock.instant();
        Cart cart = em.find(Cart.class, cartId, LockModeType.PESSIMISTIC_WRITE);
        if (cart == null) {
            throw new NotFoundException("no cart with this id");
        }
        if (cart.checkedOut()) {
            throw new ConflictException("this cart has already been checked out");
        }
        // The lock is on the cart row alone; this second read (no lock) fills the same managed cart with its lines,
        // variants and products in one query instead of one per association.
        em.createQuery("select distinct c from Cart c left join fetch c.lines l left join fetch l.variant v"
                + " left join fetch v.product where c.id = :id", Cart.class).setParameter("id", cartId).getResultList();
        if (cart.lines().isEmpty()) {
            throw InvalidRequestException.unprocessable("cartId", "the cart is empty");
        }
        List<OrderDraft.Line> lines = new ArrayList<>();
        Money subtotal = Money.zero(cart.currency());
        // Reserve in a fixed order (by variant id) so concurrent checkouts never deadlock on each other.
        List<CartLine> cartLines = new ArrayList<>(cart.lines());
        cartLines.sort(Comparator.comparing(l -> l.variant().id()));
        for (CartLine line : cartLines) {
            ProductVariant v = line.variant();
            reserve(v, line.quantity());
            var draftLine = new OrderDraft.Line(v.id(), v.sku(), v.product().title() + " — " + v.title(),
                    Money.of(v.priceMinor(), v.currency()), line.quantity(), v.weightGrams());
            lines.add(draftLine);
            subtotal = subtotal.plus(draftLine.lineTotal());
        }
        int weight = lines.stream().mapToInt(l -> Math.multiplyExact(l.weightGrams(), l.quantity())).sum();
        if (weight != quotedWeightGrams) {
            // The cart changed after shipping was quoted: the quote no longer fits what we would ship.
            throw new ConflictException("the cart changed during checkout; please review it and check out again");
        }
        Money tax = Money.of(settings.taxOn(subtotal.minorUnits()), subtotal.currency());
        // Cash on delivery is collected in whole rupees: the customer is told, and pays, the total rounded down.
        Money rounding = collectOnDelivery
                ? OrderDraft.wholeRupeeRounding(subtotal.plus(shippingQuote.charge()).plus(tax))
                : Money.zero(subtotal.currency());
        var draft = new OrderDraft(customer.name(), customer.phone(), customer.email(), customer.locale(),
                customer.address(), customer.city(), customer.postalCode(), paymentProvider, shippingProvider,
                shippingQuote.serviceCode(), lines, subtotal, shippingQuote.charge(), tax, rounding, quoteBasis.name());
        String token = AccessTokens.newToken();
        var order = new Order(draft, OrderNumbers.next(), AccessTokens.hash(token), now, "customer");
        em.persist(order);
        orderEvents.raise(order, OrderEvent.ORDER_PLACED, order.total());
        if (customer.marketingConsent()) {
            consent.record(customer.phone().value(), true, io.tijarat.core.contact.ConsentEvent.Source.CHECKOUT,
                    "customer", "ticked at checkout of order " + order.number());
        }
        var attempt = new PaymentAttempt(order.id(), paymentProvider, order.total(), method, now);
        em.persist(attempt);
        cart.checkOut(now);
        idempotency.attachOrder(idempotencyRecordId, order.id());
        io.tijarat.core.provider.CorrelationIds.order(order.id());
        return new Placed(order.id(), attempt.id(), token);
    }

    /** Issues a new access token for {@code orderId} (see {@link Order#replaceAccessToken}). */
    @Transactional(TxType.REQUIRES_NEW)
    public String reissueAccessToken(String orderId) {
        String token = AccessTokens.newToken();
        em.find(Order.class, orderId, LockModeType.PESSIMISTIC_WRITE).replaceAccessToken(AccessTokens.hash(token));
        return token;
    }

    /** Takes {@code quantity} from stock in one conditional UPDATE: it cannot go below zero. */
    private void reserve(ProductVariant variant, int quantity) {
        if (!Stock.reserve(em, variant.id(), quantity)) {
            throw InvalidRequestException.unprocessable("cart", "not enough stock of " + variant.sku()
                    + " for " + quantity);
        }
    }
}
