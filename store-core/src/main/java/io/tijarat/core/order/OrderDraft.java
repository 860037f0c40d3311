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
                         List<Line> lines, Money subtotal, Money shipping, Money tax, Money rounding,
                         String shippingQuoteBasis) {

    /** An order with no rounding and a shipping charge the courier gave (a prepaid order, or one in whole rupees). */
    public OrderDraft(String customerName, PhoneNumber customerPhone, EmailAddress customerEmail, String locale,
                      String address, String city, String postalCode, String paymentProvider, String shippingProvider,
                      String shippingService, List<Line> lines, Money subtotal, Money shipping, Money tax) {
        this(customerName, customerPhone, customerEmail, locale, address, city, postalCode, paymentProvider,
                shippingProvider, shippingService, lines, subtotal, shipping, tax, Money.zero(subtotal.currency()),
                "COURIER");
    }

    /**
     * What makes the total of a cash-on-delivery order whole rupees: couriers collect no paisa, so the customer is
     * told, and pays, the total rounded down (never up: never more than the sum of the prices). Zero or negative,
     * less than one rupee.
     */
    public static Money wholeRupeeRounding(Money total) {
        long unit = Money.parse("1", total.currency()).minorUnits();
        return Money.of(-Math.floorMod(total.minorUnits(), unit), total.currency());
    }

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
        Objects.requireNonNull(rounding, "rounding");
        if (rounding.isPositive() || rounding.minorUnits() <= -Money.parse("1", rounding.currency()).minorUnits()) {
            throw new IllegalArgumentException("rounding must be zero or less than one unit below zero, was " + rounding);
        }
        Objects.requireNonNull(shippingQuoteBasis, "shippingQuoteBasis");
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
