package io.tijarat.core.order;

import io.tijarat.spi.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Map;

/**
 * Raises order events to their synchronous observers ({@link OrderEventRaised}), inside the caller's
 * transaction ({@code MANDATORY}): the area that changes an order raises the event, and the outbox and the
 * merchant webhooks subscribe, so the order area does not know who listens.
 */
@ApplicationScoped
public class OrderEvents {

    @Inject
    Event<OrderEventRaised> raised;

    @Transactional(TxType.MANDATORY)
    public void raise(Order order, OrderEvent event, Money amount) {
        raised.fire(new OrderEventRaised(order, event, amount, Map.of()));
    }

    /** A shipment event: the messages carry the courier and the tracking number. */
    @Transactional(TxType.MANDATORY)
    public void raiseShipment(Order order, OrderEvent event, String courierId, String trackingNumber) {
        raised.fire(new OrderEventRaised(order, event, order.total(),
                Map.of("courier", courierId, "tracking", trackingNumber == null ? "" : trackingNumber)));
    }
}
