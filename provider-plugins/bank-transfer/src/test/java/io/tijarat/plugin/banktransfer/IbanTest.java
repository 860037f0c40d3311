package io.tijarat.plugin.banktransfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pakistani IBANs as operators type them: the shape, the length and the ISO 13616 check digits. */
class IbanTest {

    /** The Pakistani example in SWIFT's IBAN registry. */
    private static final String REGISTRY_EXAMPLE = "PK36SCBL0000001123456702";
    /**
     * Check digits worked out by hand for BBAN MEZN0001234567890123: the digits of "MEZN0001234567890123PK00"
     * with M=22, E=14, Z=35, N=23, P=25, K=20 leave 42 modulo 97, and 98 - 42 = 56.
     */
    private static final String MEEZAN = "PK56MEZN0001234567890123";

    @ParameterizedTest
    @ValueSource(strings = {REGISTRY_EXAMPLE, MEEZAN})
    void givenAValidPakistaniIban_whenParsed_thenAcceptedAsWritten(String iban) {
        assertEquals(iban, Iban.parse(iban).electronic());
    }

    @Test
    void givenAnIbanWrittenInGroupsAndLowerCase_whenParsed_thenStoredWithoutSpacesInUpperCase() {
        assertEquals(MEEZAN, Iban.parse("  pk56 mezn 0001 2345  6789 0123 ").electronic());
    }

    @Test
    void givenAParsedIban_whenShownToACustomer_thenGroupedInFours() {
        assertEquals("PK36 SCBL 0000 0011 2345 6702", Iban.parse(REGISTRY_EXAMPLE).grouped());
    }

    @Test
    void givenOtherCheckDigits_whenParsed_thenRefusedAsMistyped() {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
                () -> Iban.parse("PK57MEZN0001234567890123"));

        assertTrue(failure.getMessage().contains("check digits"), failure.getMessage());
    }

    @Test
    void givenAnyOneDigitMistyped_whenParsed_thenRefused() {
        for (int position = 2; position < MEEZAN.length(); position++) {
            char original = MEEZAN.charAt(position);
            if (!Character.isDigit(original)) {
                continue;
            }
            for (char typo = '0'; typo <= '9'; typo++) {
                if (typo != original) {
                    String mistyped = MEEZAN.substring(0, position) + typo + MEEZAN.substring(position + 1);
                    assertThrows(IllegalArgumentException.class, () -> Iban.parse(mistyped), mistyped);
                }
            }
        }
    }

    @Test
    void givenTwoNeighbouringDigitsSwapped_whenParsed_thenRefused() {
        assertThrows(IllegalArgumentException.class, () -> Iban.parse("PK56MEZN0001234567890132"));
        assertThrows(IllegalArgumentException.class, () -> Iban.parse("PK56MEZN0010234567890123"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PK56MEZN000123456789012", "PK56MEZN00012345678901234", "PK56"})
    void givenTheWrongLength_whenParsed_thenRefusedSayingHowLongItMustBe(String iban) {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> Iban.parse(iban));

        assertTrue(failure.getMessage().startsWith("must be 24 characters"), failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GB82WEST12345698765432", "AE070331234567890123456", "SA0380000000608010167519"})
    void givenAValidForeignIban_whenParsed_thenRefusedAsNotPakistani(String iban) {
        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> Iban.parse(iban));

        assertTrue(failure.getMessage().contains("Pakistani"), failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PK36SCB10000001123456702", "PKA6SCBL0000001123456702", "PK36SCBL000000112345670-"})
    void givenTheRightLengthButTheWrongShape_whenParsed_thenRefused(String iban) {
        assertThrows(IllegalArgumentException.class, () -> Iban.parse(iban));
    }
}
