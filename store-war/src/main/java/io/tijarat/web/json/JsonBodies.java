package io.tijarat.web.json;

import io.tijarat.web.problem.InvalidInputException;
import jakarta.json.bind.JsonbException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses request bodies with the strict configuration, turning binding errors into field-level 400s. */
public final class JsonBodies {

    private static final Pattern PROPERTY = Pattern.compile("(?:property|Property) '?\\[?\"?([A-Za-z0-9_]+)");

    private JsonBodies() {
    }

    public static <T> T parse(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("body", "a JSON object is required");
        }
        try {
            T value = StrictJsonb.jsonb().fromJson(new String(body, StandardCharsets.UTF_8), type);
            if (value == null) {
                throw new InvalidInputException("body", "a JSON object is required");
            }
            return value;
        } catch (JsonbException e) {
            throw invalid(e);
        }
    }

    /** A field-level error for a JSON-B failure: the property Yasson names, or "body" if it names none. */
    public static InvalidInputException invalid(Throwable e) {
        String message = rootMessage(e);
        Matcher m = PROPERTY.matcher(message);
        String field = m.find() ? m.group(1) : "body";
        String reason = message.contains("nknown property") || message.contains("not found")
                ? "is not a field of this request"
                : "is malformed or has the wrong type";
        return new InvalidInputException(field, reason);
    }

    private static String rootMessage(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                all.append(t.getMessage()).append(' ');
            }
        }
        return all.toString();
    }
}
