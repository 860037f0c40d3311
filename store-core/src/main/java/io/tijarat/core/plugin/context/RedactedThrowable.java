package io.tijarat.core.plugin.context;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A copy of an exception (and its causes) whose messages went through redaction, for attaching to a
 * log line: exception messages from plugins and gateways carry phone numbers as often as log messages
 * do. Keeps the original class name (in {@link #toString()}, which stack-trace printing uses) and the
 * stack trace, so the line is as useful as the original.
 */
final class RedactedThrowable extends Exception {

    private static final long serialVersionUID = 1L;
    private static final int MAX_CAUSES = 16;

    private final String originalClassName;

    private RedactedThrowable(String originalClassName, String message, RedactedThrowable cause) {
        super(message, cause, false, true);
        this.originalClassName = originalClassName;
    }

    /** Returns {@code null} for {@code null}, so it can wrap an optional error directly. */
    static Throwable of(Throwable error, UnaryOperator<String> redact) {
        return error == null ? null : copy(error, redact, new IdentityHashMap<>(), 0);
    }

    private static RedactedThrowable copy(Throwable error, UnaryOperator<String> redact,
                                          Map<Throwable, Boolean> seen, int depth) {
        seen.put(error, Boolean.TRUE);
        Throwable cause = error.getCause();
        RedactedThrowable causeCopy = cause != null && depth < MAX_CAUSES && !seen.containsKey(cause)
                ? copy(cause, redact, seen, depth + 1) : null;
        String message = error.getMessage() == null ? null : redact.apply(error.getMessage());
        RedactedThrowable copy = new RedactedThrowable(error.getClass().getName(), message, causeCopy);
        copy.setStackTrace(error.getStackTrace());
        return copy;
    }

    /** The original class name, as {@code Throwable.toString()} would print it. */
    String originalClassName() {
        return originalClassName;
    }

    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? originalClassName : originalClassName + ": " + message;
    }
}
