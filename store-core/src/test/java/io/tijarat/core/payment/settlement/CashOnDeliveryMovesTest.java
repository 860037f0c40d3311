package io.tijarat.core.payment.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.order.OrderStatus;
import io.tijarat.spi.payment.CustomerAction;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a cash-on-delivery provider's pending answer does to the order, without a database. */
class CashOnDeliveryMovesTest {

    @Test
    void pay_offline_confirms_the_order_and_approve_on_phone_waits_for_the_customer() {
        assertEquals(OrderStatus.CONFIRMED, PaymentAnswers.cashOnDelivery(
                new CustomerAction.PayOffline("pay the rider", Optional.empty())).orElseThrow().status());
        assertEquals(OrderStatus.AWAITING_CONFIRMATION, PaymentAnswers.cashOnDelivery(
                new CustomerAction.ApproveOnPhone("reply 1 to confirm", Optional.empty())).orElseThrow().status());
    }

    @Test
    void a_redirect_or_voucher_leaves_the_order_where_it_is() {
        assertTrue(PaymentAnswers.cashOnDelivery(new CustomerAction.Redirect(URI.create("https://pay.example/x"),
                CustomerAction.Redirect.HttpMethod.GET, Map.of())).isEmpty());
        assertTrue(PaymentAnswers.cashOnDelivery(new CustomerAction.PayVoucher("123456", Instant.parse("2026-12-06T00:00:00Z"),
                "pay at a shop")).isEmpty());
    }
}
