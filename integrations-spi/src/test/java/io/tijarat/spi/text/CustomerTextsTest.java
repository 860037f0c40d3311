package io.tijarat.spi.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Customer texts from UTF-8 bundles: Urdu for Urdu, English for everyone else, no text missing in either. */
class CustomerTextsTest {

    private final CustomerTexts texts = CustomerTexts.load(CustomerTextsTest.class, "sample");

    @Test
    void urdu_readers_get_urdu_and_everyone_else_english() {
        var values = Map.of("number", "TJ-7K3M", "name", "Ayesha $1");
        assertEquals("آرڈر TJ-7K3M موصول ہو گیا، Ayesha $1۔", texts.text(Locale.forLanguageTag("ur-PK"), "greeting", values));
        assertEquals("Order TJ-7K3M received, Ayesha $1.", texts.text(Locale.forLanguageTag("pa"), "greeting", values));
        assertEquals("Thank you.", texts.text(Locale.ENGLISH, "plain"));
    }

    @Test
    void a_missing_key_value_or_translation_is_an_error_not_a_blank_message() {
        assertThrows(IllegalArgumentException.class, () -> texts.text(Locale.ENGLISH, "nope"));
        assertThrows(IllegalArgumentException.class, () -> texts.text(Locale.ENGLISH, "greeting", Map.of("number", "1")));
        var lopsided = assertThrows(IllegalStateException.class, () -> CustomerTexts.load(CustomerTextsTest.class, "lopsided"));
        assertTrue(lopsided.getMessage().contains("only-english"), lopsided.getMessage());
        assertThrows(IllegalStateException.class, () -> CustomerTexts.load(CustomerTextsTest.class, "absent"));
    }

    @Test
    void amountsReadAsRupeesGroupedByThousandsWithPaisaOnlyWhenThereAreAny() {
        assertEquals("1,500", CustomerTexts.amount(io.tijarat.spi.Money.of(150_000, "PKR")));
        assertEquals("1,500.50", CustomerTexts.amount(io.tijarat.spi.Money.of(150_050, "PKR")));
        assertEquals("0.05", CustomerTexts.amount(io.tijarat.spi.Money.of(5, "PKR")));
        assertEquals("12,345,678", CustomerTexts.amount(io.tijarat.spi.Money.of(1_234_567_800, "PKR")));
    }
}
