package io.tijarat.core.catalog;

import io.tijarat.core.config.TijaratSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The storefront's product pages, each kept for a few seconds: a busy shop answers the same listing and the same
 * popular searches many times a second, and a search that matches thousands of products costs the database tens
 * of milliseconds each time. The listing already tells browsers and CDNs to keep a page for
 * {@code tijarat.catalog.cache-seconds}; this server keeps it for at most 5 s of that (none when it is 0), so a
 * page is never older here than anywhere else. Any change an admin makes to the catalog empties it once the change
 * is committed. Stock moved by orders is not watched: whether a variant is in stock may lag by those seconds, as
 * it may in any cache (checkout always checks the real stock). At most {@link #MAX_PAGES} pages, so a flood of
 * distinct searches cannot fill the heap.
 */
@ApplicationScoped
public class CatalogPages {

    static final int MAX_PAGES = 2_000;
    private static final Duration LONGEST = Duration.ofSeconds(5);

    private final ConcurrentHashMap<Key, Kept> pages = new ConcurrentHashMap<>();

    @Inject
    CatalogQueries queries;

    @Inject
    TijaratSettings settings;

    @Inject
    Clock clock;

    private record Key(String text, int page, int size) {
    }

    private record Kept(ProductPage page, Instant until) {
    }

    /** {@link CatalogQueries#listActive}, answered from a page kept for a few seconds when there is one. */
    public ProductPage listActive(String text, int page, int size) {
        Duration keep = keepFor();
        if (keep.isZero()) {
            return queries.listActive(text, page, size);
        }
        var key = new Key(text == null ? "" : text.strip().toLowerCase(Locale.ROOT), page, size);
        Instant now = clock.instant();
        Kept kept = pages.get(key);
        if (kept != null && now.isBefore(kept.until())) {
            return kept.page();
        }
        ProductPage fresh = queries.listActive(text, page, size);
        if (pages.size() >= MAX_PAGES) {
            pages.values().removeIf(k -> !now.isBefore(k.until()));
            if (pages.size() >= MAX_PAGES) {
                pages.clear();
            }
        }
        pages.put(key, new Kept(fresh, now.plus(keep)));
        return fresh;
    }

    /** Empties the pages once an admin's change to the catalog is committed (or rolled back: harmless). */
    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) CatalogChanged change) {
        pages.clear();
    }

    Duration keepFor() {
        Duration advertised = Duration.ofSeconds(settings.catalogCacheSeconds());
        return advertised.compareTo(LONGEST) < 0 ? advertised : LONGEST;
    }

    /** Raised by {@link CatalogAdministration} inside the transaction that changes a product. */
    public record CatalogChanged(String productId) {
    }
}
