package io.tijarat.core.webhook;

import io.tijarat.core.order.OrderEvent;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The public names of order events in webhooks ({@code order.placed}, {@code order.paid},
 * {@code order.payment_failed}, {@code order.cancelled}, {@code order.refunded}): {@code order.} and the
 * event's name in lower case without its {@code ORDER_} prefix. Receivers and stored subscriptions depend
 * on these names, so an event is never renamed; a new event gets its name by the same rule.
 */
public final class WebhookEventTypes {

    /** Subscribes a webhook to every event, including ones added later. */
    public static final String ALL = "*";

    private WebhookEventTypes() {
    }

    public static String of(OrderEvent event) {
        String name = event.name().toLowerCase(Locale.ROOT);
        return "order." + (name.startsWith("order_") ? name.substring("order_".length()) : name);
    }

    /** Every event type there is, by its public name. */
    public static Set<String> all() {
        return Arrays.stream(OrderEvent.values()).map(WebhookEventTypes::of)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
