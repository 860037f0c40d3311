package io.tijarat.core.order;

import io.tijarat.spi.EmailAddress;
import io.tijarat.spi.Money;
import io.tijarat.spi.PhoneNumber;
import java.util.List;
import java.util.Objects;

/** Everything checkout has validated and priced, ready to become an {@link Order}. */
public record OrderDraft(String customerName, PhoneNumber customerPhone, EmailAddress customerEmail, String locale,
                         String address, String city, String postalCode,
                         String paymentProvider, String shippingProvider, String shippingService,
                         List<Line> lines, Money subtotal, Money shipping, Money tax) {

    public OrderDraft {
        Objects.requireNonNull(customerName, "customerName");
        Objects.requireNonNull(customerPhone, "customerPhone");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        Money sum = Money.zero(subtotal.currency());
        for (Line line : lines) {
            sum = sum.plus(line.lineTotal());
        }
        if (!sum.equals(subtotal)) {
            throw new IllegalArgumentException("subtotal " + subtotal + " is not the sum of the lines " + sum);
        }
    }

    /** One priced line, copied from the catalog at checkout so later price changes do not touch it. */
    public record Line(String variantId, String sku, String title, Money unitPrice, int quantity, int weightGrams) {
        public Line {
            if (quantity <= 0) {
                throw new IllegalArgumentException("quantity must be positive");
            }
        }

        public Money lineTotal() {
            return Money.of(Math.multiplyExact(unitPrice.minorUnits(), quantity), unitPrice.currency());
        }
    }
}
