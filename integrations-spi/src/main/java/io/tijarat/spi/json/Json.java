package io.tijarat.spi.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and writes the JSON of gateway payloads. Parsed objects keep their members in document order; values are
 * {@link String}, {@link JsonNumber}, {@link Boolean}, {@link JsonNull#NULL}, {@code List<Object>} and
 * {@code Map<String, Object>}, all unmodifiable. Stateless and thread-safe.
 */
public final class Json {

    /** How deep objects and arrays may nest: deeper than any gateway answer, so a hostile body cannot exhaust the stack. */
    public static final int MAX_DEPTH = 32;

    // RFC 8259's number grammar, so 01, 1., .5 and +1 are refused
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

    private final String text;
    private int position;

    private Json(String text) {
        this.text = text;
    }

    /**
     * Reads a whole document that must be one object.
     *
     * @throws JsonException for anything else (including {@code null}, an empty body, trailing text, a name
     *                       given twice in one object, nesting deeper than {@value #MAX_DEPTH})
     */
    public static Map<String, Object> parseObject(String text) throws JsonException {
        Json parser = new Json(text == null ? "" : text);
        parser.skipWhitespace();
        if (!parser.peek('{')) {
            throw new JsonException(parser.position >= parser.text.length() ? "empty body" : "not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) parser.value(0);
        parser.skipWhitespace();
        if (parser.position != parser.text.length()) {
            throw new JsonException("text after the JSON object at offset " + parser.position);
        }
        return object;
    }

    /**
     * Reads a whole document that must be one flat object, as many gateways answer: every member's value as the
     * exact text the sender wrote (strings decoded, numbers and {@code true}/{@code false} as written), {@code null}
     * as the empty string.
     *
     * @throws JsonException for anything else, including a nested object or array
     */
    public static Map<String, String> parseFlatObject(String text) throws JsonException {
        Map<String, String> flat = new LinkedHashMap<>();
        for (var member : parseObject(text).entrySet()) {
            Object value = member.getValue();
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                throw new JsonException("a nested value where a flat object was expected");
            }
            flat.put(member.getKey(), value == JsonNull.NULL ? "" : value.toString());
        }
        return Collections.unmodifiableMap(flat);
    }

    /**
     * Writes {@code members} as one compact object, in their iteration order. Values may be {@link String},
     * {@link JsonNumber}, {@link BigDecimal}, {@link Integer}, {@link Long}, {@link Boolean}, {@code null},
     * {@link JsonNull}, an empty {@link Optional} (written as {@code null}), a {@code Map<String, ?>} or a
     * {@code List<?>} of these.
     *
     * @throws IllegalArgumentException for any other value (a {@code double} has no exact JSON form)
     */
    public static String write(Map<String, ?> members) {
        StringBuilder out = new StringBuilder(64 + members.size() * 32);
        writeValue(members, out);
        return out.toString();
    }

    /** {@code value} as a JSON string literal, quotes included. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2);
        quote(value, out);
        return out.toString();
    }

    /** A member that is a string and not blank, as it is. */
    public static Optional<String> string(Map<String, Object> object, String name) {
        return object.get(name) instanceof String value && !value.isBlank() ? Optional.of(value) : Optional.empty();
    }

    /**
     * A member as text, if it is a non-blank string (stripped) or a number (in plain notation): gateways write
     * amounts and ids sometimes as numbers, sometimes as strings.
     */
    public static Optional<String> text(Map<String, Object> object, String name) {
        Object value = object.get(name);
        if (value instanceof String string && !string.isBlank()) {
            return Optional.of(string.strip());
        }
        if (value instanceof JsonNumber number) {
            return Optional.of(number.plain());
        }
        return Optional.empty();
    }

    /** A member that is an object. */
    @SuppressWarnings("unchecked")
    public static Optional<Map<String, Object>> object(Map<String, Object> object, String name) {
        return object.get(name) instanceof Map<?, ?> value ? Optional.of((Map<String, Object>) value) : Optional.empty();
    }

    /** A member that is an array. */
    @SuppressWarnings("unchecked")
    public static Optional<List<Object>> array(Map<String, Object> object, String name) {
        return object.get(name) instanceof List<?> value ? Optional.of((List<Object>) value) : Optional.empty();
    }

    // --- writing ----------------------------------------------------------------------------------------

    private static void writeValue(Object value, StringBuilder out) {
        if (value == null || value == JsonNull.NULL || (value instanceof Optional<?> optional && optional.isEmpty())) {
            out.append("null");
        } else if (value instanceof Optional<?> optional) {
            writeValue(optional.get(), out);
        } else if (value instanceof String string) {
            quote(string, out);
        } else if (value instanceof JsonNumber number) {
            out.append(number.text());
        } else if (value instanceof BigDecimal number) {
            out.append(number.toPlainString());
        } else if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (var member : map.entrySet()) {
                if (!(member.getKey() instanceof String name)) {
                    throw new IllegalArgumentException("a JSON member name must be a string");
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(name, out);
                out.append(':');
                writeValue(member.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                writeValue(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("no exact JSON form for a " + value.getClass().getSimpleName());
        }
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

    // --- reading ----------------------------------------------------------------------------------------

    private Object value(int depth) throws JsonException {
        if (depth > MAX_DEPTH) {
            throw new JsonException("nested deeper than " + MAX_DEPTH);
        }
        skipWhitespace();
        if (position >= text.length()) {
            throw new JsonException("the JSON ends early");
        }
        return switch (text.charAt(position)) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", JsonNull.NULL);
            default -> number();
        };
    }

    private Map<String, Object> object(int depth) throws JsonException {
        Map<String, Object> members = new LinkedHashMap<>();
        position++; // {
        skipWhitespace();
        if (!consume('}')) {
            do {
                skipWhitespace();
                if (!peek('"')) {
                    throw new JsonException("expected a member name at offset " + position);
                }
                int nameAt = position;
                String name = string();
                skipWhitespace();
                expect(':');
                // a name given twice is refused: a signature check could read one value and the plugin the other
                if (members.putIfAbsent(name, value(depth + 1)) != null) {
                    throw new JsonException("a member name appears twice (at offset " + nameAt + ")");
                }
                skipWhitespace();
            } while (consume(','));
            expect('}');
        }
        return Collections.unmodifiableMap(members);
    }

    private List<Object> array(int depth) throws JsonException {
        List<Object> elements = new ArrayList<>();
        position++; // [
        skipWhitespace();
        if (!consume(']')) {
            do {
                elements.add(value(depth + 1));
                skipWhitespace();
            } while (consume(','));
            expect(']');
        }
        return Collections.unmodifiableList(elements);
    }

    private String string() throws JsonException {
        position++; // the opening quote
        StringBuilder out = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw new JsonException("control character in a string at offset " + (position - 1));
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
                default -> throw new JsonException("bad escape at offset " + (position - 1));
            }
        }
        throw new JsonException("a string is not closed");
    }

    // One UTF-16 code unit; a surrogate pair arrives as two escapes and is joined by appending both.
    private char unicodeEscape() throws JsonException {
        if (position + 4 > text.length()) {
            throw new JsonException("a \\u escape is cut off");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(position + i), 16);
            if (digit < 0) {
                throw new JsonException("bad \\u escape at offset " + position);
            }
            value = value * 16 + digit;
        }
        position += 4;
        return (char) value;
    }

    private JsonNumber number() throws JsonException {
        int start = position;
        while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
        String literal = text.substring(start, position);
        if (literal.isEmpty() || !NUMBER.matcher(literal).matches()) {
            throw new JsonException("unexpected character at offset " + start);
        }
        return new JsonNumber(literal);
    }

    private Object literal(String word, Object value) throws JsonException {
        if (!text.startsWith(word, position)) {
            throw new JsonException("unexpected character at offset " + position);
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

    private void expect(char c) throws JsonException {
        if (!consume(c)) {
            throw new JsonException(position >= text.length() ? "the JSON ends early"
                    : "expected '" + c + "' at offset " + position);
        }
    }
}
