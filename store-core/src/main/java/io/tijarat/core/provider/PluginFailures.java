package io.tijarat.core.provider;

import io.tijarat.core.plugin.context.Redactor;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The one way the core reports what a plugin threw: logged, or wrapped in a {@link ProviderUnavailableException}
 * that jobs, the reconciler, the outbox and the API then log or store. Messages and exceptions go through the
 * plugin host's {@link Redactor} — the same as the plugin's own log lines — so a gateway's error quoting a
 * credential, a customer's phone number or a CNIC never reaches the server log or an admin screen. Only the copy
 * is redacted: the fault-tolerance guards have already seen the original type. Thread-safe.
 */
final class PluginFailures {

    private final Logger log;
    private final Supplier<Redactor> redactor;

    PluginFailures(Logger log, Supplier<Redactor> redactor) {
        this.log = log;
        this.redactor = redactor;
    }

    /** Logs {@code message} (which may quote plugin text) with a redacted copy of what the plugin threw. */
    void log(Level level, String message, Throwable failure) {
        if (!log.isLoggable(level)) {
            return;
        }
        Redactor current = redactor.get();
        LogRecord record = new LogRecord(level, current.apply(message));
        record.setLoggerName(log.getName());
        record.setThrown(current.redact(failure));
        log.log(record);
    }

    /** "Certainly not sent", carrying a redacted copy of the cause. */
    ProviderUnavailableException unavailable(String providerId, String reason, Throwable cause) {
        return new ProviderUnavailableException(providerId, redactor.get().apply(reason), redactor.get().redact(cause));
    }

    /** Plugin text (an exception message) made safe to log or store. */
    String redact(String text) {
        return redactor.get().apply(text);
    }
}
