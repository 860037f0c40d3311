package io.tijarat.spi;

import io.tijarat.spi.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A configuration value that must never be shown: a password, API key, hash salt or MPIN.
 *
 * <p>{@link #toString()} always prints {@code ***}, so a secret that slips into a log line, an
 * exception message or a record's {@code toString} stays hidden. The value comes out only through
 * {@link #reveal()}, which makes every use visible in review: reveal it at the moment it goes into a
 * request or a MAC, never into a field of something that could be printed.
 *
 * <p>Deliberately not a record (a record would expose the value through its accessor and print it)
 * and not {@code Serializable}. Equality is identity: compare a secret with text through
 * {@link #matches(String)}, which takes constant time. Immutable and thread-safe.
 */
public final class Secret {

    private static final String MASK = "***";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** @throws IllegalArgumentException if the value is blank: an empty secret is a configuration error */
    public static Secret of(String value) {
        return new Secret(Checks.notBlank(value, "secret"));
    }

    /** The secret itself. Use it where it is needed and nowhere else. */
    public String reveal() {
        return value;
    }

    /**
     * Compares in constant time, for checking a shared secret a gateway sends back (a timing-safe
     * comparison does not tell an attacker how many leading characters were right).
     */
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** Always {@code ***}. */
    @Override
    public String toString() {
        return MASK;
    }
}
