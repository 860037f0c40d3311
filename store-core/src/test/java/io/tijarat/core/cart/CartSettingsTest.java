package io.tijarat.core.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CartSettingsTest {

    @Test
    void tax_is_computed_in_paisa_and_rounded_half_up() {
        var settings = new CartSettings();
        settings.taxRateBasisPoints = 1700; // 17 % GST

        assertEquals(17_000, settings.taxOn(100_000));
        assertEquals(2, settings.taxOn(9));   // 1.53 paisa -> 2
        assertEquals(1, settings.taxOn(3));   // 0.51 -> 1
        assertEquals(0, settings.taxOn(2));   // 0.34 -> 0
    }
}
