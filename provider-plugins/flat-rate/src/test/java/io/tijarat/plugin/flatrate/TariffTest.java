package io.tijarat.plugin.flatrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.spi.Money;
import io.tijarat.spi.PermanentProviderException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TariffTest {

    private static final String KEY = "tijarat.provider.flat-rate.rates.major";
    private static final Tariff MAJOR = Tariff.parse(KEY, "500:22000, 1000:30000, 3000:55000, +1000:15000");

    @ParameterizedTest(name = "{0} g costs {1} paisa")
    @CsvSource({
            "1, 22000", "500, 22000",            // first slab, up to and including its limit
            "501, 30000", "1000, 30000",
            "1001, 55000", "3000, 55000",
            "3001, 70000", "4000, 70000",        // one further kilogram, or part of one
            "4001, 85000", "10000, 160000"})
    void givenTheMajorCitiesTariff_whenAParcelIsPriced_thenItsSlabOrFurtherStepsSetThePrice(int grams, long paisa) {
        assertEquals(Optional.of(Money.pkr(paisa)), MAJOR.chargeFor(grams));
    }

    @Test
    void givenATariffWithoutAFurtherStep_whenAParcelIsHeavierThanTheLastSlab_thenItIsNotCarried() {
        Tariff tariff = Tariff.parse(KEY, "500:15000,1000:20000");

        assertEquals(Optional.of(Money.pkr(20_000)), tariff.chargeFor(1000));
        assertEquals(Optional.empty(), tariff.chargeFor(1001));
    }

    @ParameterizedTest(name = "''{0}'': {1}")
    @CsvSource(delimiter = '|', value = {
            "''                                   | '' is not grams:paisa",
            "500:15000,,1000:20000               | '' is not grams:paisa",
            "500=15000                           | '500=15000' is not grams:paisa",
            "0.5kg:150                           | '0.5kg:150' is not grams:paisa",
            "500:150.00                          | '500:150.00' is not grams:paisa",
            "1000:20000,500:15000                | 500 g does not come after 1000 g",
            "500:15000,500:20000                 | 500 g does not come after 500 g",
            "500:20000,1000:15000                | the 1000 g slab costs less than the 500 g slab",
            "+1000:10000,500:15000               | the +grams:paisa step must come last",
            "+1000:10000                         | there must be at least one grams:paisa slab",
            "0:100                               | weights must be more than 0 grams"})
    void givenAMalformedTariff_whenParsed_thenTheFailureNamesTheKeyTheFormatAndTheProblem(String text, String problem) {
        PermanentProviderException e = assertThrows(PermanentProviderException.class, () -> Tariff.parse(KEY, text));

        assertTrue(e.getMessage().startsWith(KEY + " must be grams:paisa slabs"), e.getMessage());
        assertTrue(e.getMessage().endsWith(": " + problem), e.getMessage());
    }
}
