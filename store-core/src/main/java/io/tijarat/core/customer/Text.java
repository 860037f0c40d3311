package io.tijarat.core.customer;

import io.tijarat.core.error.InvalidRequestException;
import java.text.Normalizer;

/**
 * Free text from customers: trimmed, NFC-normalised, length-checked, and refused when it carries control
 * characters or bidirectional overrides (which can make an address or name display differently from what
 * is stored — a classic spoofing trick). Urdu, emoji and zero-width joiners used in Urdu script pass.
 */
public final class Text {

    private Text() {
    }

    public static String required(String field, String value, int min, int max) {
        if (value == null || value.isBlank()) {
            throw InvalidRequestException.invalid(field, "is required");
        }
        return clean(field, value, min, max);
    }

    public static String optional(String field, String value, int max) {
        return value == null || value.isBlank() ? null : clean(field, value, 1, max);
    }

    private static String clean(String field, String value, int min, int max) {
        String text = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        int length = text.codePointCount(0, text.length());
        if (length < min || length > max) {
            throw InvalidRequestException.invalid(field, "must be " + min + " to " + max + " characters long");
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isISOControl(cp) && cp != '\n' || isBidiControl(cp) || Character.getType(cp) == Character.UNASSIGNED) {
                throw InvalidRequestException.invalid(field, "contains a control or invisible formatting character");
            }
            i += Character.charCount(cp);
        }
        return text;
    }

    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C;
    }
}
