package io.tijarat.core.contact;

import io.tijarat.core.config.TijaratSettings;
import io.tijarat.core.order.OrderAdministration;
import io.tijarat.core.outbox.OutboxStore;
import io.tijarat.spi.notification.InboundOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * What SMS and WhatsApp gateways send to the shop (SPI 1.4): each verified reply or pushed delivery report is stored
 * once per provider and event key and read in the same transaction — a local update, done while the gateway waits;
 * if it fails nothing is stored and the gateway's retry tries again. A redelivery, concurrent or not, is recognised by
 * the unique key and changes nothing.
 *
 * <p>A reply is read by {@link ReplyReading}: an opt-out or opt-in word is appended to the {@link ConsentLedger};
 * with {@code tijarat.cod.confirm-by-reply} on, a confirm or cancel word moves the one cash-on-delivery order of that
 * phone waiting for confirmation (or the one it names), through the same {@link OrderAdministration} functions staff
 * use; anything else is kept for staff. A delivery report goes through the outbox's forward-only function.
 */
@ApplicationScoped
public class InboundMessages {

    private static final Logger LOG = Logger.getLogger(InboundMessages.class.getName());

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    TijaratSettings settings;

    @Inject
    ConsentLedger consent;

    @Inject
    OrderAdministration orders;

    @Inject
    OutboxStore outbox;

    @Inject
    InboundMessages self;

    @Inject
    io.tijarat.core.outbox.Outbox smsFallback;

    /** What became of an inbound message. */
    public record Receipt(boolean duplicate, String reading, String outcome) {
        static final Receipt DUPLICATE = new Receipt(true, "DUPLICATE", "seen before: ignored");
    }

    /** Stores and reads a customer's reply unless the gateway sent it before. */
    public Receipt receive(String providerId, InboundOutcome.Reply reply) {
        try {
            return self.storeReply(providerId, reply);
        } catch (RuntimeException e) {
            if (io.tijarat.core.persistence.UniqueKeys.violated(e)) {
                return Receipt.DUPLICATE;
            }
            throw e;
        }
    }

    /** Stores and applies a pushed delivery report unless the gateway sent it before. */
    public Receipt receive(String providerId, InboundOutcome.Delivery delivery) {
        try {
            return self.storeDelivery(providerId, delivery);
        } catch (RuntimeException e) {
            if (io.tijarat.core.persistence.UniqueKeys.violated(e)) {
                return Receipt.DUPLICATE;
            }
            throw e;
        }
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Receipt storeReply(String providerId, InboundOutcome.Reply reply) {
        if (seen(providerId, reply.eventKey())) {
            return Receipt.DUPLICATE;
        }
        String phone = reply.from().value();
        var message = new InboundMessage(providerId, reply.eventKey(), InboundMessage.Kind.REPLY, phone, reply.text(),
                null, clock.instant());
        em.persist(message);
        em.flush(); // a concurrent duplicate waits here on the unique key and fails once this one commits
        ReplyReading reading = ReplyReading.of(reply.text());
        String evidence = "reply " + message.id() + " via " + providerId;
        switch (reading.kind()) {
            case OPT_OUT -> {
                consent.record(phone, false, ConsentEvent.Source.REPLY, "customer", evidence);
                message.read("OPT_OUT", null, "promotional messages stopped for this phone");
            }
            case OPT_IN -> {
                consent.record(phone, true, ConsentEvent.Source.REPLY, "customer", evidence);
                message.read("OPT_IN", null, "promotional messages allowed for this phone");
            }
            case CONFIRM, CANCEL -> answerConfirmation(message, phone, reading);
            default -> {
                List<Object[]> waiting = waitingOrders(phone, reading, false);
                message.read("OTHER", waiting.size() == 1 ? (String) waiting.get(0)[0] : null,
                        "not a word the shop reads: kept for staff");
            }
        }
        String read = message.reading();
        LOG.info(() -> "Reply " + message.id() + " from " + reply.from().masked() + " via " + providerId + ": " + read);
        return new Receipt(false, message.reading(), message.outcome());
    }

    @Transactional(TxType.REQUIRES_NEW)
    public Receipt storeDelivery(String providerId, InboundOutcome.Delivery delivery) {
        if (seen(providerId, delivery.eventKey())) {
            return Receipt.DUPLICATE;
        }
        var report = delivery.report();
        var message = new InboundMessage(providerId, delivery.eventKey(), InboundMessage.Kind.DELIVERY, null,
                report.detail().orElse(null), report.gatewayMessageId(), clock.instant());
        em.persist(message);
        em.flush();
        String before = outbox.deliveryStatusOf(providerId, report.gatewayMessageId()).orElse(null);
        var applied = outbox.pushedReport(providerId, report);
        message.read(report.status().name(), null, applied.map(m -> "message " + m.id() + ": " + report.status())
                .orElse("no message sent through " + providerId + " has this id (yet): polling settles it"));
        applied.filter(m -> m.channel() == io.tijarat.spi.notification.Channel.WHATSAPP
                        && report.status() == io.tijarat.spi.notification.DeliveryReport.Status.FAILED
                        && !"FAILED".equals(before) && !"DELIVERED".equals(before))
                .ifPresent(m -> smsFallback.smsInsteadOf(m, report.detail().orElse("WhatsApp could not deliver it")));
        return new Receipt(false, message.reading(), message.outcome());
    }

    private void answerConfirmation(InboundMessage message, String phone, ReplyReading reading) {
        String word = reading.kind() == ReplyReading.Kind.CONFIRM ? "CONFIRM" : "CANCEL";
        if (!settings.codConfirmByReply()) {
            message.read(word, null, "cash on delivery confirmation by reply is off: kept for staff");
            return;
        }
        List<Object[]> waiting = waitingOrders(phone, reading, true);
        if (waiting.isEmpty()) {
            message.read(word, null, reading.orderNumber().map(n -> "order " + n + " of this phone is not waiting for"
                    + " confirmation").orElse("no order of this phone is waiting for confirmation"));
            return;
        }
        if (waiting.size() > 1) {
            message.read("AMBIGUOUS", null, waiting.size() + " orders of this phone are waiting for confirmation:"
                    + " staff decide, or the customer replies with the order number");
            return;
        }
        String orderId = (String) waiting.get(0)[0];
        String number = (String) waiting.get(0)[1];
        if (reading.kind() == ReplyReading.Kind.CONFIRM) {
            orders.confirmCashOnDelivery(orderId, "by reply (" + message.providerId() + ")", "customer");
            message.read(word, orderId, "order " + number + " confirmed by the customer's reply");
        } else {
            orders.cancel(orderId, "cancelled by the customer's reply to the cash on delivery confirmation: stock released",
                    "customer");
            message.read(word, orderId, "order " + number + " cancelled by the customer's reply; stock released");
        }
    }

    /** The cash-on-delivery orders of {@code phone} waiting for confirmation (id, number), locked when asked. */
    private List<Object[]> waitingOrders(String phone, ReplyReading reading, boolean lock) {
        var query = em.createNativeQuery("SELECT o.id, o.order_number FROM customer_order o"
                        + " WHERE o.customer_phone = ?1 AND o.status = 'AWAITING_CONFIRMATION'"
                        + (reading.orderNumber().isPresent() ? " AND o.order_number = ?2" : "")
                        + " ORDER BY o.created_at DESC LIMIT 5" + (lock ? " FOR UPDATE" : ""))
                .setParameter(1, phone);
        reading.orderNumber().ifPresent(number -> query.setParameter(2, number));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows;
    }

    private boolean seen(String providerId, String eventKey) {
        return !em.createQuery("select m.id from InboundMessage m where m.providerId = :p and m.eventKey = :k")
                .setParameter("p", providerId).setParameter("k", eventKey).getResultList().isEmpty();
    }
}
