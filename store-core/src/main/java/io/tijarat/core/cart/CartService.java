package io.tijarat.core.cart;

import io.tijarat.core.catalog.ProductVariant;
import io.tijarat.core.error.InvalidRequestException;
import io.tijarat.core.error.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Creating carts and changing their lines, within the configured limits. */
@ApplicationScoped
public class CartService {

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CartSettings settings;

    @Transactional
    public CartView create() {
        var cart = new Cart("PKR", clock.instant());
        em.persist(cart);
        return view(cart);
    }

    /**
     * The cart as it stands. A read: no transaction (the pool's connection stays in auto-commit, so no
     * {@code SET autocommit} and {@code COMMIT} round trips), and {@link #find} loads everything the view reads.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CartView get(String cartId) {
        return view(find(cartId));
    }

    /** Sets the quantity of {@code sku} in the cart; 0 removes the line. */
    @Transactional
    public CartView setQuantity(String cartId, String sku, int quantity) {
        if (quantity < 0 || quantity > settings.maxQuantityPerLine()) {
            throw InvalidRequestException.invalid("quantity",
                    "must be between 0 and " + settings.maxQuantityPerLine());
        }
        Cart cart = find(cartId);
        ProductVariant variant = em.createQuery(
                        "select v from ProductVariant v join fetch v.product p where v.sku = :sku and p.active = true",
                        ProductVariant.class)
                .setParameter("sku", sku)
                .getResultStream().findFirst()
                .orElseThrow(() -> InvalidRequestException.unprocessable("sku", "no product with this SKU is for sale"));
        if (quantity > 0 && cart.line(variant.id()).isEmpty() && cart.lines().size() >= settings.maxLines()) {
            throw InvalidRequestException.unprocessable("sku", "a cart holds at most " + settings.maxLines() + " lines");
        }
        if (quantity > variant.stock()) {
            throw InvalidRequestException.unprocessable("quantity", "only " + variant.stock() + " in stock");
        }
        cart.setQuantity(variant, quantity, clock.instant());
        return view(cart);
    }

    Cart find(String cartId) {
        // One query for the cart, its lines, their variants and products (the view reads all of them); loading them
        // one by one was four queries for a one-line cart.
        return (cartId == null ? java.util.stream.Stream.<Cart>empty() : em.createQuery(
                        "select distinct c from Cart c left join fetch c.lines l left join fetch l.variant v"
                                + " left join fetch v.product where c.id = :id", Cart.class)
                .setParameter("id", cartId).getResultStream())
                .findFirst().orElseThrow(() -> new NotFoundException("no cart with this id"));
    }

    CartView view(Cart cart) {
        List<CartView.Line> lines = new ArrayList<>();
        long subtotal = 0;
        int weight = 0;
        for (CartLine line : cart.lines()) {
            ProductVariant v = line.variant();
            long lineTotal = Math.multiplyExact(v.priceMinor(), line.quantity());
            subtotal = Math.addExact(subtotal, lineTotal);
            weight = Math.addExact(weight, Math.multiplyExact(v.weightGrams(), line.quantity()));
            lines.add(new CartView.Line(v.sku(), v.product().title() + " — " + v.title(), v.priceMinor(),
                    line.quantity(), lineTotal, v.weightGrams(), v.stock() >= line.quantity()));
        }
        long tax = settings.taxOn(subtotal);
        return new CartView(cart.id(), cart.currency(), cart.checkedOut(), lines, subtotal, tax, subtotal + tax, weight);
    }
}
