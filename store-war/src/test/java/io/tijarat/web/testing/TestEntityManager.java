package io.tijarat.web.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Test-only: hands in-container tests the application's container-managed EntityManager. */
@ApplicationScoped
public class TestEntityManager {

    @Produces
    @PersistenceContext(unitName = "tijarat")
    EntityManager em;
}
