package io.tijarat.core.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Read-side of the catalog for the storefront: active products, paged, optionally filtered by text. */
@ApplicationScoped
public class CatalogQueries {

    public static final int MAX_PAGE_SIZE = 100;

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    /**
     * One page of active products ordered by title; {@code text} (may be blank) searches title and description,
     * case-insensitively, as plain text (no operators or wildcards of its own): every word must appear, as a
     * word or the start of one, through the full-text index ({@link SearchTerms}). Text made only of words the
     * index does not hold (shorter than three letters, or words such as "the") is matched as a substring instead.
     */
    public ProductPage listActive(String text, int page, int size) {
        if (page < 0) throw new IllegalArgumentException("page must be 0 or more");
        if (size < 1 || size > MAX_PAGE_SIZE) throw new IllegalArgumentException("size must be between 1 and " + MAX_PAGE_SIZE);
        String trimmed = text == null ? "" : text.strip();
        Filter filter = trimmed.isEmpty() ? new Filter("", null)
                : SearchTerms.of(trimmed).booleanQuery()
                        .map(query -> new Filter(" AND MATCH (p.title, p.description) AGAINST (:q IN BOOLEAN MODE)", query))
                        .orElseGet(() -> new Filter(" AND (p.title LIKE :q ESCAPE '!' OR p.description LIKE :q ESCAPE '!')",
                                "%" + escapeLike(trimmed) + "%"));
        // Native SQL: MATCH ... AGAINST is not JPQL. The columns' collation (utf8mb4_unicode_ci) ignores case, so
        // no lower(): the indexes stay usable.
        String from = " FROM product p WHERE p.active = TRUE" + filter.sql();
        // Page over ids first, then fetch those products with their variants in one query: a fetch join with
        // setMaxResults would page in memory. A search counts its matches in the same pass (a window count), so
        // the full-text lookup, its costly part, runs once; the plain listing reads its page straight from the
        // (active, title, id) index and counts apart, which is cheaper than counting in the same pass.
        boolean searching = filter.parameter() != null;
        var pageQuery = em.createNativeQuery("SELECT p.id" + (searching ? ", COUNT(*) OVER ()" : "") + from
                        + " ORDER BY p.title, p.id")
                .setFirstResult(page * size)
                .setMaxResults(size);
        filter.bind(pageQuery);
        List<?> rows = pageQuery.getResultList();
        List<String> ids = rows.stream().map(row -> (String) (searching ? ((Object[]) row)[0] : row)).toList();
        long total;
        if (searching && !rows.isEmpty()) {
            total = ((Number) ((Object[]) rows.get(0))[1]).longValue();
        } else {
            var count = em.createNativeQuery("SELECT COUNT(*)" + from);
            filter.bind(count);
            total = ((Number) count.getSingleResult()).longValue();
        }
        List<Product> products = ids.isEmpty() ? List.of() : em.createQuery(
                        "select distinct p from Product p left join fetch p.variants where p.id in :ids order by p.title, p.id",
                        Product.class)
                .setParameter("ids", ids)
                .getResultList();
        return new ProductPage(products.stream().map(ProductSummary::of).toList(), page, size, total);
    }

    /** The SQL that narrows the listing, and its one parameter (none for the plain listing). */
    private record Filter(String sql, String parameter) {
        void bind(jakarta.persistence.Query query) {
            if (parameter != null) {
                query.setParameter("q", parameter);
            }
        }
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
