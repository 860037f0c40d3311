package io.tijarat.core.outbox;

import io.tijarat.core.order.OrderEvent;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/** Message texts per event and locale ({@code templates_en/ur.properties}), with {placeholders}. */
final class Templates {

    private static final Map<String, Properties> BY_LOCALE = Map.of("en", load("en"), "ur", load("ur"));

    private Templates() {
    }

    /** The subject and body of {@code event} in {@code locale} (English when the locale has no text). */
    static String[] render(OrderEvent event, String locale, Map<String, String> values) {
        Properties texts = BY_LOCALE.getOrDefault(locale, BY_LOCALE.get("en"));
        var safe = new java.util.HashMap<>(values);
        if (safe.containsKey("name")) {
            String name = FreeText.name(safe.get("name"));
            safe.put("name", name.isEmpty() ? texts.getProperty("name.fallback", "customer") : name);
        }
        return new String[] {fill(texts.getProperty(event + ".subject"), safe), fill(texts.getProperty(event + ".body"), safe)};
    }

    /**
     * A WhatsApp template's body parameters for {@code event}: the values of the placeholders in the order they appear
     * in the English text ({@code {{1}}} is the first), made safe as for {@link #render}; an empty value (no tracking
     * link) is sent as "-", since WhatsApp refuses empty parameters.
     */
    static java.util.List<String> parameters(OrderEvent event, String locale, Map<String, String> values) {
        Properties texts = BY_LOCALE.getOrDefault(locale, BY_LOCALE.get("en"));
        String english = BY_LOCALE.get("en").getProperty(event + ".body");
        if (english == null) {
            throw new IllegalStateException("no template text for this event");
        }
        var safe = new java.util.HashMap<>(values);
        if (safe.containsKey("name")) {
            String name = FreeText.name(safe.get("name"));
            safe.put("name", name.isEmpty() ? texts.getProperty("name.fallback", "customer") : name);
        }
        var parameters = new java.util.ArrayList<String>();
        var placeholder = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(english);
        while (placeholder.find()) {
            String value = safe.getOrDefault(placeholder.group(1), "").strip();
            parameters.add(value.isEmpty() ? "-" : value);
        }
        return parameters;
    }

    /** The values kept with a WhatsApp message (a flat JSON object written by the outbox). */
    static Map<String, String> values(String json) {
        try {
            return io.tijarat.spi.json.Json.parseFlatObject(json);
        } catch (io.tijarat.spi.json.JsonException e) {
            throw new IllegalStateException("the values kept with a message are not the JSON the outbox wrote", e);
        }
    }

    private static String fill(String template, Map<String, String> values) {
        if (template == null) {
            throw new IllegalStateException("no template text for this event");
        }
        String text = template;
        for (var e : values.entrySet()) {
            text = text.replace("{" + e.getKey() + "}", e.getValue());
        }
        return text;
    }

    private static Properties load(String locale) {
        var props = new Properties();
        try (var in = Templates.class.getResourceAsStream("templates_" + locale + ".properties")) {
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }
}
