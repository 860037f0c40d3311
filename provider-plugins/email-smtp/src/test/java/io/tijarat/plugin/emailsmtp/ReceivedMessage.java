package io.tijarat.plugin.emailsmtp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a received message the way a mail client would, written independently of the plugin's
 * encoders (so a test does not check the plugin against itself): header fields unfolded, RFC 2047 encoded
 * words decoded, bodies decoded by their Content-Transfer-Encoding, multipart split at its boundary.
 */
final class ReceivedMessage {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?=");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)[ \\t]+(=\\?)");
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"([^\"]+)\"");

    private final List<String> rawHeaderLines;
    private final Map<String, String> headers;
    private final String body;

    private ReceivedMessage(List<String> rawHeaderLines, Map<String, String> headers, String body) {
        this.rawHeaderLines = rawHeaderLines;
        this.headers = headers;
        this.body = body;
    }

    /** @param text a message (or a MIME part) with CRLF line ends */
    static ReceivedMessage parse(String text) {
        int split = text.indexOf("\r\n\r\n");
        if (split < 0) {
            throw new AssertionError("no blank line between header and body");
        }
        List<String> rawLines = List.of(text.substring(0, split).split("\r\n"));
        Map<String, String> headers = new LinkedHashMap<>();
        String name = null;
        for (String line : rawLines) {
            if (line.startsWith(" ") || line.startsWith("\t")) {
                if (name == null) {
                    throw new AssertionError("the header starts with a continuation line");
                }
                headers.put(name, headers.get(name) + line); // unfolding removes the CRLF only
            } else {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new AssertionError("not a header field: " + line);
                }
                name = line.substring(0, colon).toLowerCase(Locale.ROOT);
                if (headers.containsKey(name)) {
                    throw new AssertionError("header field " + name + " appears twice");
                }
                headers.put(name, line.substring(colon + 1).strip());
            }
        }
        return new ReceivedMessage(rawLines, headers, text.substring(split + 4));
    }

    /** The header lines as received, folded. */
    List<String> rawHeaderLines() {
        return rawHeaderLines;
    }

    /** Field names in lower case, in order. */
    List<String> headerNames() {
        return List.copyOf(headers.keySet());
    }

    /** The unfolded value, still encoded. */
    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The unfolded value with encoded words decoded, as a mail client shows it. */
    String decodedHeader(String name) {
        String value = header(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
        String joined = BETWEEN_WORDS.matcher(value).replaceAll("$1$2");
        Matcher word = ENCODED_WORD.matcher(joined);
        StringBuilder decoded = new StringBuilder();
        while (word.find()) {
            if (!word.group(1).equalsIgnoreCase("UTF-8") || !word.group(2).equalsIgnoreCase("B")) {
                throw new AssertionError("expected UTF-8 base64 encoded words, got " + word.group());
            }
            byte[] bytes = Base64.getDecoder().decode(word.group(3));
            word.appendReplacement(decoded, Matcher.quoteReplacement(new String(bytes, StandardCharsets.UTF_8)));
        }
        word.appendTail(decoded);
        return decoded.toString();
    }

    String body() {
        return body;
    }

    /** The body decoded by its Content-Transfer-Encoding, as UTF-8 text. */
    String decodedBody() {
        String encoding = header("Content-Transfer-Encoding").orElse("7bit").toLowerCase(Locale.ROOT);
        byte[] bytes = switch (encoding) {
            case "base64" -> Base64.getMimeDecoder().decode(body);
            case "quoted-printable" -> decodeQuotedPrintable(body);
            default -> body.getBytes(StandardCharsets.US_ASCII);
        };
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.endsWith("\r\n") ? text.substring(0, text.length() - 2) : text;
    }

    /** The parts of a multipart body. */
    List<ReceivedMessage> parts() {
        Matcher boundary = BOUNDARY.matcher(header("Content-Type").orElse(""));
        if (!boundary.find()) {
            throw new AssertionError("not multipart: " + header("Content-Type"));
        }
        String delimiter = "--" + boundary.group(1);
        if (!body.startsWith(delimiter + "\r\n")) {
            throw new AssertionError("the body does not start with the boundary");
        }
        // Each piece starts with the rest of its delimiter line: CRLF before a part, "--" CRLF at the close.
        String[] pieces = body.substring(delimiter.length()).split(Pattern.quote("\r\n" + delimiter), -1);
        List<ReceivedMessage> parts = new ArrayList<>();
        for (int i = 0; i < pieces.length - 1; i++) {
            if (!pieces[i].startsWith("\r\n")) {
                throw new AssertionError("a boundary line has trailing text");
            }
            parts.add(parse(pieces[i].substring(2)));
        }
        if (!pieces[pieces.length - 1].equals("--\r\n")) {
            throw new AssertionError("the multipart body does not end with the closing boundary");
        }
        return parts;
    }

    private static byte[] decodeQuotedPrintable(String text) {
        String joined = text.replace("=\r\n", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=') {
                out.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
