package io.tijarat.core.checkout;

import io.tijarat.core.payment.attempt.NextAction;
import io.tijarat.core.order.Order;
import io.tijarat.core.order.OrderLine;
import io.tijarat.core.payment.attempt.PaymentAttempt;
import io.tijarat.spi.PhoneNumber;
import java.time.Instant;
import java.util.List;

/**
 * An order as its customer sees it: {@code roundingMinor} is zero, or what rounded a cash-on-delivery total down to
 * whole rupees (couriers collect no paisa), so subtotal + shipping + tax + rounding = total. The phone number is
 * masked; internal references are left out.
 */
public record OrderView(String id, String number, String status, String customerName, String phone, String city,
                        List<Line> lines, String currency, long subtotalMinor, long shippingMinor, long taxMinor,
                        long roundingMinor, long totalMinor, String paymentProvider, String shippingProvider, Payment payment,
                        Instant createdAt) {

    /** A line as bought. */
    public record Line(String sku, String title, long unitPriceMinor, int quantity, long lineTotalMinor) {
    }

    /** The latest payment attempt. */
    public record Payment(String attemptId, String status, String message, NextAction nextAction) {
    }

    public static OrderView of(Order order, PaymentAttempt attempt, NextAction next) {
        List<Line> lines = order.lines().stream().map(OrderView::line).toList();
        Payment payment = attempt == null ? null
                : new Payment(attempt.id(), attempt.status().name(), attempt.detail(), next);
        return new OrderView(order.id(), order.number(), order.status().name(), order.customerName(),
                PhoneNumber.of(order.customerPhone()).masked(), order.city(), lines, order.total().currency(),
                order.subtotal().minorUnits(), order.shipping().minorUnits(), order.tax().minorUnits(),
                order.rounding().minorUnits(), order.total().minorUnits(), order.paymentProvider(), order.shippingProvider(), payment,
                order.createdAt());
    }

    private static Line line(OrderLine l) {
        return new Line(l.sku(), l.title(), l.unitPriceMinor(), l.quantity(), l.lineTotalMinor());
    }
}
