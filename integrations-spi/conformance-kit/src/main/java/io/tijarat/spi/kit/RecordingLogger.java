package io.tijarat.spi.kit;

import io.tijarat.spi.ProviderLogger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link ProviderLogger} that keeps every line, so a test can read what a plugin logged and prove
 * that secrets and personal data never reach a log.
 *
 * <p>Unlike the core's logger it redacts nothing and enables every level: a safety net in the test
 * would hide exactly the leaks the test is looking for. Thread-safe.
 */
public final class RecordingLogger implements ProviderLogger {

    /**
     * One line the plugin logged.
     *
     * @param level   its level
     * @param message the message, exactly as given
     * @param error   the attached failure, if any
     */
    public record Line(Level level, String message, Optional<Throwable> error) {
        public Line {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(error, "error");
        }

        /** The message and the messages of the attached failure and its causes: all of the line a log shows. */
        public String fullText() {
            StringBuilder text = new StringBuilder(String.valueOf(message));
            for (Throwable cause = error.orElse(null); cause != null; cause = cause.getCause()) {
                text.append(" | ").append(cause);
            }
            return text.toString();
        }
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    @Override
    public boolean isEnabled(Level level) {
        return true;
    }

    @Override
    public void log(Level level, String message, Throwable error) {
        lines.add(new Line(level, message, Optional.ofNullable(error)));
    }

    /** Every line so far, oldest first. */
    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** Whether any line, failures included, contains {@code text}. */
    public boolean contains(String text) {
        return lines.stream().anyMatch(line -> line.fullText().contains(text));
    }

    /** Forgets everything logged so far. */
    public void clear() {
        lines.clear();
    }

    @Override
    public String toString() {
        return "RecordingLogger[" + lines.size() + " lines]";
    }
}
