package io.tijarat.core.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;
import java.util.UUID;

/** One sellable form of a product (size, colour…), with its own SKU, price, weight and stock. */
@Entity
@Table(name = "product_variant")
public class ProductVariant {

    @Id
    @Column(length = 36)
    private String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id")
    private Product product;

    @Column(nullable = false, length = 64, unique = true)
    private String sku;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 1000)
    private String attributes = "{}";

    @Column(name = "price_minor", nullable = false)
    private long priceMinor;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(name = "weight_grams", nullable = false)
    private int weightGrams;

    @Column(nullable = false)
    private int stock;

    @Version
    private long version;

    protected ProductVariant() {
        // for JPA
    }

    ProductVariant(Product product, String sku, String title, long priceMinor, String currency,
                   int weightGrams, int stock) {
        if (priceMinor < 0) throw new IllegalArgumentException("price must not be negative");
        if (weightGrams < 0) throw new IllegalArgumentException("weight must not be negative");
        if (stock < 0) throw new IllegalArgumentException("stock must not be negative");
        this.id = UUID.randomUUID().toString();
        this.product = Objects.requireNonNull(product, "product");
        this.sku = Objects.requireNonNull(sku, "sku");
        this.title = Objects.requireNonNull(title, "title");
        this.priceMinor = priceMinor;
        this.currency = Objects.requireNonNull(currency, "currency");
        this.weightGrams = weightGrams;
        this.stock = stock;
    }

    /** Changes what staff may change; stock is set absolutely (a stock count), price in minor units. */
    void update(String newTitle, Long newPriceMinor, Integer newStock) {
        if (newTitle != null) this.title = newTitle;
        if (newPriceMinor != null) {
            if (newPriceMinor < 0) throw new IllegalArgumentException("price must not be negative");
            this.priceMinor = newPriceMinor;
        }
        if (newStock != null) {
            if (newStock < 0) throw new IllegalArgumentException("stock must not be negative");
            this.stock = newStock;
        }
    }

    public String id() { return id; }
    public Product product() { return product; }
    public String sku() { return sku; }
    public String title() { return title; }
    public String attributes() { return attributes; }
    public long priceMinor() { return priceMinor; }
    public String currency() { return currency; }
    public int weightGrams() { return weightGrams; }
    public int stock() { return stock; }
    public long version() { return version; }
}
