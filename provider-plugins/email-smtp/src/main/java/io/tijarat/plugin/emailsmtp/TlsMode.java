package io.tijarat.plugin.emailsmtp;

import java.util.Locale;
import java.util.Optional;

/** How the connection to the SMTP server is protected: the {@code tls} setting. */
enum TlsMode {

    /**
     * Upgrade with STARTTLS right after the greeting, verify the server's certificate and name, and give up
     * (before sending anything else) if the server does not offer it.
     */
    STARTTLS("starttls"),

    /** Plain text, credentials included: allowed only to a loopback host (a local relay, a test server). */
    NONE("none");

    private final String value;

    TlsMode(String value) {
        this.value = value;
    }

    /** The setting's spelling, case-insensitive; empty for anything else. */
    static Optional<TlsMode> parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (TlsMode mode : values()) {
            if (mode.value.equals(wanted)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
