package io.tijarat.core.testsupport;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The production persistence unit ("tijarat", from store-core's persistence.xml) bootstrapped outside the
 * container against the {@link TestDatabase}: the same mappings, with resource-local transactions.
 */
public final class TestJpa {

    private static EntityManagerFactory factory;

    private TestJpa() {
    }

    public static synchronized EntityManagerFactory factory() {
        if (factory == null) {
            TestDatabase db = TestDatabase.migrated();
            Map<String, Object> overrides = new HashMap<>();
            overrides.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
            overrides.put("jakarta.persistence.jtaDataSource", null);
            overrides.put("jakarta.persistence.nonJtaDataSource", db.dataSource());
            overrides.put("hibernate.transaction.jta.platform", "none");
            overrides.putAll(DialectSettings.fromSystemProperties());
            factory = Persistence.createEntityManagerFactory("tijarat", overrides);
        }
        return factory;
    }

    /** Runs {@code work} in its own transaction and returns its result; rolls back on failure. */
    public static <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = factory().createEntityManager();
        var tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }
}
