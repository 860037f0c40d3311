package io.tijarat.core.cart;

import io.tijarat.core.catalog.ProductVariant;
import io.tijarat.core.error.ConflictException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A shopper's cart. Its random id is the only way to reach it; it is frozen once checked out. */
@Entity
@Table(name = "cart")
public class Cart {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "checked_out", nullable = false)
    private boolean checkedOut;

    @Version
    private long version;

    @OneToMany(mappedBy = "cart", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<CartLine> lines = new ArrayList<>();

    protected Cart() {
        // for JPA
    }

    public Cart(String currency, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.currency = currency;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Sets the quantity of {@code variant}; 0 removes the line. Limits are checked by the caller. */
    void setQuantity(ProductVariant variant, int quantity, Instant now) {
        requireOpen();
        Optional<CartLine> existing = line(variant.id());
        if (quantity == 0) {
            existing.ifPresent(lines::remove);
        } else if (existing.isPresent()) {
            existing.get().setQuantity(quantity);
        } else {
            lines.add(new CartLine(this, variant, quantity));
        }
        this.updatedAt = now;
    }

    /** Freezes the cart: it has become an order. */
    public void checkOut(Instant now) {
        requireOpen();
        this.checkedOut = true;
        this.updatedAt = now;
    }

    Optional<CartLine> line(String variantId) {
        return lines.stream().filter(l -> l.variant().id().equals(variantId)).findFirst();
    }

    private void requireOpen() {
        if (checkedOut) {
            throw new ConflictException("this cart has been checked out; start a new cart");
        }
    }

    public String id() { return id; }
    public String currency() { return currency; }
    public boolean checkedOut() { return checkedOut; }
    public List<CartLine> lines() { return Collections.unmodifiableList(lines); }
}
