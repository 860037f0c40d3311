package io.tijarat.plugin.cod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.spi.Money;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.kit.TestProviderContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Configuration mistakes stop the provider at start-up, with a message that names the key. */
class CodSettingsTest {

    private final CodProviderFactory factory = new CodProviderFactory();

    private PermanentProviderException startupFailure(String name, String value) {
        TestProviderContext context = TestProviderContext.builder(factory.descriptor()).property(name, value).build();
        return assertThrows(PermanentProviderException.class, () -> factory.create(context));
    }

    private static CodSettings settings(String name, String value) {
        CodProviderFactory factory = new CodProviderFactory();
        return CodSettings.from(TestProviderContext.builder(factory.descriptor()).property(name, value).build().config());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-100", "50,000", "50000.00", "Rs 50000", "1000000000000000000000"})
    void givenAMaxAmountThatIsNotPositiveWholePaisa_whenTheProviderStarts_thenItFailsNamingTheKey(String value) {
        PermanentProviderException failure = startupFailure("max-amount", value);

        assertTrue(failure.getMessage().startsWith("tijarat.provider.cod.max-amount must be a whole number of paisa"),
                failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "on"})
    void givenAPhoneConfirmationThatIsNotTrueOrFalse_whenTheProviderStarts_thenItFailsNamingTheKey(String value) {
        PermanentProviderException failure = startupFailure("phone-confirmation", value);

        assertTrue(failure.getMessage().startsWith("tijarat.provider.cod.phone-confirmation must be true or false"),
                failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {",", " , ,", ",,,"})
    void givenACityListThatNamesNoCity_whenTheProviderStarts_thenItFailsNamingTheKey(String value) {
        PermanentProviderException failure = startupFailure("cities", value);

        assertTrue(failure.getMessage().startsWith("tijarat.provider.cod.cities must list at least one city"),
                failure.getMessage());
    }

    @Test
    void givenNoCityList_whenRead_thenCashOnDeliveryIsOfferedEverywhere() {
        CodCities cities = CodSettings.from(TestProviderContext.builder(factory.descriptor()).build().config()).cities();

        assertTrue(cities.everywhere());
        assertTrue(cities.includes("Skardu"));
    }

    @Test
    void givenACityListWithSpacesAndEmptyEntries_whenRead_thenEachNamedCityIsKept() {
        CodCities cities = settings("cities", " Karachi ,, lahore,").cities();

        assertEquals("Karachi, lahore", cities.toString());
        assertTrue(cities.includes("Lahore"));
        assertFalse(cities.includes("Multan"));
    }

    @Test
    void givenValidValuesWithSpacesOrCapitals_whenRead_thenAccepted() {
        assertEquals(Money.pkr(2_500_000), settings("max-amount", " 2500000 ").maxAmount());
        assertTrue(settings("phone-confirmation", "TRUE").phoneConfirmation());
    }
}
