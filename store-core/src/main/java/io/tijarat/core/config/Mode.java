package io.tijarat.core.config;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code tijarat.mode}. {@code dev} and {@code test} allow development shortcuts (the bundled admin key,
 * loopback webhook receivers, http gateways on loopback, no public URL); {@code production} allows none. An
 * unset mode is production: the safe default for a WAR deployed by hand.
 */
public enum Mode {
    DEV, TEST, PRODUCTION;

    public static final String KEY = "tijarat.mode";

    /** The mode a value names; anything else is refused, with the key and the accepted values. */
    public static Mode parse(Optional<String> value) {
        if (value.isEmpty() || value.get().isBlank()) {
            return PRODUCTION;
        }
        return switch (value.get().trim().toLowerCase(Locale.ROOT)) {
            case "dev" -> DEV;
            case "test" -> TEST;
            case "production" -> PRODUCTION;
            default -> throw new InvalidSettingsException(KEY, value.get(), "dev, test or production");
        };
    }

    /** Development shortcuts are allowed. */
    public boolean allowsShortcuts() {
        return this != PRODUCTION;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
