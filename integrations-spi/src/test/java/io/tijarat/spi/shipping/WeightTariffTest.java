package io.tijarat.spi.shipping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.spi.Money;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A merchant's courier tariff as written in a setting: the charge for each weight, and what a bad setting says. */
class WeightTariffTest {

    @Test
    void givenSlabsAndAStep_whenAParcelIsCharged_thenItsSlabOrTheLastSlabPlusEachStartedStep() {
        WeightTariff tariff = WeightTariff.parse("500:15000, 1000:18000, +1000:6000");

        assertEquals(Optional.of(Money.pkr(15_000)), tariff.charge(1));
        assertEquals(Optional.of(Money.pkr(15_000)), tariff.charge(500));
        assertEquals(Optional.of(Money.pkr(18_000)), tariff.charge(501));
        assertEquals(Optional.of(Money.pkr(24_000)), tariff.charge(1_001), "a started kilogram counts whole");
        assertEquals(Optional.of(Money.pkr(24_000)), tariff.charge(2_000));
        assertEquals(Optional.of(Money.pkr(30_000)), tariff.charge(2_001));
    }

    @Test
    void givenNoStep_whenAParcelIsHeavierThanTheLastSlab_thenNoCharge() {
        assertTrue(WeightTariff.parse("500:15000,1000:18000").charge(1_001).isEmpty());
    }

    @Test
    void givenABadSetting_whenParsed_thenTheReasonIsNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WeightTariff.parse("1000:18000,500:15000"))
                .getMessage().contains("increase"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WeightTariff.parse("500=150"))
                .getMessage().contains("grams:paisa"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WeightTariff.parse("+1000:6000"))
                .getMessage().contains("no weight slab"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WeightTariff.parse("0:100"))
                .getMessage().contains("grams must be > 0"));
    }
}
