package io.tijarat.core.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;

/** Read-side of the catalog for the storefront: active products, paged, optionally filtered by text. */
@ApplicationScoped
public class CatalogQueries {

    public static final int MAX_PAGE_SIZE = 100;

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    /**
     * One page of active products ordered by title; {@code text} (may be blank) matches title or
     * description, case-insensitively, as plain text (no wildcards of its own).
     */
    public ProductPage listActive(String text, int page, int size) {
        if (page < 0) throw new IllegalArgumentException("page must be 0 or more");
        if (size < 1 || size > MAX_PAGE_SIZE) throw new IllegalArgumentException("size must be between 1 and " + MAX_PAGE_SIZE);
        String pattern = "%" + escapeLike(text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) + "%";
        String where = " from Product p where p.active = true and (lower(p.title) like :q escape '!'"
                + " or lower(p.description) like :q escape '!')";
        long total = em.createQuery("select count(p)" + where, Long.class).setParameter("q", pattern).getSingleResult();
        // Page over ids first, then fetch those products with their variants in one query: a fetch join
        // with setMaxResults would page in memory.
        List<String> ids = em.createQuery("select p.id" + where + " order by p.title, p.id", String.class)
                .setParameter("q", pattern)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
        List<Product> products = ids.isEmpty() ? List.of() : em.createQuery(
                        "select distinct p from Product p left join fetch p.variants where p.id in :ids order by p.title, p.id",
                        Product.class)
                .setParameter("ids", ids)
                .getResultList();
        return new ProductPage(products.stream().map(ProductSummary::of).toList(), page, size, total);
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
