package io.tijarat.core.catalog;

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
import java.util.Objects;
import java.util.UUID;

/** A product as the shop presents it; customers buy one of its {@link ProductVariant}s. */
@Entity
@Table(name = "product")
public class Product {

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 120, unique = true)
    private String slug;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(columnDefinition = "TEXT")
    private String description;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "product", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sku")
    private List<ProductVariant> variants = new ArrayList<>();

    protected Product() {
        // for JPA
    }

    public Product(String slug, String title, String description, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.slug = Objects.requireNonNull(slug, "slug");
        this.title = Objects.requireNonNull(title, "title");
        this.description = description;
        this.active = true;
        this.createdAt = Objects.requireNonNull(now, "now");
        this.updatedAt = now;
    }

    public ProductVariant addVariant(String sku, String variantTitle, long priceMinor, String currency,
                                     int weightGrams, int stock) {
        var variant = new ProductVariant(this, sku, variantTitle, priceMinor, currency, weightGrams, stock);
        variants.add(variant);
        return variant;
    }

    /** Takes the product off the storefront; orders that hold it are unaffected. */
    public void deactivate(Instant now) {
        this.active = false;
        this.updatedAt = now;
    }

    public String id() { return id; }
    public String slug() { return slug; }
    public String title() { return title; }
    public String description() { return description; }
    public boolean active() { return active; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }
    public List<ProductVariant> variants() { return Collections.unmodifiableList(variants); }
}
