package com.example.hellosms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Just enough JSON for the gateway: writing a string, and reading an answer strictly, so that a page that
 * is not the API's JSON (an HTML error page, a body cut off half-way) is noticed instead of guessed at.
 *
 * <p>Why not a JSON library: the plugin would have to bundle it (a plugin sees only the JDK and the SPI),
 * and for two flat objects this is smaller than the build configuration a bundled library needs.
 * Stateless and thread-safe.
 */
final class Json {

    /** Deeper nesting than any answer of the gateway's: a hostile body cannot exhaust the stack. */
    private static final int MAX_DEPTH = 16;

    private final String text;
    private int position;

    private Json(String text) {
        this.text = text;
    }

    /** The gateway's answer was not the JSON object it promises. The message never quotes the body. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    /** {@code value} as a JSON string literal, quotes included. */
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
     * Reads a whole JSON document that must be an object. Numbers come back as {@link BigDecimal},
     * objects as maps, arrays as lists, {@code null} as {@link Optional#empty()}.
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

    /** A string member of {@code object}, if it is present, a string, and not blank. */
    static Optional<String> string(Map<String, Object> object, String name) {
        return object.get(name) instanceof String value && !value.isBlank() ? Optional.of(value) : Optional.empty();
    }

    /** An object member of {@code object}, if it is present and an object. */
    @SuppressWarnings("unchecked")
    static Optional<Map<String, Object>> object(Map<String, Object> object, String name) {
        return object.get(name) instanceof Map<?, ?> value
                ? Optional.of((Map<String, Object>) value) : Optional.empty();
    }

    private Object value(int depth) throws MalformedException {
        if (depth > MAX_DEPTH) {
            throw new MalformedException("nested deeper than " + MAX_DEPTH);
        }
        skipWhitespace();
        if (position >= text.length()) {
            throw new MalformedException("the JSON ends early");
        }
        char c = text.charAt(position);
        return switch (c) {
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
        position++; // {
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
            members.put(name, value(depth + 1));
            skipWhitespace();
        } while (consume(','));
        expect('}');
        return members;
    }

    private List<Object> array(int depth) throws MalformedException {
        List<Object> elements = new ArrayList<>();
        position++; // [
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
        position++; // "
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
