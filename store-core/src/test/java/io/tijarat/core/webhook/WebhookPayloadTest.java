package io.tijarat.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.order.Order;
import io.tijarat.core.order.OrderDraft;
import io.tijarat.core.order.OrderStatus;
import io.tijarat.core.order.OrderEvent;
import io.tijarat.spi.EmailAddress;
import io.tijarat.spi.Money;
import io.tijarat.spi.PhoneNumber;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookPayloadTest {

    private static Order order() {
        var line = new OrderDraft.Line("v1", "AJRAK-STD", "Ajrak", Money.pkr(120_000), 2, 300);
        var draft = new OrderDraft("Ayesha Khan", PhoneNumber.of("+923001234567"), EmailAddress.of("ayesha@example.pk"),
                "ur", "House 12, Street 4, Gulberg III", "Lahore", "54000", "cod", "flat-rate", "standard",
                List.of(line), Money.pkr(240_000), Money.pkr(10_000), Money.pkr(0));
        return new Order(draft, "TJ-7K3M-9QXD", "0".repeat(64), Instant.parse("2026-11-30T10:00:00Z"), "test");
    }

    @Test
    void the_payload_names_the_event_and_the_order_with_its_totals_in_minor_units() {
        Order order = order();
        order.moveTo(OrderStatus.PAID, "paid", "test", Instant.parse("2026-11-30T10:05:00Z"));

        String json = WebhookPayload.json("6f1c3a0e-1111-4d2b-9c1e-000000000001", "order.paid",
                Instant.parse("2026-11-30T10:05:00.123456Z"), order, Money.pkr(250_000));

        JsonObject body = Json.createReader(new StringReader(json)).readObject();
        assertEquals(Set.of("id", "type", "createdAt", "data"), body.keySet());
        assertEquals("6f1c3a0e-1111-4d2b-9c1e-000000000001", body.getString("id"));
        assertEquals("order.paid", body.getString("type"));
        assertEquals("2026-11-30T10:05:00.123Z", body.getString("createdAt"));
        JsonObject data = body.getJsonObject("data");
        assertEquals(Set.of("orderId", "orderNumber", "status", "total", "amount"), data.keySet());
        assertEquals(order.id(), data.getString("orderId"));
        assertEquals("TJ-7K3M-9QXD", data.getString("orderNumber"));
        assertEquals("PAID", data.getString("status"));
        assertEquals(250_000, data.getJsonObject("total").getJsonNumber("amount").longValueExact());
        assertEquals("PKR", data.getJsonObject("total").getString("currency"));
        assertEquals(250_000, data.getJsonObject("amount").getJsonNumber("amount").longValueExact());
    }

    @Test
    void nothing_about_the_customer_is_in_the_payload() {
        String json = WebhookPayload.json("e", "order.placed", Instant.EPOCH, order(), Money.pkr(250_000));

        for (String personal : List.of("Ayesha", "ayesha@example.pk", "3001234567", "Gulberg", "Lahore", "54000")) {
            assertFalse(json.contains(personal), personal + " leaked into " + json);
        }
    }

    @Test
    void event_types_have_stable_public_names() {
        assertEquals(Map.of(OrderEvent.ORDER_PLACED, "order.placed", OrderEvent.ORDER_PAID, "order.paid",
                        OrderEvent.PAYMENT_FAILED, "order.payment_failed", OrderEvent.ORDER_CANCELLED, "order.cancelled",
                        OrderEvent.ORDER_REFUNDED, "order.refunded"),
                Map.of(OrderEvent.ORDER_PLACED, WebhookEventTypes.of(OrderEvent.ORDER_PLACED),
                        OrderEvent.ORDER_PAID, WebhookEventTypes.of(OrderEvent.ORDER_PAID),
                        OrderEvent.PAYMENT_FAILED, WebhookEventTypes.of(OrderEvent.PAYMENT_FAILED),
                        OrderEvent.ORDER_CANCELLED, WebhookEventTypes.of(OrderEvent.ORDER_CANCELLED),
                        OrderEvent.ORDER_REFUNDED, WebhookEventTypes.of(OrderEvent.ORDER_REFUNDED)));
        for (OrderEvent event : OrderEvent.values()) {
            assertTrue(WebhookEventTypes.of(event).matches("order\\.[a-z_]+"), event.name());
        }
        assertEquals(OrderEvent.values().length, WebhookEventTypes.all().size());
    }
}
