package io.tijarat.plugin.emailsmtp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads SMTP replies from the server: single-line {@code 250 OK} and multi-line {@code 250-...}/{@code 250 ...}
 * alike (RFC 5321 section 4.2.1).
 *
 * <p>It buffers on its own rather than through a {@code BufferedReader}, so that {@link #hasBufferedInput()}
 * can tell whether the server sent more than the reply that was asked for. That matters right after
 * {@code 220} to {@code STARTTLS}: bytes already waiting there came in plain text and would otherwise be read
 * as if they had come over TLS (the STARTTLS command-injection attack, CVE-2011-0411 and its client-side
 * kin). A server's answer is held to sane sizes, so a broken or hostile one cannot make the client buffer
 * without end. Not thread-safe; one per connection.
 */
final class ReplyReader {

    /** RFC 5321 allows 512 octets per reply line; some servers' EHLO lines are longer. */
    static final int MAX_LINE = 4096;
    static final int MAX_LINES = 100;

    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;

    ReplyReader(InputStream in) {
        this.in = in;
    }

    /**
     * The next complete reply.
     *
     * @throws EOFException      if the server closed the connection
     * @throws ProtocolException if what came is not an SMTP reply
     * @throws IOException       as the socket throws it (a read timeout: {@code SocketTimeoutException})
     */
    SmtpReply read() throws IOException {
        List<String> lines = new ArrayList<>();
        int code = -1;
        while (true) {
            String line = readLine();
            if (line.length() < 3 || !isCode(line) || (line.length() > 3 && " -".indexOf(line.charAt(3)) < 0)) {
                // Not echoed: it may be a proxy's page or anything else a stranger sends.
                throw new ProtocolException("not an SMTP reply line (" + line.length() + " characters)");
            }
            int lineCode = Integer.parseInt(line.substring(0, 3));
            if (code >= 0 && lineCode != code) {
                throw new ProtocolException("multi-line SMTP reply changes its code from " + code + " to " + lineCode);
            }
            code = lineCode;
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) == ' ') {
                return new SmtpReply(code, lines);
            }
            if (lines.size() >= MAX_LINES) {
                throw new ProtocolException("SMTP reply longer than " + MAX_LINES + " lines");
            }
        }
    }

    /** Whether bytes the server sent are waiting, unread, in this reader's buffer. */
    boolean hasBufferedInput() {
        return position < limit;
    }

    private static boolean isCode(String line) {
        return line.charAt(0) >= '2' && line.charAt(0) <= '5' && isDigit(line.charAt(1)) && isDigit(line.charAt(2));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** One line without its CRLF; a bare LF is accepted as a line end too (be liberal in what you accept). */
    private String readLine() throws IOException {
        byte[] line = new byte[256];
        int length = 0;
        while (true) {
            if (position == limit) {
                fill();
            }
            byte b = buffer[position++];
            if (b == '\n') {
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return new String(line, 0, length, StandardCharsets.UTF_8);
            }
            if (length == MAX_LINE) {
                throw new ProtocolException("SMTP reply line longer than " + MAX_LINE + " bytes");
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, Math.min(line.length * 2, MAX_LINE));
            }
            line[length++] = b;
        }
    }

    private void fill() throws IOException {
        int read = in.read(buffer, 0, buffer.length);
        if (read < 0) {
            throw new EOFException("the SMTP server closed the connection");
        }
        position = 0;
        limit = read;
    }
}
