package io.tijarat.plugin.emailsmtp;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A text part's body in 7-bit form, so the message needs no 8BITMIME or SMTPUTF8 from the server.
 *
 * <p>Text that is plain ASCII goes as quoted-printable: readable on the wire and in a mail system's logs, and
 * only {@code =}, trailing spaces and over-long lines change. Anything else — Urdu — goes as base64 of its UTF-8
 * bytes, a third longer but far shorter than quoted-printable would make Urdu (every byte three characters).
 * Line breaks are made CRLF first, the canonical form of text (RFC 2045). Stateless.
 *
 * @param name the {@code Content-Transfer-Encoding} value
 * @param body the encoded body: lines of at most 76 characters joined by CRLF, without a final CRLF
 */
record BodyEncoding(String name, String body) {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final Pattern ASCII_TEXT = Pattern.compile("[\\x20-\\x7E\t\r\n]*");
    private static final int MAX_LINE = 76;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    static BodyEncoding of(String text) {
        String canonical = LINE_BREAK.matcher(text).replaceAll(HeaderText.CRLF);
        if (ASCII_TEXT.matcher(canonical).matches()) {
            return new BodyEncoding("quoted-printable", quotedPrintable(canonical));
        }
        byte[] utf8 = canonical.getBytes(StandardCharsets.UTF_8);
        return new BodyEncoding("base64", Base64.getMimeEncoder().encodeToString(utf8));
    }

    /** RFC 2045 quoted-printable of the UTF-8 bytes, each CRLF a hard line break. */
    static String quotedPrintable(String canonicalText) {
        StringBuilder out = new StringBuilder(canonicalText.length() + canonicalText.length() / 8);
        String[] lines = canonicalText.split(HeaderText.CRLF, -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append(HeaderText.CRLF);
            }
            encodeLine(lines[i].getBytes(StandardCharsets.UTF_8), out);
        }
        return out.toString();
    }

    private static void encodeLine(byte[] line, StringBuilder out) {
        int column = 0;
        for (int i = 0; i < line.length; i++) {
            int b = line[i] & 0xFF;
            boolean last = i == line.length - 1;
            // Whitespace at the end of a line may be stripped in transit, so it is escaped there.
            boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !last);
            String token = literal ? String.valueOf((char) b) : "=" + HEX[b >> 4] + HEX[b & 0xF];
            // A soft break "=" must still fit within 76 unless this is the line's last token.
            int limit = last ? MAX_LINE : MAX_LINE - 1;
            if (column + token.length() > limit) {
                out.append('=').append(HeaderText.CRLF);
                column = 0;
            }
            out.append(token);
            column += token.length();
        }
    }
}
