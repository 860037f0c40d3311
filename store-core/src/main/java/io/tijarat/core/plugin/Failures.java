package io.tijarat.core.plugin;

import io.tijarat.spi.Redaction;
import java.lang.reflect.InvocationTargetException;

/**
 * Turns what plugin code threw into a reason an operator can read, and decides what the host must not
 * swallow. Stateless.
 */
final class Failures {

    private static final int MAX_CAUSES = 4;

    private Failures() {
    }

    /**
     * Plugin code may throw anything, Errors included ({@code NoClassDefFoundError} from a missing
     * library, {@code ExceptionInInitializerError}); the host contains them to the plugin. Only a JVM
     * in trouble (out of memory, internal error) is not the plugin's problem to report.
     */
    static void rethrowIfFatal(Throwable failure) {
        if (failure instanceof VirtualMachineError error && !(failure instanceof StackOverflowError)) {
            throw error;
        }
    }

    /** {@code Class: message; caused by Class: message}, redacted (plugin messages may carry phone numbers). */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_CAUSES; depth++) {
            // A reflective wrapper says nothing its cause does not.
            if (!(current instanceof InvocationTargetException)) {
                if (text.length() > 0) {
                    text.append("; caused by ");
                }
                text.append(current.getClass().getName());
                if (current.getMessage() != null) {
                    text.append(": ").append(current.getMessage());
                }
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return Redaction.redact(text.toString());
    }
}
