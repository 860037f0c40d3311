package io.tijarat.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"+923001234567", "+12025550123", "+4917612345678", "+12345678", "+123456789012345"})
    void givenE164Text_whenCreated_thenAccepted(String text) {
        assertEquals(text, PhoneNumber.of(text).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"923001234567", "03001234567", "+92 300 1234567", "+92-300-1234567", "+1234567",
            "+1234567890123456", "+0923001234567", "+92300123456a", "", "+"})
    void givenTextThatIsNotE164_whenCreated_thenRejectedWithoutEchoingTheNumber(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PhoneNumber.of(text));
        assertTrue(e.getMessage().contains("E.164"), e.getMessage());
        if (text.length() > 6) {
            assertFalse(e.getMessage().contains(text), "the message must not leak the number: " + e.getMessage());
        }
    }

    @Test
    void givenPakistaniMobile_whenMasked_thenNetworkPrefixAndLastTwoDigitsRemain() {
        PhoneNumber number = PhoneNumber.of("+923001234567");

        assertEquals("+92300*****67", number.masked());
    }

    @Test
    void givenShortestNumber_whenMasked_thenAtLeastFourDigitsAreHidden() {
        assertEquals("+12****78", PhoneNumber.of("+12345678").masked());
    }

    @Test
    void givenANumber_whenPrintedByAccident_thenToStringIsMasked() {
        PhoneNumber number = PhoneNumber.of("+923001234567");

        assertEquals(number.masked(), number.toString());
        assertFalse(("customer " + number).contains("1234567"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"03001234567", "0300-1234567", "923001234567", "+92 300 1234567", "0092 300 1234567",
            "(0300) 123 4567"})
    void givenPakistaniNumberAsPeopleWriteIt_whenReadAsPakistani_thenNormalisedToE164(String text) {
        assertEquals(PhoneNumber.of("+923001234567"), PhoneNumber.fromPakistani(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3001234567", "+12025550123", "0300123", "92300123456789", "hello"})
    void givenTextThatIsNotAPakistaniNumber_whenReadAsPakistani_thenRejected(String text) {
        assertThrows(IllegalArgumentException.class, () -> PhoneNumber.fromPakistani(text));
    }

    @Test
    void givenPakistaniNumber_whenFormattedForGateways_thenLocalAndDigitFormsAreRight() {
        PhoneNumber number = PhoneNumber.of("+923001234567");

        assertEquals("923001234567", number.digits());
        assertEquals(Optional.of("03001234567"), number.pakistanLocal());
        assertEquals(Optional.empty(), PhoneNumber.of("+12025550123").pakistanLocal());
    }
}
