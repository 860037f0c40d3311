package io.tijarat.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @Test
    void givenTwoPkrAmounts_whenAddedAndSubtracted_thenResultsAreExactInPaisa() {
        Money price = Money.pkr(1999);
        Money shipping = Money.pkr(25001);

        assertEquals(Money.pkr(27000), price.plus(shipping));
        assertEquals(Money.pkr(-23002), price.minus(shipping));
        assertTrue(price.minus(shipping).isNegative());
    }

    @Test
    void givenAmountsInDifferentCurrencies_whenCombinedOrCompared_thenRefusedNamingBoth() {
        Money rupees = Money.pkr(100);
        Money dollars = Money.of(100, "USD");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rupees.plus(dollars));
        assertTrue(e.getMessage().contains("USD") && e.getMessage().contains("PKR"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> rupees.minus(dollars));
        assertThrows(IllegalArgumentException.class, () -> rupees.compareTo(dollars));
        assertThrows(IllegalArgumentException.class, () -> rupees.isGreaterThan(dollars));
    }

    @Test
    void givenSameCurrency_whenCompared_thenOrderedByAmount() {
        assertTrue(Money.pkr(101).isGreaterThan(Money.pkr(100)));
        assertTrue(Money.pkr(99).isLessThan(Money.pkr(100)));
        assertEquals(0, Money.pkr(100).compareTo(Money.of(100, "PKR")));
        assertFalse(Money.zero("PKR").isPositive());
        assertTrue(Money.zero("PKR").isZero());
    }

    @Test
    void givenAmountNearLongLimit_whenAdded_thenOverflowIsAnErrorNotAWrapAround() {
        Money huge = Money.pkr(Long.MAX_VALUE);

        assertThrows(ArithmeticException.class, () -> huge.plus(Money.pkr(1)));
        assertThrows(ArithmeticException.class, () -> Money.pkr(Long.MIN_VALUE).minus(Money.pkr(1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pkr", "PK", "PKRS", "ZZZ", "XAU", ""})
    void givenInvalidCurrencyCode_whenCreated_thenRejected(String code) {
        assertThrows(IllegalArgumentException.class, () -> Money.of(1, code));
    }

    @Test
    void givenNullCurrency_whenCreated_thenRejectedNamingTheField() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> Money.of(1, null));
        assertTrue(e.getMessage().contains("currency"));
    }

    @ParameterizedTest
    @CsvSource({"1500, PKR, 15.00", "5, PKR, 0.05", "-250, PKR, -2.50", "1500, JPY, 1500", "1500, KWD, 1.500"})
    void givenMinorUnits_whenWrittenAsDecimal_thenCurrencyFractionDigitsAreUsed(long minor, String code,
                                                                               String expected) {
        assertEquals(expected, Money.of(minor, code).toDecimalString());
    }

    @ParameterizedTest
    @CsvSource({"20.0, 2000", "20, 2000", "1500, 150000", "0.05, 5", " 15.00 , 1500"})
    void givenGatewayDecimalText_whenParsed_thenExactPaisa(String text, long paisa) {
        assertEquals(Money.pkr(paisa), Money.parse(text, "PKR"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"20.005", "1e3", "20,00", "Rs 20", "", "NaN", "20."})
    void givenTextThatIsNotAnExactAmount_whenParsed_thenRejectedInsteadOfRounded(String text) {
        assertThrows(IllegalArgumentException.class, () -> Money.parse(text, "PKR"));
    }

    @Test
    void givenAnAmount_whenPrinted_thenCurrencyAndDecimalAmount() {
        assertEquals("PKR 15.00", Money.pkr(1500).toString());
    }
}
