package io.tijarat.core.cart;

import io.tijarat.core.catalog.ProductVariant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;

/** A variant and how many of it are in the cart. The price is read from the catalog until checkout. */
@Entity
@Table(name = "cart_line")
public class CartLine {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cart_id")
    private Cart cart;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "variant_id")
    private ProductVariant variant;

    @Column(nullable = false)
    private int quantity;

    protected CartLine() {
        // for JPA
    }

    CartLine(Cart cart, ProductVariant variant, int quantity) {
        this.id = UUID.randomUUID().toString();
        this.cart = cart;
        this.variant = variant;
        this.quantity = quantity;
    }

    void setQuantity(int quantity) {
        this.quantity = quantity;
    }

    public ProductVariant variant() { return variant; }
    public int quantity() { return quantity; }
}
