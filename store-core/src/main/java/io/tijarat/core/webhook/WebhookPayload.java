package io.tijarat.core.webhook;

import io.tijarat.core.order.Order;
import io.tijarat.spi.Money;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The body of a delivery. Deliberately small — what a merchant's system needs to find the order and act,
 * and nothing about the customer (no name, phone, e-mail or address; a receiver that needs them reads the
 * order through the admin API):
 *
 * <pre>
 * {"id": "&lt;event id, the Tijarat-Webhook-Id header&gt;", "type": "order.paid", "createdAt": "2026-11-30T10:15:30.123Z",
 *  "data": {"orderId": "…", "orderNumber": "TJ-7K3M-9QXD", "status": "PAID",
 *           "total": {"amount": 250000, "currency": "PKR"},
 *           "amount": {"amount": 250000, "currency": "PKR"}}}
 * </pre>
 *
 * {@code total} is the order's total; {@code amount} the money this event is about (paid, refunded — for
 * a partial refund, the part refunded). Amounts are in minor units (paisa). {@code status} is the order's
 * status after the event.
 */
final class WebhookPayload {

    private WebhookPayload() {
    }

    static String json(String eventId, String type, Instant createdAt, Order order, Money amount) {
        var data = Json.createObjectBuilder()
                .add("orderId", order.id())
                .add("orderNumber", order.number())
                .add("status", order.status().name())
                .add("total", money(order.total()))
                .add("amount", money(amount));
        return Json.createObjectBuilder()
                .add("id", eventId)
                .add("type", type)
                .add("createdAt", createdAt.truncatedTo(ChronoUnit.MILLIS).toString())
                .add("data", data)
                .build().toString();
    }

    private static JsonObjectBuilder money(Money money) {
        return Json.createObjectBuilder().add("amount", money.minorUnits()).add("currency", money.currency());
    }
}
