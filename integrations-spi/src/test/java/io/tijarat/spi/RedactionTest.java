package io.tijarat.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "wallet +923001234567 prompted  | wallet +92300*****67 prompted",
            "msisdn=923001234567&x=1        | msisdn=92300*****67&x=1",
            "call 03001234567 now           | call 03001****67 now",
            "call 0300-1234567 now          | call 0300-1****67 now",
            "US +12025550123 too            | US +12025****23 too"})
    void givenTextWithPhoneNumbers_whenRedacted_thenNumbersAreMaskedInPlace(String text, String expected) {
        assertEquals(expected, Redaction.redact(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pp_CNIC 35202-1234567-9 sent | pp_CNIC *****-*******-* sent",
            "cnic=3520212345679           | cnic=*************"})
    void givenTextWithCnic_whenRedacted_thenEveryDigitIsHidden(String text, String expected) {
        assertEquals(expected, Redaction.redact(text));
    }

    @Test
    void givenTextWithAmountsCodesAndReferences_whenRedacted_thenItIsUnchanged() {
        String text = "pp_Amount=150000 pp_ResponseCode=000 ref T20260101120000 order 1042 PKR 1500.00";

        assertEquals(text, Redaction.redact(text));
    }

    @Test
    void givenAlreadyMaskedText_whenRedactedAgain_thenNothingChanges() {
        String once = Redaction.redact("to +923001234567");

        assertEquals(once, Redaction.redact(once));
        assertFalse(once.contains("1234567"));
    }

    @Test
    void givenNullOrEmpty_whenRedacted_thenReturnedAsIs() {
        assertNull(Redaction.redact(null));
        assertEquals("", Redaction.redact(""));
    }

    @Test
    void givenAValue_whenDigitsMasked_thenOnlyTheRequestedEndsRemain() {
        assertEquals("12-****-78", Redaction.maskDigits("12-3456-78", 2, 2));
        assertEquals("****", Redaction.maskDigits("1234", 0, 0));
    }
}
