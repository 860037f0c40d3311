package io.tijarat.core.messaging;

import java.util.Objects;

/**
 * How a text goes out as SMS: its encoding, the units it takes, and the parts it is billed as.
 *
 * @param encoding GSM-7 when every character is in the GSM 03.38 alphabet, else UCS-2
 * @param units    septets (GSM-7) or UTF-16 code units (UCS-2)
 * @param parts    billed parts: 1 when {@code units} fit in one message, else as split by a handset or
 *                 gateway — an extension character's two septets, or a surrogate pair's two code
 *                 units, are never split across parts, so a part can hold one unit less than
 *                 {@link SmsEncoding#perPart()}
 */
public record SmsParts(SmsEncoding encoding, int units, int parts) {

    public SmsParts {
        Objects.requireNonNull(encoding, "encoding");
    }

    /** The encoding and parts of {@code text}. An empty text is one (empty) part. */
    public static SmsParts of(String text) {
        Objects.requireNonNull(text, "text");
        return isGsm7(text) ? gsm7(text) : ucs2(text);
    }

    /** Whether a gateway can send {@code text} without UCS-2 (i.e. without the UNICODE_SMS capability). */
    public static boolean isGsm7(String text) {
        return text.codePoints().allMatch(cp -> Gsm7.septets(cp) > 0);
    }

    /** What the parts cost at {@code pricePerPart} minor units (paisa) each. */
    public long cost(long pricePerPart) {
        if (pricePerPart < 0) {
            throw new IllegalArgumentException("price per part must be >= 0");
        }
        return Math.multiplyExact(parts, pricePerPart);
    }

    private static SmsParts gsm7(String text) {
        int[] widths = text.codePoints().map(Gsm7::septets).toArray();
        return new SmsParts(SmsEncoding.GSM_7, sum(widths), split(widths, SmsEncoding.GSM_7));
    }

    private static SmsParts ucs2(String text) {
        int[] widths = text.codePoints().map(Character::charCount).toArray();
        return new SmsParts(SmsEncoding.UCS_2, sum(widths), split(widths, SmsEncoding.UCS_2));
    }

    private static int sum(int[] widths) {
        int total = 0;
        for (int w : widths) {
            total += w;
        }
        return total;
    }

    // Fill parts greedily, never splitting one character's units, as senders do.
    private static int split(int[] widths, SmsEncoding encoding) {
        if (sum(widths) <= encoding.singlePart()) {
            return 1;
        }
        int parts = 1;
        int used = 0;
        for (int w : widths) {
            if (used + w > encoding.perPart()) {
                parts++;
                used = 0;
            }
            used += w;
        }
        return parts;
    }
}
