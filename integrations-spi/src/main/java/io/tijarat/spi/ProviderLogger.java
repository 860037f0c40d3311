package io.tijarat.spi;

import java.util.function.Supplier;

/**
 * Where a plugin logs. The core's implementation writes structured JSON lines tagged with the
 * provider id and the current correlation id, and passes every message through
 * {@link Redaction#redact(String)} (phone and CNIC numbers) and a mask for the provider's secrets.
 *
 * <p>Redaction is a safety net: plugins still never log request or response bodies, secrets, card
 * data or CNIC numbers. Log what an operator needs — which operation, which attempt, the gateway's
 * response code, how long it took. Thread-safe.
 */
public interface ProviderLogger {

    /** How much attention a line needs. */
    enum Level { DEBUG, INFO, WARN, ERROR }

    boolean isEnabled(Level level);

    /**
     * Writes one line if the level is enabled.
     *
     * @param error the failure to attach, or {@code null} (as in {@link System.Logger})
     */
    void log(Level level, String message, Throwable error);

    default void debug(String message) {
        log(Level.DEBUG, message, null);
    }

    /** Builds the message only when DEBUG is on, for messages that are costly to build. */
    default void debug(Supplier<String> message) {
        if (isEnabled(Level.DEBUG)) {
            log(Level.DEBUG, message.get(), null);
        }
    }

    default void info(String message) {
        log(Level.INFO, message, null);
    }

    default void warn(String message) {
        log(Level.WARN, message, null);
    }

    default void warn(String message, Throwable error) {
        log(Level.WARN, message, error);
    }

    default void error(String message, Throwable error) {
        log(Level.ERROR, message, error);
    }
}
