package io.tijarat.core.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;

/**
 * Who agreed to promotional messages: an append-only ledger per phone (E.164). A phone's consent is its newest entry;
 * no entry means no consent. Transactional messages need none. An opt-out takes effect in the transaction that
 * records it, so a promotional message written after it is not sent.
 */
@ApplicationScoped
public class ConsentLedger {

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    Clock clock;

    /** A phone's consent now and every entry behind it, newest first. */
    public record Standing(String phone, boolean granted, List<ConsentEvent> history) {
    }

    /** Appends an entry (a repeat of the current state is recorded too: it is evidence of what was said, when). */
    @Transactional(TxType.REQUIRED)
    public ConsentEvent record(String phone, boolean granted, ConsentEvent.Source source, String actor, String evidence) {
        var event = new ConsentEvent(phone, granted, source, actor, evidence, clock.instant());
        em.persist(event);
        return event;
    }

    @Transactional(TxType.REQUIRED)
    public Standing standing(String phone) {
        List<ConsentEvent> history = em.createQuery("select e from ConsentEvent e where e.phone = :p order by e.id desc",
                ConsentEvent.class).setParameter("p", phone).setMaxResults(200).getResultList();
        return new Standing(phone, !history.isEmpty() && history.get(0).granted(), history);
    }
}
