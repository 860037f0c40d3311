package io.tijarat.core.order;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class OrderNumbersTest {

    @Test
    void order_numbers_are_readable_over_the_phone_and_do_not_repeat() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 10_000; i++) {
            String n = OrderNumbers.next();
            assertTrue(n.matches("TJ-[34679ACDEFGHJKMNPQRTVWXY]{4}-[34679ACDEFGHJKMNPQRTVWXY]{4}"), n);
            assertTrue(seen.add(n), "repeated " + n);
        }
    }
}
