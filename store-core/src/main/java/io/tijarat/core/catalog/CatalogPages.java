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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The storefront's product pages, each kept for a few seconds: a busy shop answers the same listing and the same
 * popular searches many times a second, and a search that matches thousands of products costs the database tens
 * of milliseconds each time. The listing already tells browsers and CDNs to keep a page for
 * {@code tijarat.catalog.cache-seconds}; this server keeps it for at most 5 s of that (none when it is 0), so a
 * page is never older here than anywhere else. Any change an admin makes to the catalog empties it once the change
 * is committed. When a kept page expires, one request reads it again while the others still get the kept one, and
 * the first read of a page is shared by the requests that ask meanwhile: a popular search costs one query every
 * few seconds, however many shoppers send it. Stock moved by orders is not watched: whether a variant is in stock
 * may lag by those seconds, as it may in any cache (checkout always checks the real stock). At most {@link #MAX_PAGES} pages, so a flood of
 * distinct searches cannot fill the heap.
 */
@ApplicationScoped
public class CatalogPages {

    static final int MAX_PAGES = 2_000;
    private static final Duration LONGEST = Duration.ofSeconds(5);

    private final ConcurrentHashMap<Key, Kept> pages = new ConcurrentHashMap<>();
    /** Moves on at every catalog change: a page read before it is not kept after it. */
    private final AtomicLong generation = new AtomicLong();

    @Inject
    CatalogQueries queries;

    @Inject
    TijaratSettings settings;

    @Inject
    Clock clock;

    private record Key(String text, int page, int size) {
    }

    /**
     * A page being read or read: {@code refreshing} is set while one request reads it again, during which the
     * others keep getting the page they had (so an expiring popular search costs one query, not one per client).
     */
    private record Kept(CompletableFuture<ProductPage> page, Instant until, AtomicBoolean refreshing) {
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
        if (kept == null) {
            makeRoom(now);
            Kept mine = new Kept(new CompletableFuture<>(), now.plus(keep), new AtomicBoolean(true));
            kept = pages.putIfAbsent(key, mine);
            if (kept == null) {
                return read(key, mine, text, page, size); // the first reader; the others wait for its page
            }
        } else if (!now.isBefore(kept.until()) && kept.page().isDone() && kept.refreshing().compareAndSet(false, true)) {
            Kept again = new Kept(new CompletableFuture<>(), now.plus(keep), new AtomicBoolean(true));
            return read(key, again, text, page, size);
        }
        return kept.page().join();
    }

    private ProductPage read(Key key, Kept into, String text, int page, int size) {
        long readFrom = generation.get();
        try {
            ProductPage fresh = queries.listActive(text, page, size);
            into.page().complete(fresh);
            into.refreshing().set(false);
            if (generation.get() == readFrom) {
                pages.put(key, into);
            } else {
                pages.remove(key);
            }
            return fresh;
        } catch (RuntimeException e) {
            into.page().completeExceptionally(e);
            pages.remove(key);
            throw e;
        }
    }

    private void makeRoom(Instant now) {
        if (pages.size() >= MAX_PAGES) {
            pages.values().removeIf(k -> k.page().isDone() && !now.isBefore(k.until()));
            if (pages.size() >= MAX_PAGES) {
                pages.clear();
            }
        }
    }

    /** Empties the pages once an admin's change to the catalog is committed (or rolled back: harmless). */
    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) CatalogChanged change) {
        generation.incrementAndGet();
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
