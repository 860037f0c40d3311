package io.tijarat.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tijarat.core.testsupport.MovableClock;
import io.tijarat.core.testsupport.TestJpa;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Product pages kept for a few seconds, on the real database: how stale a page may get, and what empties it. */
class CatalogPagesIT {

    private final String run = "zk" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T10:00:00Z"));

    @Test
    void aPageIsKeptForItsSecondsAndAnAdminChangeEmptiesItAtOnce() {
        CatalogPages pages = pages(Duration.ofSeconds(5));
        product("Lawn kurta " + run);
        assertEquals(1, total(pages));

        product("Lawn shirt " + run); // written behind the cache's back, as an order's stock change would be
        assertEquals(1, total(pages), "within its seconds the kept page answers");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(2, total(pages), "after them the database answers again");

        product("Lawn dupatta " + run);
        pages.changed(new CatalogPages.CatalogChanged("any"));
        assertEquals(3, total(pages), "an admin's committed change is seen at once");
    }

    @Test
    void withNoSecondsToKeepEveryPageIsRead() {
        CatalogPages pages = pages(Duration.ZERO);
        product("Silk shawl " + run);
        assertEquals(1, total(pages));
        product("Silk scarf " + run);
        assertEquals(2, total(pages));
    }

    @Test
    void manyShoppersAskingTheSamePageCostOneQueryAndOneMoreWhenItExpires() throws Exception {
        var queries = new CountingQueries();
        CatalogPages pages = pages(Duration.ofSeconds(5));
        pages.queries = queries;
        product("Velvet shawl " + run);

        assertEquals(Set.of(1L), totalsFrom16ShoppersAtOnce(pages));
        assertEquals(1, queries.calls.get(), "the first read is shared by those who asked meanwhile");

        product("Velvet scarf " + run);
        clock.advance(Duration.ofSeconds(5));
        var totals = totalsFrom16ShoppersAtOnce(pages);
        assertEquals(2, queries.calls.get(), "one shopper reads the expired page again; the others get the kept one");
        assertEquals(true, totals.contains(2L), "the one who read it got the new page: " + totals);
        assertEquals(Set.of(2L), totalsFrom16ShoppersAtOnce(pages), "after the read everyone gets the new page");
        assertEquals(2, queries.calls.get());
    }

    private Set<Long> totalsFrom16ShoppersAtOnce(CatalogPages pages) throws Exception {
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(16);
        try {
            var answers = new ArrayList<Future<Long>>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return pages.listActive(run, 0, 10).total();
                }));
            }
            start.countDown();
            var totals = new TreeSet<Long>();
            for (var answer : answers) {
                totals.add(answer.get(30, TimeUnit.SECONDS));
            }
            return totals;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The real queries on the real database, each in its own transaction, counted. */
    private static final class CountingQueries extends CatalogQueries {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public synchronized ProductPage listActive(String text, int page, int size) {
            calls.incrementAndGet();
            return TestJpa.inTransaction(em -> {
                this.em = em;
                return super.listActive(text, page, size);
            });
        }
    }

    private long total(CatalogPages pages) {
        return TestJpa.inTransaction(em -> {
            pages.queries.em = em;
            return pages.listActive(run, 0, 10).total();
        });
    }

    private CatalogPages pages(Duration keep) {
        CatalogPages pages = new CatalogPages() {
            @Override
            Duration keepFor() {
                return keep;
            }
        };
        pages.queries = new CatalogQueries();
        pages.clock = clock;
        return pages;
    }

    private static void product(String title) {
        TestJpa.inTransaction(em -> {
            var product = new Product("p-" + UUID.randomUUID(), title, null, Instant.now());
            product.addVariant("S-" + UUID.randomUUID(), "One", 100_00, "PKR", 100, 5);
            em.persist(product);
            return null;
        });
    }
}
