package io.tijarat.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tijarat.core.testsupport.TestJpa;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Catalog search on the real database's full-text index: what a shopper typing in English or Urdu finds. Every
 * product carries a marker word of this run, so products of other tests never count.
 */
class CatalogSearchIT {

    private static final String RUN = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @BeforeAll
    static void catalog() {
        product("Lawn kurta " + RUN, "Three-piece lawn suit — لان کرتا", true);
        product("Peshawari chappal " + RUN, "Leather sandals, hand-stitched", true);
        product("Sohan halwa " + RUN, "Multan's sweet: حلوہ in a tin", true);
        product("Lawn dupatta " + RUN, "Printed 100% lawn", true);
        product("Smart TV stand " + RUN, "Walnut", true);
        product("Retired lawn shirt " + RUN, "no longer sold", false);
    }

    @Test
    void everyWordMustMatchAndAWordMayBeTypedHalf() {
        assertEquals(List.of("Lawn dupatta", "Lawn kurta"), titles("lawn " + RUN));
        assertEquals(List.of("Lawn kurta"), titles("LAWN kur " + RUN));
        assertEquals(List.of("Peshawari chappal"), titles("chap " + RUN));
    }

    @Test
    void urduWordsInTheDescriptionAreFound() {
        assertEquals(List.of("Lawn kurta"), titles("کرتا " + RUN));
        assertEquals(List.of("Sohan halwa"), titles("حلوہ " + RUN));
    }

    @Test
    void inactiveProductsAreNeverFoundAndTheTotalCountsTheMatchesNotThePage() {
        CatalogQueries queries = new CatalogQueries();
        ProductPage first = TestJpa.inTransaction(em -> {
            queries.em = em;
            return queries.listActive(RUN, 0, 2);
        });
        assertEquals(5, first.total());
        assertEquals(2, first.items().size());
        ProductPage second = TestJpa.inTransaction(em -> {
            queries.em = em;
            return queries.listActive(RUN, 1, 2);
        });
        assertEquals(List.of("Peshawari chappal " + RUN, "Smart TV stand " + RUN),
                second.items().stream().map(ProductSummary::title).toList());
        ProductPage pastTheEnd = TestJpa.inTransaction(em -> {
            queries.em = em;
            return queries.listActive(RUN, 7, 2);
        });
        assertEquals(List.of(), pastTheEnd.items());
        assertEquals(5, pastTheEnd.total(), "past the last page the total is still told");
    }

    @Test
    void textOfOnlyShortWordsIsMatchedAsASubstringAndOperatorsAreJustText() {
        assertEquals(List.of("Smart TV stand"), titles("tv"), "too short for the index: a substring match");
        assertEquals(List.of(), titles("' OR 1=1 --"));
        assertEquals(List.of("Lawn kurta"), titles("+lawn -kurta " + RUN + " @2 (<"), "'-kurta' is a word, not an exclusion");
    }

    private static List<String> titles(String text) {
        CatalogQueries queries = new CatalogQueries();
        ProductPage page = TestJpa.inTransaction(em -> {
            queries.em = em;
            return queries.listActive(text, 0, CatalogQueries.MAX_PAGE_SIZE);
        });
        return page.items().stream().map(ProductSummary::title).filter(t -> t.endsWith(" " + RUN))
                .map(t -> t.replace(" " + RUN, "")).toList();
    }

    private static void product(String title, String description, boolean active) {
        TestJpa.inTransaction(em -> {
            var product = new Product("p-" + UUID.randomUUID(), title, description, Instant.now());
            product.addVariant("S-" + UUID.randomUUID(), "One", 100_00, "PKR", 100, 5);
            if (!active) {
                product.deactivate(Instant.now());
            }
            em.persist(product);
            return null;
        });
    }
}
