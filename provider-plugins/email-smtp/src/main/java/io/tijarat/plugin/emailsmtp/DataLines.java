package io.tijarat.plugin.emailsmtp;

import java.nio.charset.StandardCharsets;

/**
 * The message as it goes after {@code DATA} (RFC 5321 section 4.5.2): every line ends with CRLF, and a line
 * that starts with a dot gets one more ("dot-stuffing"), so that only the terminating {@code .} line can end
 * the data. The receiving server removes the added dot.
 *
 * <p>It also refuses what a server would mangle or reject: a bare CR or LF, a line over 998 characters, a byte
 * outside 7-bit ASCII. {@link MailComposer} never writes those, so such a failure is a bug in this plugin,
 * caught before a byte is sent. Stateless.
 */
final class DataLines {

    /** The line that ends the data. */
    static final byte[] TERMINATOR = ".\r\n".getBytes(StandardCharsets.US_ASCII);

    private static final int MAX_LINE = 998;

    private DataLines() {
    }

    /**
     * @param message lines each ending with CRLF
     * @throws IllegalArgumentException if the message breaks the rules above
     */
    static byte[] encode(String message) {
        StringBuilder wire = new StringBuilder(message.length() + 64);
        int start = 0;
        while (start < message.length()) {
            int end = message.indexOf("\r\n", start);
            if (end < 0) {
                throw new IllegalArgumentException("the message must end with CRLF");
            }
            String line = message.substring(start, end);
            if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("bare CR or LF in line " + lineNumber(message, start));
            }
            if (line.length() > MAX_LINE) {
                throw new IllegalArgumentException("line " + lineNumber(message, start) + " is longer than "
                        + MAX_LINE + " characters");
            }
            if (line.startsWith(".")) {
                wire.append('.');
            }
            wire.append(line).append("\r\n");
            start = end + 2;
        }
        if (!wire.chars().allMatch(c -> c < 0x80)) {
            throw new IllegalArgumentException("the message has a character outside 7-bit ASCII");
        }
        return wire.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static long lineNumber(String message, int offset) {
        return message.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
