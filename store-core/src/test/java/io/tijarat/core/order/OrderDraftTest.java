package io.tijarat.core.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tijarat.spi.Money;
import io.tijarat.spi.PhoneNumber;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Cash on delivery in whole rupees: the total the rider collects, and the customer is told, has no paisa. */
class OrderDraftTest {

    @ParameterizedTest(name = "{0} paisa -> rounding {1}")
    @CsvSource({"245000, 0", "245050, -50", "245099, -99", "245001, -1", "99, -99", "0, 0"})
    void givenATotal_whenRoundedForCashOnDelivery_thenItGoesDownToWholeRupeesNeverUp(long totalMinor, long rounding) {
        Money total = Money.pkr(totalMinor);

        Money adjustment = OrderDraft.wholeRupeeRounding(total);

        assertEquals(Money.pkr(rounding), adjustment);
        assertEquals(true, total.plus(adjustment).isWhole());
    }

    @Test
    void givenACodDraftWithPaisa_whenTheOrderIsMade_thenItsTotalIsWholeRupeesAndTheRoundingIsShown() {
        var line = new OrderDraft.Line("v1", "SKU-1", "Lawn suit", Money.pkr(199_950), 1, 500);
        Money subtotal = Money.pkr(199_950);
        Money shipping = Money.pkr(25_075);
        Money rounding = OrderDraft.wholeRupeeRounding(subtotal.plus(shipping));
        var draft = new OrderDraft("Ayesha Khan", PhoneNumber.of("+923001234567"), null, "en", "House 1", "Lahore", null,
                "cod", "leopards", "OVERNIGHT", List.of(line), subtotal, shipping, Money.pkr(0), rounding, "COURIER");

        Order order = new Order(draft, "TJ-1", "0".repeat(64), java.time.Instant.EPOCH, "test");

        assertEquals(Money.pkr(225_000), order.total(), "Rs 1,999.50 + Rs 250.75 is collected as Rs 2,250");
        assertEquals(Money.pkr(-25), order.rounding());
    }

    @Test
    void givenARoundingOfARupeeOrMore_whenDrafted_thenRefused() {
        var line = new OrderDraft.Line("v1", "SKU-1", "Lawn suit", Money.pkr(100_000), 1, 500);
        assertThrows(IllegalArgumentException.class, () -> new OrderDraft("A", PhoneNumber.of("+923001234567"), null,
                "en", "House 1", "Lahore", null, "cod", "leopards", "OVERNIGHT", List.of(line), Money.pkr(100_000),
                Money.pkr(0), Money.pkr(0), Money.pkr(-100), "COURIER"));
    }
}
