package io.tijarat.core.plugin.context;

import io.tijarat.spi.Redaction;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The one redaction for text and exceptions that come from plugins, wherever they are logged: a plugin's own
 * log lines ({@link RedactingProviderLogger}) and what the core logs or stores of a plugin's exceptions (the
 * provider ports, jobs, reconciler, outbox). Secret configuration values become {@code ***} first (a numeric
 * secret would otherwise be half-masked as a phone number and stay readable), then phone and CNIC numbers are
 * masked ({@link Redaction#redact}). Immutable and thread-safe.
 */
public final class Redactor implements UnaryOperator<String> {

    /** Masks personal data only: for text where no secret values are known. */
    public static final Redactor PERSONAL_DATA = new Redactor(List.of());

    private static final String MASK = "***";

    private final List<String> secrets;

    private Redactor(Collection<String> secretValues) {
        // Longest first, so a secret that contains another is masked whole.
        this.secrets = secretValues.stream().filter(value -> value != null && !value.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** Masks these secret values as well as personal data. */
    public static Redactor maskingSecrets(Collection<String> secretValues) {
        return new Redactor(secretValues);
    }

    /** Masks the secrets of both. */
    public Redactor and(Redactor other) {
        return new Redactor(java.util.stream.Stream.concat(secrets.stream(), other.secrets.stream()).toList());
    }

    @Override
    public String apply(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return Redaction.redact(result);
    }

    /**
     * A copy of the exception and its causes with redacted messages, keeping class names and stack traces: what
     * may be attached to a log record or wrapped in another exception. {@code null} for {@code null}.
     */
    public Throwable redact(Throwable error) {
        return RedactedThrowable.of(error, this);
    }
}
