package io.tijarat.core.catalog;

import io.tijarat.core.customer.Text;
import io.tijarat.core.error.ConflictException;
import io.tijarat.core.error.InvalidRequestException;
import io.tijarat.core.error.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;

/** Staff changes to the catalog: add products with variants, change a variant, take a product down. */
@ApplicationScoped
public class CatalogAdministration {

    /** 1,000,000 PKR in paisa: a sanity ceiling on a single price. */
    static final long MAX_PRICE_MINOR = 100_000_000L;
    static final int MAX_STOCK = 1_000_000;

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<CatalogPages.CatalogChanged> changes;

    /** A new product and its variants. */
    public record NewProduct(String slug, String title, String description, List<NewVariant> variants) {
    }

    /** A new variant; price in paisa. */
    public record NewVariant(String sku, String title, Long priceMinor, Integer weightGrams, Integer stock) {
    }

    /** A change to a variant; null fields stay as they are. */
    public record VariantChange(String title, Long priceMinor, Integer stock) {
    }

    @Transactional
    public ProductSummary create(NewProduct in) {
        String slug = in.slug() == null ? null : in.slug().strip();
        if (slug == null || !slug.matches("[a-z0-9]+(-[a-z0-9]+)*") || slug.length() > 120) {
            throw InvalidRequestException.invalid("slug", "must be lower-case letters and digits joined by '-', at most 120");
        }
        String title = Text.required("title", in.title(), 1, 200);
        String description = Text.optional("description", in.description(), 5000);
        if (in.variants() == null || in.variants().isEmpty() || in.variants().size() > 100) {
            throw InvalidRequestException.invalid("variants", "a product needs 1 to 100 variants");
        }
        if (!em.createQuery("select p.id from Product p where p.slug = :s").setParameter("s", slug).getResultList().isEmpty()) {
            throw new ConflictException("a product with slug " + slug + " exists");
        }
        var product = new Product(slug, title, description, clock.instant());
        var skus = new HashSet<String>();
        for (int i = 0; i < in.variants().size(); i++) {
            NewVariant v = in.variants().get(i);
            String at = "variants[" + i + "].";
            String sku = v.sku() == null ? null : v.sku().strip();
            if (sku == null || !sku.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
                throw InvalidRequestException.invalid(at + "sku", "must be 1 to 64 letters, digits, '.', '_' or '-'");
            }
            if (!skus.add(sku) || !em.createQuery("select v.id from ProductVariant v where v.sku = :s")
                    .setParameter("s", sku).getResultList().isEmpty()) {
                throw new ConflictException("SKU " + sku + " is already in use");
            }
            product.addVariant(sku, Text.required(at + "title", v.title(), 1, 200),
                    range(at + "priceMinor", v.priceMinor(), 0, MAX_PRICE_MINOR), "PKR",
                    (int) range(at + "weightGrams", v.weightGrams() == null ? null : v.weightGrams().longValue(), 1, 100_000),
                    (int) range(at + "stock", v.stock() == null ? null : v.stock().longValue(), 0, MAX_STOCK));
        }
        em.persist(product);
        changes.fire(new CatalogPages.CatalogChanged(product.id()));
        return ProductSummary.of(product);
    }

    @Transactional
    public ProductSummary changeVariant(String sku, VariantChange change) {
        ProductVariant variant = em.createQuery("select v from ProductVariant v where v.sku = :s", ProductVariant.class)
                .setParameter("s", sku).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("no variant with SKU " + sku));
        String title = change.title() == null ? null : Text.required("title", change.title(), 1, 200);
        Long price = change.priceMinor() == null ? null : range("priceMinor", change.priceMinor(), 0, MAX_PRICE_MINOR);
        Integer stock = change.stock() == null ? null : (int) range("stock", change.stock().longValue(), 0, MAX_STOCK);
        variant.update(title, price, stock);
        changes.fire(new CatalogPages.CatalogChanged(variant.product().id()));
        return ProductSummary.of(variant.product());
    }

    @Transactional
    public void deactivate(String productId) {
        Product product = productId == null ? null : em.find(Product.class, productId);
        if (product == null) {
            throw new NotFoundException("no product with this id");
        }
        product.deactivate(clock.instant());
        changes.fire(new CatalogPages.CatalogChanged(product.id()));
    }

    private static long range(String field, Long value, long min, long max) {
        if (value == null) {
            throw InvalidRequestException.invalid(field, "is required");
        }
        if (value < min || value > max) {
            throw InvalidRequestException.invalid(field, "must be between " + min + " and " + max);
        }
        return value;
    }
}
