package io.tijarat.plugin.jazzcash;

import io.tijarat.spi.Redaction;
import java.util.regex.Pattern;

/**
 * JazzCash's words, made fit for logs, outcome details and staff screens: a code reduced to letters and
 * digits, a message with phone and CNIC numbers masked and cut short. Stateless and thread-safe.
 */
final class GatewayText {

    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final int MAX_CODE = 12;
    private static final int MAX_MESSAGE = 200;

    private GatewayText() {
    }

    /** A gateway code or status: letters and digits only, at most 12, so nothing else leaks through it. */
    static String code(String code) {
        String safe = NOT_ALPHANUMERIC.matcher(code).replaceAll("");
        if (safe.isEmpty()) {
            return "(none)";
        }
        return safe.length() <= MAX_CODE ? safe : safe.substring(0, MAX_CODE) + "…";
    }

    /** A gateway message for staff: may quote a number, so masked; one line, at most 200 characters. */
    static String message(String message) {
        String line = Redaction.redact(CONTROL.matcher(message).replaceAll(" ").strip());
        if (line.isEmpty()) {
            return "(no message)";
        }
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "…";
    }
}
