package io.tijarat.core.outbox;

import io.tijarat.core.order.Order;
import io.tijarat.core.webhook.MerchantWebhooks;
import io.tijarat.spi.Money;
import io.tijarat.spi.notification.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.text.NumberFormat;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes the messages an order event causes, inside the caller's transaction ({@code MANDATORY}): to the
 * customer by e-mail when they gave an address, by SMS when SMS is switched on
 * ({@code tijarat.notifications.sms=true}, once an SMS plugin is installed), and a copy of new and paid
 * orders to the merchant ({@code tijarat.notifications.merchant-email}).
 */
@ApplicationScoped
public class Outbox {

    @PersistenceContext(unitName = "tijarat")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MerchantWebhooks merchantWebhooks;

    @Inject
    @ConfigProperty(name = "tijarat.notifications.sms", defaultValue = "false")
    boolean sms;

    @Inject
    @ConfigProperty(name = "tijarat.notifications.merchant-email")
    Optional<String> merchantEmail;

    @Transactional(TxType.MANDATORY)
    public void orderEvent(Order order, OrderEvent event, Money amount) {
        var values = Map.of("number", order.number(), "name", order.customerName(), "total", rupees(amount));
        String[] customer = Templates.render(event, order.locale(), values);
        if (order.customerEmail() != null) {
            write(event, order, Channel.EMAIL, order.customerEmail(), order.locale(), customer);
        }
        if (sms) {
            write(event, order, Channel.SMS, order.customerPhone(), order.locale(), customer);
        }
        if (merchantEmail.filter(m -> !m.isBlank()).isPresent()
                && (event == OrderEvent.ORDER_PLACED || event == OrderEvent.ORDER_PAID)) {
            write(event, order, Channel.EMAIL, merchantEmail.get().strip(), "en", Templates.render(event, "en", values));
        }
        merchantWebhooks.enqueue(order, event, amount);
    }

    private void write(OrderEvent event, Order order, Channel channel, String recipient, String locale, String[] text) {
        em.persist(new OutboxMessage(event, order.id(), channel, recipient, locale,
                channel == Channel.EMAIL ? text[0] : null, text[1], clock.instant()));
    }

    private static String rupees(Money amount) {
        var format = NumberFormat.getNumberInstance(Locale.ENGLISH);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return "Rs " + format.format(java.math.BigDecimal.valueOf(amount.minorUnits(), 2));
    }
}
