package io.tijarat.spi.internal;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

/**
 * Argument checks for the SPI's records, so every value fails fast with a message that names the
 * field. Not part of the contract (see the package comment).
 */
public final class Checks {

    private Checks() {
    }

    public static <T> T notNull(T value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " must not be null");
        }
        return value;
    }

    /** Optional components are never {@code null} themselves: pass {@code Optional.empty()}. */
    public static <T> Optional<T> optional(Optional<T> value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " must not be null; use Optional.empty()");
        }
        return value;
    }

    public static String notBlank(String value, String name) {
        notNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    public static String notBlank(String value, String name, int maxLength) {
        notBlank(value, name);
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(
                    name + " must be at most " + maxLength + " characters, was " + value.length());
        }
        return value;
    }

    public static Duration positive(Duration value, String name) {
        notNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
        return value;
    }

    public static Duration notNegative(Duration value, String name) {
        notNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must be >= 0, was " + value);
        }
        return value;
    }

    public static <C extends Collection<?>> C noNullElements(C values, String name) {
        notNull(values, name);
        for (Object value : values) {
            if (value == null) {
                throw new NullPointerException(name + " must not contain null");
            }
        }
        return values;
    }
}
