package io.tijarat.spi;

import io.tijarat.spi.internal.Checks;
import java.util.regex.Pattern;

/**
 * An e-mail address, checked only for shape ({@code local@domain.tld}, no spaces, at most 254
 * characters): whether it exists is for the mail server to say. {@link #toString()} is masked.
 * Immutable and thread-safe.
 *
 * @param value the address as given
 */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

    public EmailAddress {
        Checks.notNull(value, "e-mail address");
        if (value.length() > 254 || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not an e-mail address (expected local@domain.tld without spaces,"
                    + " at most 254 characters; got " + value.length() + " characters)");
        }
    }

    public static EmailAddress of(String value) {
        return new EmailAddress(value);
    }

    /** The address with the local part hidden: {@code a***@example.com}. */
    public String masked() {
        int at = value.lastIndexOf('@');
        return value.charAt(0) + "***" + value.substring(at);
    }

    /** Masked on purpose; see {@link #value()}. */
    @Override
    public String toString() {
        return masked();
    }
}
