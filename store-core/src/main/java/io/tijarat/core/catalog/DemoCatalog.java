package io.tijarat.core.catalog;

import io.tijarat.core.persistence.SchemaReady;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * A small demo catalog for a fresh shop, seeded at start-up when {@code tijarat.demo-catalog=true} (the
 * run command sets it on the embedded default) and the catalog is still empty — never over a real one.
 */
@ApplicationScoped
public class DemoCatalog {

    private static final Logger LOG = Logger.getLogger(DemoCatalog.class.getName());

    @Inject
    io.tijarat.core.config.TijaratSettings settings;

    @Inject
    Clock clock;

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Transactional
    void seed(@Observes SchemaReady ready) {
        if (!settings.demoCatalog()) {
            return;
        }
        Long products = em.createQuery("select count(p) from Product p", Long.class).getSingleResult();
        if (products > 0) {
            return;
        }
        var now = clock.instant();
        var lawn = new Product("lawn-suit-3pc", "Lawn suit, 3-piece — لان سوٹ",
                "Unstitched printed lawn: shirt, dupatta and trouser.", now);
        lawn.addVariant("LAWN-3PC-BLUE", "Blue", 4_500_00, "PKR", 900, 25);
        lawn.addVariant("LAWN-3PC-PEACH", "Peach", 4_500_00, "PKR", 900, 10);
        var chappal = new Product("peshawari-chappal", "Peshawari chappal — پشاوری چپل",
                "Hand-stitched leather sandals.", now);
        chappal.addVariant("CHAPPAL-8", "Size 8", 6_800_00, "PKR", 1_100, 6);
        chappal.addVariant("CHAPPAL-9", "Size 9", 6_800_00, "PKR", 1_150, 4);
        chappal.addVariant("CHAPPAL-10", "Size 10", 6_800_00, "PKR", 1_200, 2);
        var halwa = new Product("sohan-halwa-500g", "Multani sohan halwa — ملتانی سوہن حلوہ",
                "Traditional sweet from Multan, 500 g tin.", now);
        halwa.addVariant("HALWA-500", "500 g tin", 1_250_00, "PKR", 650, 40);
        var ajrak = new Product("ajrak-shawl", "Ajrak shawl — اجرک",
                "Block-printed cotton shawl from Sindh.", now);
        ajrak.addVariant("AJRAK-STD", "Standard", 2_200_00, "PKR", 300, 15);
        for (Product p : new Product[] {lawn, chappal, halwa, ajrak}) {
            em.persist(p);
        }
        LOG.info("Seeded the demo catalog (4 products); tijarat.demo-catalog=false turns this off");
    }
}
