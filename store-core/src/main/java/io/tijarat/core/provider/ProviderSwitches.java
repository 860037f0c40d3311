package io.tijarat.core.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The operator's on/off switch per provider, in the database, so that a provider switched off (a gateway
 * misbehaving, a courier not serving this month) stays off after a restart until someone switches it on.
 */
@ApplicationScoped
public class ProviderSwitches {

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    Clock clock;

    /** The providers switched off. */
    @Transactional
    public Set<String> disabled() {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT provider_id FROM provider_switch WHERE enabled = FALSE")
                .getResultList();
        Set<String> disabled = new HashSet<>();
        ids.forEach(id -> disabled.add(id.toString()));
        return disabled;
    }

    /** Records a switch; the latest one wins. */
    @Transactional
    public void record(String providerId, boolean enabled, String actor) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = em.createNativeQuery("UPDATE provider_switch SET enabled = ?, changed_by = ?, changed_at = ?"
                        + " WHERE provider_id = ?")
                .setParameter(1, enabled).setParameter(2, actor).setParameter(3, now).setParameter(4, providerId)
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO provider_switch (provider_id, enabled, changed_by, changed_at)"
                            + " VALUES (?, ?, ?, ?)")
                    .setParameter(1, providerId).setParameter(2, enabled).setParameter(3, actor).setParameter(4, now)
                    .executeUpdate();
        }
    }
}
