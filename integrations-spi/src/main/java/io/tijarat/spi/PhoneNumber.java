package io.tijarat.spi;

import io.tijarat.spi.internal.Checks;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form: {@code +}, a country code, the national number — 8 to 15 digits, no
 * spaces (e.g. {@code +923001234567}).
 *
 * <p>{@link #toString()} is masked, so a number that ends up in a log by accident does not leak;
 * send {@link #value()} (or the gateway's format: {@link #digits()}, {@link #pakistanLocal()}) to
 * gateways. Immutable and thread-safe.
 *
 * @param value the E.164 text
 */
public record PhoneNumber(String value) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().]");
    private static final String PAKISTAN = "+92";

    public PhoneNumber {
        Checks.notNull(value, "phone number");
        if (!E164.matcher(value).matches()) {
            // The rejected value is not echoed: exception messages end up in logs.
            throw new IllegalArgumentException("phone number must be E.164: '+' then 8 to 15 digits without"
                    + " spaces, e.g. +92300XXXXXXX (got " + value.length() + " characters)");
        }
    }

    public static PhoneNumber of(String e164) {
        return new PhoneNumber(e164);
    }

    /**
     * Reads a Pakistani number the way customers and couriers write it: {@code 0300-1234567},
     * {@code 923001234567}, {@code 0092 300 1234567} or {@code +92 300 1234567}.
     *
     * @throws IllegalArgumentException if it is not a Pakistani number in one of those forms
     */
    public static PhoneNumber fromPakistani(String text) {
        Checks.notNull(text, "phone number");
        String compact = SEPARATORS.matcher(text.strip()).replaceAll("");
        String national;
        if (compact.startsWith("+92")) {
            national = compact.substring(3);
        } else if (compact.startsWith("0092")) {
            national = compact.substring(4);
        } else if (compact.startsWith("92") && compact.length() == 12) {
            national = compact.substring(2);
        } else if (compact.startsWith("0")) {
            national = compact.substring(1);
        } else {
            throw new IllegalArgumentException("not a Pakistani phone number: expected 03XXXXXXXXX, 92XXXXXXXXXX"
                    + " or +92XXXXXXXXXX (got " + text.length() + " characters)");
        }
        if (!national.matches("[1-9]\\d{8,9}")) {
            throw new IllegalArgumentException("not a Pakistani phone number: the national part must have 9 or 10"
                    + " digits after the leading 0 (got " + text.length() + " characters)");
        }
        return new PhoneNumber(PAKISTAN + national);
    }

    /** The digits without the {@code +}, as SMS gateways want them: {@code 923001234567}. */
    public String digits() {
        return value.substring(1);
    }

    public boolean isPakistani() {
        return value.startsWith(PAKISTAN);
    }

    /**
     * The national form Pakistani gateways and couriers ask for ({@code 03001234567}), or empty for a
     * number outside Pakistan.
     */
    public Optional<String> pakistanLocal() {
        return isPakistani() ? Optional.of("0" + value.substring(PAKISTAN.length())) : Optional.empty();
    }

    /** The number with the middle hidden, for logs and screens: {@code +92300*****67}. */
    public String masked() {
        return Redaction.maskPhone(value);
    }

    /** Masked on purpose; see {@link #value()} for the number itself. */
    @Override
    public String toString() {
        return masked();
    }
}
