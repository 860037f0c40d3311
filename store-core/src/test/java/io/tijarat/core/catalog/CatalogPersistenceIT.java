package io.tijarat.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tijarat.core.testsupport.TestDatabase;
import io.tijarat.core.testsupport.TestJpa;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The catalog mappings against the real database (no in-memory stand-in). */
class CatalogPersistenceIT {

    @Test
    void a_product_with_variants_survives_a_round_trip_unchanged() {
        String slug = "kurta-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String id = TestJpa.inTransaction(em -> {
            var product = new Product(slug, "Lawn kurta — لان کرتا", "Three-piece lawn suit", now);
            product.addVariant("SKU-" + UUID.randomUUID(), "Small", 349_900, "PKR", 450, 7);
            product.addVariant("SKU-" + UUID.randomUUID(), "Large", 369_900, "PKR", 520, 3);
            em.persist(product);
            return product.id();
        });

        Product read = TestJpa.inTransaction(em -> {
            Product p = em.find(Product.class, id);
            p.variants().size(); // load inside the transaction
            return p;
        });

        assertEquals(slug, read.slug());
        assertEquals("Lawn kurta — لان کرتا", read.title());
        // Connector/J sends fractional seconds only to servers it believes are MySQL 5.6.4+; MariaDB 10.x
        // announces itself as "5.5.5-10.x" and loses them (README, known limitations). MySQL 8 and MariaDB 11 keep them.
        var precision = TestDatabase.get().keepsFractionalSeconds() ? ChronoUnit.MICROS : ChronoUnit.SECONDS;
        assertEquals(now.truncatedTo(precision), read.createdAt());
        assertEquals(2, read.variants().size());
        assertEquals(349_900 + 369_900, read.variants().stream().mapToLong(ProductVariant::priceMinor).sum());
        assertEquals(10, read.variants().stream().mapToInt(ProductVariant::stock).sum());
    }

    @Test
    void two_variants_cannot_share_a_sku() {
        String sku = "DUP-" + UUID.randomUUID();
        TestJpa.inTransaction(em -> {
            var product = new Product("a-" + UUID.randomUUID(), "A", null, Instant.now());
            product.addVariant(sku, "One", 100, "PKR", 1, 1);
            em.persist(product);
            return null;
        });

        assertThrows(PersistenceException.class, () -> TestJpa.inTransaction(em -> {
            var product = new Product("b-" + UUID.randomUUID(), "B", null, Instant.now());
            product.addVariant(sku, "Two", 100, "PKR", 1, 1);
            em.persist(product);
            return null;
        }));
    }
}
