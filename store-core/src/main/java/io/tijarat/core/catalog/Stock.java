package io.tijarat.core.catalog;

import jakarta.persistence.EntityManager;

/**
 * Stock changes as single conditional UPDATEs, so concurrent checkouts never read-modify-write a count:
 * a reservation cannot take stock below zero, a release puts back exactly what an order held. Both run in
 * the caller's transaction.
 */
public final class Stock {

    private Stock() {
    }

    /** Takes {@code quantity} of the variant; false (and nothing changed) when there is not enough. */
    public static boolean reserve(EntityManager em, String variantId, int quantity) {
        return em.createQuery("update ProductVariant v set v.stock = v.stock - :q, v.version = v.version + 1"
                        + " where v.id = :id and v.stock >= :q")
                .setParameter("q", quantity).setParameter("id", variantId).executeUpdate() == 1;
    }

    /** Puts {@code quantity} of the variant back (an order was cancelled or expired). */
    public static void release(EntityManager em, String variantId, int quantity) {
        em.createQuery("update ProductVariant v set v.stock = v.stock + :q, v.version = v.version + 1 where v.id = :id")
                .setParameter("q", quantity).setParameter("id", variantId).executeUpdate();
    }
}
