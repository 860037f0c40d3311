package io.tijarat.core.order;

import io.tijarat.spi.Money;
import java.util.Map;

/**
 * An order event, raised inside the transaction that changed the order. Whoever tells people about it (the
 * outbox, merchant webhooks) observes it synchronously and writes its rows in that same transaction, so an
 * event is in the database before anyone is told, and only if the change commits.
 *
 * @param details extra values for the messages, e.g. {@code courier} and {@code tracking} for shipment events
 */
public record OrderEventRaised(Order order, OrderEvent event, Money amount, Map<String, String> details) {

    public OrderEventRaised {
        details = Map.copyOf(details);
    }
}
