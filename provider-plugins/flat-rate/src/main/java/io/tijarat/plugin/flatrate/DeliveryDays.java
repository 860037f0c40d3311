package io.tijarat.plugin.flatrate;

import io.tijarat.spi.PermanentProviderException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The usual delivery time in a zone, as a range of days, written {@code 2-4} (or {@code 2}).
 *
 * @param min the fewest days, at least 0 (same-day)
 * @param max the most days, at least 1 and at least {@code min}
 */
record DeliveryDays(int min, int max) {

    private static final Pattern RANGE = Pattern.compile("(\\d{1,2})(?:\\s*-\\s*(\\d{1,2}))?");

    /**
     * @param key the full configuration key, for messages
     * @throws PermanentProviderException naming the key
     */
    static DeliveryDays parse(String key, String text) {
        Matcher matcher = RANGE.matcher(text.strip());
        if (!matcher.matches()) {
            throw invalid(key, text);
        }
        int min = Integer.parseInt(matcher.group(1));
        int max = matcher.group(2) == null ? min : Integer.parseInt(matcher.group(2));
        if (max < 1 || max < min) {
            throw invalid(key, text);
        }
        return new DeliveryDays(min, max);
    }

    private static PermanentProviderException invalid(String key, String text) {
        return new PermanentProviderException(key + " must be days as min-max (e.g. 2-4) or one number, with at"
                + " most as many days first as last and at least 1 day last, was '" + text + "'");
    }

    /** The slowest usual delivery, for the quote's transit time: better a pleasant surprise than a late parcel. */
    Duration longest() {
        return Duration.ofDays(max);
    }

    /** "1–2 days", "2 days", "1 day". */
    String describe() {
        String days = max == 1 ? " day" : " days";
        return (min == max ? String.valueOf(max) : min + "–" + max) + days;
    }
}
