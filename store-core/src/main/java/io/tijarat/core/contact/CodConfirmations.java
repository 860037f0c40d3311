package io.tijarat.core.contact;

import io.tijarat.core.config.TijaratSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Staff's queue of cash-on-delivery orders waiting for the customer's confirmation, longest-waiting first: when each was
 * asked, what the customer replied, and whether staff should call now — because no reply came within
 * {@code tijarat.cod.reply-within-hours}, or the reply was not one the shop reads (a question, an ambiguous "1" for two
 * orders).
 */
@ApplicationScoped
public class CodConfirmations {

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    TijaratSettings settings;

    /** One reply, as staff see it. */
    public record Reply(String id, String text, String reading, String outcome, Instant receivedAt) {
        static Reply of(InboundMessage m) {
            return new Reply(m.id(), m.body(), m.reading(), m.outcome(), m.receivedAt());
        }
    }

    /**
     * One order waiting.
     *
     * @param callCustomer why staff should call now; empty when the customer may still reply
     */
    public record Waiting(String orderId, String number, String phone, long totalMinor, Instant waitingSince,
                          List<Reply> replies, String callCustomer) {
    }

    @Transactional(TxType.REQUIRED)
    public List<Waiting> waiting(int limit) {
        List<Object[]> rows = em.createQuery("select o, (select max(h.at) from OrderHistoryEntry h where h.order = o"
                        + " and h.to = :awaiting) as waitingSince from Order o where o.status = :awaiting order by waitingSince, o.id",
                        Object[].class)
                .setParameter("awaiting", io.tijarat.core.order.OrderStatus.AWAITING_CONFIRMATION)
                .setMaxResults(limit).getResultList();
        Instant now = clock.instant();
        Duration patience = settings.codReplyWithin();
        List<Waiting> waiting = new ArrayList<>();
        for (Object[] row : rows) {
            var order = (io.tijarat.core.order.Order) row[0];
            String phone = order.customerPhone();
            Instant since = (Instant) row[1];
            List<Reply> replies = em.createQuery("select m from InboundMessage m where m.kind = :reply and m.phone = :p"
                            + " and m.receivedAt >= :since order by m.receivedAt", InboundMessage.class)
                    .setParameter("reply", InboundMessage.Kind.REPLY).setParameter("p", phone).setParameter("since", since)
                    .setMaxResults(20).getResultList().stream().map(Reply::of).toList();
            String call = "";
            if (replies.stream().anyMatch(r -> r.reading().equals("OTHER") || r.reading().equals("AMBIGUOUS"))) {
                call = "the customer replied, but not with 1 or 2 for one order: read the reply and call";
            } else if (!since.isAfter(now.minus(patience))) {
                call = "no reply within " + patience.toHours() + " hours: call the customer";
            }
            waiting.add(new Waiting(order.id(), order.number(), phone, order.total().minorUnits(), since, replies, call));
        }
        return waiting;
    }
}
