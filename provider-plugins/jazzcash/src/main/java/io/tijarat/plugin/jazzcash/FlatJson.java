package io.tijarat.plugin.jazzcash;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JazzCash's JSON, and only that: one flat object whose members are strings (sometimes numbers,
 * {@code true}/{@code false} or {@code null}). Reading is strict, so that anything else — an HTML page
 * with status 200, a body cut off half-way, a nested structure — is noticed as "not the API's answer"
 * instead of being guessed at.
 *
 * <p>Each member's value is kept as the exact text JazzCash wrote (a number {@code 150000} stays
 * {@code "150000"}), because the secure hash is computed over that text. {@code null} reads as the
 * empty string, which the hash skips like any empty value. A name that appears twice is refused: a
 * signature check could read one value and the plugin the other.
 *
 * <p>Why not a library: the plugin would have to bundle it (plugins see only the JDK and the SPI), and
 * these objects are flat. Stateless and thread-safe.
 */
final class FlatJson {

    /** The JSON number grammar (RFC 8259), so {@code 01}, {@code 1.} or {@code +1} are refused. */
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

    private final String text;
    private int position;

    private FlatJson(String text) {
        this.text = text;
    }

    /** The body was not one flat JSON object. The message never quotes the body. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    /**
     * Reads a whole document that must be one flat object.
     *
     * @return the members in document order, values as text; unmodifiable
     * @throws MalformedException if it is anything else
     */
    static Map<String, String> parse(String text) throws MalformedException {
        FlatJson parser = new FlatJson(text == null ? "" : text);
        Map<String, String> members = parser.object();
        parser.skipWhitespace();
        if (parser.position != parser.text.length()) {
            throw new MalformedException("text after the JSON object at offset " + parser.position);
        }
        return Collections.unmodifiableMap(members);
    }

    /** Writes {@code members} as one JSON object of strings, in their iteration order. */
    static String write(Map<String, String> members) {
        StringBuilder out = new StringBuilder(64 + members.size() * 32).append('{');
        members.forEach((name, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            quote(name, out);
            out.append(':');
            quote(value, out);
        });
        return out.append('}').toString();
    }

    private static void quote(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private Map<String, String> object() throws MalformedException {
        skipWhitespace();
        if (!consume('{')) {
            throw new MalformedException(position >= text.length() ? "empty body" : "not a JSON object");
        }
        Map<String, String> members = new LinkedHashMap<>();
        skipWhitespace();
        if (consume('}')) {
            return members;
        }
        do {
            skipWhitespace();
            if (!peek('"')) {
                throw new MalformedException("expected a member name at offset " + position);
            }
            int nameAt = position;
            String name = string();
            skipWhitespace();
            expect(':');
            String value = value();
            if (members.putIfAbsent(name, value) != null) {
                throw new MalformedException("a member name appears twice (at offset " + nameAt + ")");
            }
            skipWhitespace();
        } while (consume(','));
        expect('}');
        return members;
    }

    private String value() throws MalformedException {
        skipWhitespace();
        if (position >= text.length()) {
            throw new MalformedException("the JSON ends early");
        }
        char c = text.charAt(position);
        return switch (c) {
            case '"' -> string();
            case 't' -> literal("true", "true");
            case 'f' -> literal("false", "false");
            case 'n' -> literal("null", "");
            case '{', '[' -> throw new MalformedException("a nested value at offset " + position
                    + ": JazzCash's answers are flat objects");
            default -> number();
        };
    }

    private String string() throws MalformedException {
        position++; // the opening quote
        StringBuilder out = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw new MalformedException("control character in a string at offset " + (position - 1));
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (position >= text.length()) {
                break;
            }
            char escaped = text.charAt(position++);
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(unicodeEscape());
                default -> throw new MalformedException("bad escape at offset " + (position - 1));
            }
        }
        throw new MalformedException("a string is not closed");
    }

    private char unicodeEscape() throws MalformedException {
        if (position + 4 > text.length()) {
            throw new MalformedException("a \\u escape is cut off");
        }
        String hex = text.substring(position, position + 4);
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                throw new MalformedException("bad \\u escape at offset " + position);
            }
        }
        position += 4;
        return (char) Integer.parseInt(hex, 16);
    }

    private String number() throws MalformedException {
        int start = position;
        while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
        String literal = text.substring(start, position);
        if (!NUMBER.matcher(literal).matches()) {
            throw new MalformedException("unexpected character at offset " + start);
        }
        return literal;
    }

    private String literal(String word, String value) throws MalformedException {
        if (!text.startsWith(word, position)) {
            throw new MalformedException("unexpected character at offset " + position);
        }
        position += word.length();
        return value;
    }

    private void skipWhitespace() {
        while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
    }

    private boolean peek(char c) {
        return position < text.length() && text.charAt(position) == c;
    }

    private boolean consume(char c) {
        if (peek(c)) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char c) throws MalformedException {
        if (!consume(c)) {
            throw new MalformedException(position >= text.length() ? "the JSON ends early"
                    : "expected '" + c + "' at offset " + position);
        }
    }
}
