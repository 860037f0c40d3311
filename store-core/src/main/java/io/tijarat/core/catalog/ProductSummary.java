package io.tijarat.core.catalog;

import java.util.List;

/** What the storefront shows of a product. Stock is reported as available or not, never as a count. */
public record ProductSummary(String id, String slug, String title, String description, List<Variant> variants) {

    public record Variant(String sku, String title, long priceMinor, String currency, int weightGrams, boolean inStock) {
    }

    public static ProductSummary of(Product p) {
        return new ProductSummary(p.id(), p.slug(), p.title(), p.description(), p.variants().stream()
                .map(v -> new Variant(v.sku(), v.title(), v.priceMinor(), v.currency(), v.weightGrams(), v.stock() > 0))
                .toList());
    }
}
