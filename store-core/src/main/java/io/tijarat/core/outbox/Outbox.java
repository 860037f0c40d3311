package io.tijarat.core.outbox;

import io.tijarat.core.order.OrderEvent;

import io.tijarat.core.order.Order;
import io.tijarat.core.order.OrderEventRaised;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import io.tijarat.spi.Money;
import io.tijarat.spi.notification.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import org.eclipse.microprofile.config.ConfigProvider;
import java.time.Clock;
import java.util.Locale;
import io.tijarat.core.messaging.SmsText;
import io.tijarat.spi.notification.NotificationCapability;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the messages an order event causes, inside the caller's transaction ({@code MANDATORY}): to the
 * customer by e-mail when they gave an address, by SMS when SMS is switched on
 * ({@code tijarat.notifications.sms=true}, once an SMS plugin is installed), and a copy of new, paid and
 * cancelled orders to the merchant ({@code tijarat.notifications.merchant-email}). The customer's contact is not
 * verified, so texts carry the typed name only without links (see {@link FreeText}) and the first message not at
 * all.
 */
@ApplicationScoped
public class Outbox {

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    io.tijarat.core.config.TijaratSettings settings;

    @Inject
    io.tijarat.core.provider.NotificationProviders providers;

    /**
     * Writes the messages for an order event, in the transaction that raised it ({@code MANDATORY}). A
     * shipment event (with {@code courier} and {@code tracking} details) gets a link the customer can open where
     * {@code tijarat.tracking.link.<courier id>} gives a template such as
     * {@code https://courier.example/track?cn={tracking}}.
     */
    @Transactional(TxType.MANDATORY)
    public void on(@Observes @Priority(Interceptor.Priority.APPLICATION) OrderEventRaised raised) {
        Map<String, String> extra = raised.details();
        String courierId = extra.get("courier");
        if (courierId != null) {
            String tracking = extra.getOrDefault("tracking", "");
            String link = ConfigProvider.getConfig().getOptionalValue("tijarat.tracking.link." + courierId, String.class)
                    .map(template -> " " + template.replace("{tracking}", URLEncoder.encode(tracking, StandardCharsets.UTF_8)))
                    .orElse("");
            extra = Map.of("courier", courierId, "tracking", tracking, "link", link);
        }
        event(raised.order(), raised.event(), raised.amount(), extra);
    }

    private void event(Order order, OrderEvent event, Money amount, Map<String, String> extra) {
        var values = new java.util.HashMap<>(Map.of("number", order.number(), "name", order.customerName(),
                "total", rupees(amount)));
        values.putAll(extra);
        String[] customer = Templates.render(event, order.locale(), values);
        boolean whatsapp = settings.notificationsWhatsapp() && providers.providerFor(Channel.WHATSAPP).isPresent();
        if (event == OrderEvent.COD_CONFIRMATION_REQUESTED) {
            // asked by SMS or WhatsApp only, and only when replies are read: the reply comes back through the gateway
            if (settings.codConfirmByReply()) {
                phoneMessage(whatsapp, event, order, customer[1], values);
            }
            return;
        }
        if (order.customerEmail() != null) {
            write(event, order, Channel.EMAIL, order.customerEmail(), order.locale(), customer);
        }
        if (whatsapp || settings.notificationsSms()) {
            phoneMessage(whatsapp, event, order, customer[1], values);
        }
        Optional<String> merchantEmail = settings.merchantEmail();
        if (merchantEmail.filter(m -> !m.isBlank()).isPresent()
                && (event == OrderEvent.ORDER_PLACED || event == OrderEvent.ORDER_PAID || event == OrderEvent.ORDER_CANCELLED)) {
            write(event, order, Channel.EMAIL, merchantEmail.get().strip(), "en", Templates.render(event, "en", values));
        }
    }

    /**
     * The customer's phone message: by WhatsApp when it is on and a WhatsApp gateway is active (an approved template
     * filled with the order's values, kept so the SMS sent instead can be rendered if WhatsApp cannot deliver), else by
     * SMS.
     */
    private void phoneMessage(boolean whatsapp, OrderEvent event, Order order, String inLocale, Map<String, String> values) {
        if (!whatsapp) {
            writeSms(event, order, inLocale, Templates.render(event, "en", values)[1]);
            return;
        }
        var message = new OutboxMessage(event, order.id(), Channel.WHATSAPP, order.customerPhone(), order.locale(),
                null, inLocale, clock.instant());
        message.template(templateName(event), io.tijarat.spi.json.Json.write(values));
        em.persist(message);
    }

    /** {@code tijarat.whatsapp.template.<EVENT>}, else the event's name in lower case ({@code order_shipped}). */
    static String templateName(OrderEvent event) {
        return ConfigProvider.getConfig().getOptionalValue("tijarat.whatsapp.template." + event.name(), String.class)
                .map(String::strip).filter(name -> !name.isEmpty())
                .orElse(event.name().toLowerCase(Locale.ROOT));
    }

    /**
     * The SMS sent instead of a WhatsApp message WhatsApp could not deliver (the number is not on WhatsApp, the template
     * was refused), rendered from the values kept with it, in its own transaction. Written once: the WhatsApp message
     * is parked by the same call.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void smsInstead(String whatsappMessageId, String why) {
        OutboxMessage whatsapp = em.find(OutboxMessage.class, whatsappMessageId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (whatsapp == null || whatsapp.state() == OutboxMessage.State.PARKED) {
            return;
        }
        whatsapp.failed("WhatsApp refused it (" + why + "): sent by SMS instead", clock.instant(), true);
        smsInsteadOf(whatsapp, why);
    }

    /**
     * The SMS for a WhatsApp message WhatsApp reported it could not deliver (a pushed FAILED status, e.g. 131026: not
     * on WhatsApp), in the caller's transaction, which has recorded that report once.
     */
    @Transactional(TxType.MANDATORY)
    public void smsInsteadOf(OutboxMessage whatsapp, String why) {
        Order order = whatsapp.orderId() == null ? null : em.find(Order.class, whatsapp.orderId());
        if (order == null || whatsapp.templateValues() == null) {
            return;
        }
        OrderEvent event = OrderEvent.valueOf(whatsapp.eventType());
        Map<String, String> values = Templates.values(whatsapp.templateValues());
        writeSms(event, order, Templates.render(event, order.locale(), values)[1], Templates.render(event, "en", values)[1]);
    }

    /**
     * A message for a channel that no active provider serves is written PARKED, with the reason, instead of
     * PENDING: visible to admins (and sent by their retry once a provider is active), but not a backlog the relay
     * scans and retries for every order while nothing can send it (the run command's defaults, with the e-mail
     * plugin not configured, grew it by every order).
     */
    private void write(OrderEvent event, Order order, Channel channel, String recipient, String locale, String[] text) {
        var message = new OutboxMessage(event, order.id(), channel, recipient, locale,
                channel == Channel.EMAIL ? text[0] : null, text[1], clock.instant());
        if (providers.providerFor(channel).isEmpty()) {
            message.notRoutable("no active notification provider for " + channel + " when the message was written");
        }
        em.persist(message);
    }

    /**
     * An SMS in the customer's language when the gateway can carry it (Urdu needs {@code UNICODE_SMS}) within
     * {@code tijarat.sms.max-parts}, else in English; a message neither fits is written PARKED with the reasons, for
     * an admin, never cut or garbled. The encoding, parts and cost are kept with it.
     */
    private void writeSms(OrderEvent event, Order order, String inLocale, String inEnglish) {
        Optional<String> provider = providers.providerFor(Channel.SMS);
        boolean unicode = provider.map(p -> providers.supports(p, NotificationCapability.UNICODE_SMS)).orElse(true);
        var candidates = new java.util.ArrayList<SmsText.Candidate>();
        candidates.add(new SmsText.Candidate(order.locale(), inLocale));
        if (!"en".equals(order.locale())) {
            candidates.add(new SmsText.Candidate("en", inEnglish));
        }
        SmsText chosen = SmsText.choose(candidates, unicode, settings.smsMaxParts());
        var message = new OutboxMessage(event, order.id(), Channel.SMS, order.customerPhone(),
                chosen.locale().orElse(order.locale()), null, chosen.text().orElse(inLocale), clock.instant());
        chosen.parts().ifPresent(parts -> message.billedAs(parts, settings.smsPricePerPart()));
        if (provider.isEmpty()) {
            message.notRoutable("no active notification provider for SMS when the message was written");
        } else if (chosen.refusal().isPresent()) {
            message.notRoutable("not sent as SMS: " + chosen.refusal().get());
        }
        em.persist(message);
    }

    /** Rs 2,239 for whole rupees (every cash-on-delivery total), Rs 2,239.48 otherwise: as the customer was told. */
    private static String rupees(Money amount) {
        var format = NumberFormat.getNumberInstance(Locale.ENGLISH);
        int digits = amount.isWhole() ? 0 : 2;
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return "Rs " + format.format(java.math.BigDecimal.valueOf(amount.minorUnits(), 2));
    }
}
