package io.tijarat.core.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.spi.Money;
import io.tijarat.spi.PhoneNumber;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderStatusTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    @Test
    void no_transition_ever_leads_back_to_a_state_the_order_has_already_passed() {
        // Every state reachable from X must not be able to reach X again (no cycles except the
        // self-loop of repeated partial refunds).
        for (OrderStatus start : OrderStatus.values()) {
            for (OrderStatus next : OrderStatus.values()) {
                if (next != start && start.canMoveTo(next)) {
                    assertFalse(reachable(next, start), () -> start + " -> " + next + " can come back to " + start);
                }
            }
        }
    }

    @Test
    void a_shipped_order_cannot_be_cancelled_or_go_back_to_paid() {
        assertFalse(OrderStatus.SHIPPED.canMoveTo(OrderStatus.CANCELLED));
        assertFalse(OrderStatus.SHIPPED.canMoveTo(OrderStatus.PAID));
        assertTrue(OrderStatus.SHIPPED.canMoveTo(OrderStatus.DELIVERED));
    }

    @Test
    void cash_on_delivery_path_reaches_completion_without_a_payment_state() {
        var order = newOrder();
        for (OrderStatus next : List.of(OrderStatus.CONFIRMED, OrderStatus.FULFILLING, OrderStatus.SHIPPED,
                OrderStatus.DELIVERED, OrderStatus.COMPLETED)) {
            order.moveTo(next, "test", "tester", NOW);
        }
        assertEquals(OrderStatus.COMPLETED, order.status());
        assertEquals(6, order.history().size(), "placed + five moves, each recorded");
        assertEquals(OrderStatus.DELIVERED, order.history().get(5).from());
    }

    @Test
    void an_illegal_move_is_refused_and_leaves_no_trace() {
        var order = newOrder();
        order.moveTo(OrderStatus.CANCELLED, "customer changed their mind", "staff:amna", NOW);

        var e = assertThrows(IllegalTransitionException.class,
                () -> order.moveTo(OrderStatus.PAID, "late payment", "provider:jazzcash", NOW));

        assertEquals(OrderStatus.CANCELLED, e.from());
        assertEquals(OrderStatus.CANCELLED, order.status());
        assertEquals(2, order.history().size());
    }

    @Test
    void totals_are_fixed_from_the_lines_and_a_wrong_subtotal_is_refused() {
        var line = new OrderDraft.Line("v1", "SKU-1", "Ajrak", Money.pkr(220_000), 3, 300);
        assertThrows(IllegalArgumentException.class, () -> draft(List.of(line), Money.pkr(220_000)));

        var order = new Order(draft(List.of(line), Money.pkr(660_000)), "TJ-AAAA-AAAA", "h".repeat(64), NOW, "customer");

        assertEquals(Money.pkr(660_000 + 25_000 + 0), order.total());
    }

    private static boolean reachable(OrderStatus from, OrderStatus target) {
        var seen = EnumSet.noneOf(OrderStatus.class);
        var todo = new java.util.ArrayDeque<OrderStatus>(List.of(from));
        while (!todo.isEmpty()) {
            var s = todo.pop();
            if (s == target) return true;
            if (!seen.add(s)) continue;
            for (OrderStatus n : OrderStatus.values()) {
                if (s.canMoveTo(n) && n != s) todo.push(n);
            }
        }
        return false;
    }

    private static Order newOrder() {
        var line = new OrderDraft.Line("v1", "SKU-1", "Ajrak", Money.pkr(220_000), 1, 300);
        return new Order(draft(List.of(line), Money.pkr(220_000)), "TJ-AAAA-AAAA", "h".repeat(64), NOW, "customer");
    }

    private static OrderDraft draft(List<OrderDraft.Line> lines, Money subtotal) {
        return new OrderDraft("Ayesha Khan", PhoneNumber.fromPakistani("0300-1234567"), null, "en",
                "House 1, Street 2", "Lahore", null, "cod", "flat-rate", "standard", lines, subtotal,
                Money.pkr(25_000), Money.pkr(0));
    }
}
