package io.tijarat.plugin.easypaisa;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Just enough JSON for EasyPaisa's flat request and answer objects: writing an object of strings, and
 * reading an answer strictly, so that a body that is not the API's JSON (a firewall's HTML page, a body
 * cut off half-way) is noticed instead of guessed at.
 *
 * <p>Why not a library: the plugin sees only the JDK and the SPI, so it would have to bundle one, and
 * for a handful of flat objects this class is smaller than the shading set-up. Stateless from the
 * outside and thread-safe (a parser instance lives for one {@link #parseObject} call).
 */
final class Json {

    /** Deeper than any EasyPaisa answer: a hostile body cannot exhaust the stack. */
    private static final int MAX_DEPTH = 16;

    private final String text;
    private int position;

    private Json(String text) {
        this.text = text;
    }

    /** The body was not the JSON object the API promises. The message never quotes the body. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    /** An object of string members, in the map's order: {@code {"orderId":"T7K2…","storeId":"43210"}}. */
    static String write(Map<String, String> members) {
        StringBuilder out = new StringBuilder("{");
        members.forEach((name, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(name)).append(':').append(quote(value));
        });
        return out.append('}').toString();
    }

    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
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
        return out.append('"').toString();
    }

    /**
     * Reads a whole document that must be one object. Numbers come back as {@link BigDecimal}, objects as
     * maps, arrays as lists, {@code null} as {@link Optional#empty()}.
     */
    static Map<String, Object> parseObject(String text) throws MalformedException {
        Json parser = new Json(text == null ? "" : text);
        parser.skipWhitespace();
        if (!parser.peek('{')) {
            throw new MalformedException("not a JSON object");
        }
        Object value = parser.value(0);
        parser.skipWhitespace();
        if (parser.position != parser.text.length()) {
            throw new MalformedException("text after the JSON object at offset " + parser.position);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) value;
        return object;
    }

    /**
     * A member as text, if it is a non-blank string or a number: EasyPaisa writes {@code storeId} and
     * {@code transactionAmount} sometimes as numbers, sometimes as strings. Numbers come out in plain
     * notation ({@code 1500.0}, never {@code 1.5E+3}).
     */
    static Optional<String> text(Map<String, Object> object, String name) {
        Object value = object.get(name);
        if (value instanceof String string && !string.isBlank()) {
            return Optional.of(string.strip());
        }
        if (value instanceof BigDecimal number) {
            return Optional.of(number.toPlainString());
        }
        return Optional.empty();
    }

    private Object value(int depth) throws MalformedException {
        if (depth > MAX_DEPTH) {
            throw new MalformedException("nested deeper than " + MAX_DEPTH);
        }
        skipWhitespace();
        if (position >= text.length()) {
            throw new MalformedException("the JSON ends early");
        }
        return switch (text.charAt(position)) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", Optional.empty());
            default -> number();
        };
    }

    private Map<String, Object> object(int depth) throws MalformedException {
        Map<String, Object> members = new LinkedHashMap<>();
        position++;
        skipWhitespace();
        if (consume('}')) {
            return members;
        }
        do {
            skipWhitespace();
            if (!peek('"')) {
                throw new MalformedException("expected a member name at offset " + position);
            }
            String name = string();
            skipWhitespace();
            expect(':');
            if (members.put(name, value(depth + 1)) != null) {
                // Two readers could take different values: a parser differential is not worth guessing at.
                throw new MalformedException("member '" + name + "' appears twice");
            }
            skipWhitespace();
        } while (consume(','));
        expect('}');
        return members;
    }

    private List<Object> array(int depth) throws MalformedException {
        List<Object> elements = new ArrayList<>();
        position++;
        skipWhitespace();
        if (consume(']')) {
            return elements;
        }
        do {
            elements.add(value(depth + 1));
            skipWhitespace();
        } while (consume(','));
        expect(']');
        return elements;
    }

    private String string() throws MalformedException {
        position++;
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
        try {
            char c = (char) Integer.parseInt(text.substring(position, position + 4), 16);
            position += 4;
            return c;
        } catch (NumberFormatException e) {
            throw new MalformedException("bad \\u escape at offset " + position);
        }
    }

    private BigDecimal number() throws MalformedException {
        int start = position;
        while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
        try {
            return new BigDecimal(text.substring(start, position));
        } catch (NumberFormatException e) {
            throw new MalformedException("unexpected character at offset " + start);
        }
    }

    private Object literal(String word, Object value) throws MalformedException {
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
