package io.tijarat.spi;

import io.tijarat.spi.internal.Checks;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in text before it reaches a log: phone numbers and CNIC numbers (Pakistan's
 * national identity number, which must never be logged).
 *
 * <p>The core's {@link ProviderLogger} already runs every message through {@link #redact(String)};
 * plugins use this class for text they put anywhere else that humans read (exception messages,
 * outcome details). It is a safety net, not a licence: plugins still never log request or response
 * bodies, secrets or card data. Stateless and thread-safe.
 */
public final class Redaction {

    /** 13 digits, with or without the usual dashes: 12345-1234567-1. */
    private static final Pattern CNIC = Pattern.compile("(?<![\\d*])(\\d{5}-\\d{7}-\\d|\\d{13})(?![\\d*])");
    /** Pakistani mobiles as people and gateways write them: +923001234567, 923001234567, 0300-1234567. */
    private static final Pattern PK_MOBILE =
            Pattern.compile("(?<![\\d+*])(\\+92|0092|92|0)3\\d{2}[ -]?\\d{7}(?![\\d*])");
    /** Any other E.164 number. */
    private static final Pattern E164 = Pattern.compile("(?<![\\d*])\\+[1-9]\\d{7,14}(?![\\d*])");

    private Redaction() {
    }

    /**
     * Returns the text with CNIC numbers fully masked and phone numbers masked like
     * {@link PhoneNumber#masked()}. Other text, amounts included, is left alone.
     */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = replaceAll(CNIC, text, match -> maskDigits(match, 0, 0));
        result = replaceAll(PK_MOBILE, result, Redaction::maskPhone);
        return replaceAll(E164, result, Redaction::maskPhone);
    }

    /**
     * Replaces every digit with {@code *} except the first {@code keepFirst} and last
     * {@code keepLast} digits; other characters stay where they are, so the shape remains readable.
     */
    public static String maskDigits(String value, int keepFirst, int keepLast) {
        Checks.notNull(value, "value");
        if (keepFirst < 0 || keepLast < 0) {
            throw new IllegalArgumentException("keepFirst and keepLast must be >= 0");
        }
        long total = value.chars().filter(Character::isDigit).count();
        StringBuilder masked = new StringBuilder(value.length());
        int seen = 0;
        for (char c : value.toCharArray()) {
            if (Character.isDigit(c)) {
                masked.append(seen < keepFirst || seen >= total - keepLast ? c : '*');
                seen++;
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }

    /** Keeps enough of a phone number to recognise the network, and the last two digits. */
    static String maskPhone(String number) {
        int digits = (int) number.chars().filter(Character::isDigit).count();
        int keepFirst = Math.max(0, Math.min(5, digits - 6));
        return maskDigits(number, keepFirst, 2);
    }

    private static String replaceAll(Pattern pattern, String text, java.util.function.UnaryOperator<String> mask) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(mask.apply(matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
