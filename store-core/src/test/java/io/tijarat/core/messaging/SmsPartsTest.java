package io.tijarat.core.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The boundaries published by carriers' and Twilio's segment calculators: 160/153 septets for GSM-7,
 * 70/67 code units for UCS-2, extension characters counting double and never split.
 */
class SmsPartsTest {

    @Test
    void the_default_alphabet_has_its_128_positions() throws Exception {
        var field = Gsm7.class.getDeclaredField("BASIC");
        field.setAccessible(true);
        assertEquals(128, ((String) field.get(null)).length());
    }

    @Test
    void english_text_is_gsm7_with_160_in_one_part_and_153_per_part_after() {
        assertEquals(new SmsParts(SmsEncoding.GSM_7, 160, 1), SmsParts.of("a".repeat(160)));
        assertEquals(new SmsParts(SmsEncoding.GSM_7, 161, 2), SmsParts.of("a".repeat(161)));
        assertEquals(2, SmsParts.of("a".repeat(306)).parts());
        assertEquals(3, SmsParts.of("a".repeat(307)).parts());
        assertEquals(1, SmsParts.of("").parts());
    }

    @Test
    void extension_characters_take_two_septets_and_are_not_split_across_parts() {
        assertEquals(new SmsParts(SmsEncoding.GSM_7, 160, 1), SmsParts.of("€".repeat(80)));
        assertEquals(new SmsParts(SmsEncoding.GSM_7, 162, 2), SmsParts.of("€".repeat(81)));
        // 152 septets then a two-septet character: it cannot start in part one's last septet
        String straddling = "a".repeat(152) + "{" + "a".repeat(152);
        assertEquals(306, SmsParts.of(straddling).units());
        assertEquals(3, SmsParts.of(straddling).parts());
        assertEquals(2, SmsParts.of("a".repeat(151) + "{" + "a".repeat(153)).parts());
    }

    @Test
    void urdu_is_ucs2_with_70_in_one_part_and_67_per_part_after() {
        String urdu = "آپ کا آرڈر موصول ہو گیا";
        assertFalse(SmsParts.isGsm7(urdu));
        assertEquals(new SmsParts(SmsEncoding.UCS_2, urdu.length(), 1), SmsParts.of(urdu));
        assertEquals(1, SmsParts.of("ک".repeat(70)).parts());
        assertEquals(2, SmsParts.of("ک".repeat(71)).parts());
        assertEquals(2, SmsParts.of("ک".repeat(134)).parts());
        assertEquals(3, SmsParts.of("ک".repeat(135)).parts());
    }

    @Test
    void one_character_outside_gsm7_makes_the_whole_message_ucs2() {
        // a 100-character English text fits one GSM-7 part, but one Urdu word turns it into two UCS-2 parts
        String english = "Order TJ-7K3M-9QXD received. Total Rs 2,500. Track it at https://shop.example/t/ABCD1234 today";
        assertEquals(SmsEncoding.GSM_7, SmsParts.of(english).encoding());
        var mixed = SmsParts.of(english + " شکریہ");
        assertEquals(SmsEncoding.UCS_2, mixed.encoding());
        assertEquals(2, mixed.parts());
        // curly quotes, as phones type them, are not GSM-7 either
        assertEquals(SmsEncoding.UCS_2, SmsParts.of("Don\u2019t miss it").encoding());
        assertTrue(SmsParts.isGsm7("Price: 2500 Rs. Café @ Karachi £ ¥ §"));
    }

    @Test
    void surrogate_pairs_count_two_units_and_stay_in_one_part() {
        String emoji = "\uD83D\uDCE6"; // a parcel emoji, outside the BMP
        assertEquals(new SmsParts(SmsEncoding.UCS_2, 2, 1), SmsParts.of(emoji));
        // 66 units then a pair: the pair moves to the next part
        assertEquals(3, SmsParts.of("ک".repeat(66) + emoji + "ک".repeat(66)).parts());
        assertEquals(2, SmsParts.of("ک".repeat(65) + emoji + "ک".repeat(67)).parts());
    }

    @Test
    void cost_is_parts_times_the_price_per_part() {
        assertEquals(150, SmsParts.of("ک".repeat(71)).cost(75));
        assertThrows(IllegalArgumentException.class, () -> SmsParts.of("a").cost(-1));
    }
}
