package io.tijarat.core.plugin.context;

import io.tijarat.spi.ProviderLogger;
import io.tijarat.spi.Redaction;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The {@link ProviderLogger} the host gives a provider, on {@code java.util.logging} (which Payara's
 * JSON log formatter writes out), under the logger name {@code io.tijarat.provider.<id>} so an operator
 * can set one provider's level.
 *
 * <p>Every line is prefixed with the provider id and the current correlation id. The message and the
 * messages of an attached exception (and its causes) go through the provider's {@link Redactor}: secret values
 * (replaced by {@code ***}), then phone and CNIC numbers ({@link Redaction#redact}) — the same redaction the core
 * applies to the plugin's exceptions it logs. Thread-safe.
 */
public final class RedactingProviderLogger implements ProviderLogger {

    private final String providerId;
    private final Logger logger;
    private final Redactor redactor;
    private final Supplier<Optional<String>> correlationId;

    /**
     * @param secretValues  values to mask wherever they appear
     * @param correlationId the current request's correlation id, if any
     */
    public RedactingProviderLogger(String providerId, Collection<String> secretValues,
                                   Supplier<Optional<String>> correlationId) {
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.logger = Logger.getLogger(loggerName(providerId));
        this.redactor = Redactor.maskingSecrets(secretValues);
        this.correlationId = Objects.requireNonNull(correlationId, "correlationId");
    }

    /** The java.util.logging name of a provider's logger. */
    public static String loggerName(String providerId) {
        return "io.tijarat.provider." + providerId;
    }

    @Override
    public boolean isEnabled(Level level) {
        return logger.isLoggable(julLevel(level));
    }

    @Override
    public void log(Level level, String message, Throwable error) {
        java.util.logging.Level julLevel = julLevel(Objects.requireNonNull(level, "level"));
        if (!logger.isLoggable(julLevel)) {
            return;
        }
        LogRecord record = new LogRecord(julLevel, prefix() + redact(String.valueOf(message)));
        record.setLoggerName(logger.getName());
        // Without these, the formatter would name the logger class's caller: the plugin's internals.
        record.setSourceClassName(logger.getName());
        record.setSourceMethodName(level.name().toLowerCase(java.util.Locale.ROOT));
        record.setThrown(redactor.redact(error));
        logger.log(record);
    }

    String redact(String text) {
        return redactor.apply(text);
    }

    private String prefix() {
        String correlation = CorrelationIds.current(correlationId).map(id -> " correlationId=" + id).orElse("");
        return "[provider=" + providerId + correlation + "] ";
    }

    private static java.util.logging.Level julLevel(Level level) {
        return switch (level) {
            case DEBUG -> java.util.logging.Level.FINE;
            case INFO -> java.util.logging.Level.INFO;
            case WARN -> java.util.logging.Level.WARNING;
            case ERROR -> java.util.logging.Level.SEVERE;
        };
    }
}
