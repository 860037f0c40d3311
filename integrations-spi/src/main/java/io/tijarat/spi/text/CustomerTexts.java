package io.tijarat.spi.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plugin's customer texts: {@code <base>_en.properties} and {@code <base>_ur.properties} in UTF-8 (unlike
 * {@link java.util.ResourceBundle}'s ISO-8859-1 default), with {@code {name}} placeholders. A request in Urdu
 * gets Urdu; any other language gets English. Both files must hold the same keys — checked when loaded, so a
 * text missing in one language is a start-up error, not a blank message to a customer. Immutable and
 * thread-safe; load once per plugin (e.g. in a static field).
 */
public final class CustomerTexts {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");

    private final Properties english;
    private final Properties urdu;

    private CustomerTexts(Properties english, Properties urdu) {
        this.english = english;
        this.urdu = urdu;
    }

    /**
     * Loads {@code base + "_en.properties"} and {@code base + "_ur.properties"} as resources of {@code owner}
     * (a path relative to its package, as {@link Class#getResourceAsStream} reads it).
     *
     * @throws IllegalStateException if a file is missing or the two do not hold the same keys
     */
    public static CustomerTexts load(Class<?> owner, String base) {
        Properties english = read(owner, base + "_en.properties");
        Properties urdu = read(owner, base + "_ur.properties");
        if (!english.stringPropertyNames().equals(urdu.stringPropertyNames())) {
            Set<String> onlyOne = new java.util.TreeSet<>(english.stringPropertyNames());
            onlyOne.addAll(urdu.stringPropertyNames());
            onlyOne.removeIf(key -> english.containsKey(key) && urdu.containsKey(key));
            throw new IllegalStateException(base + ": English and Urdu texts differ in keys " + onlyOne);
        }
        return new CustomerTexts(english, urdu);
    }

    /** Whether {@code locale} reads Urdu. */
    public static boolean isUrdu(Locale locale) {
        return locale != null && "ur".equals(locale.getLanguage());
    }

    /**
     * The text {@code key} in {@code locale}'s language with {@code {name}} placeholders filled from
     * {@code values}.
     *
     * @throws IllegalArgumentException for an unknown key or a placeholder without a value
     */
    public String text(Locale locale, String key, Map<String, String> values) {
        String template = (isUrdu(locale) ? urdu : english).getProperty(key);
        if (template == null) {
            throw new IllegalArgumentException("no customer text '" + key + "'");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("customer text '" + key + "' needs a value for {" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    /**
     * An amount as customers read it, for a {@code {…}} value: {@code 1,500} for Rs 1,500.00 and {@code 1,500.50}
     * when there are paisa; grouped by thousands with commas and Western digits in both languages (since 1.2).
     * The currency's name belongs in the text ({@code Rs {amount}}, {@code {amount} روپے}).
     */
    public static String amount(io.tijarat.spi.Money amount) {
        long minor = amount.minorUnits();
        String sign = minor < 0 ? "-" : "";
        long rupees = Math.abs(minor / 100);
        long paisa = Math.abs(minor % 100);
        String whole = String.format(Locale.ROOT, "%,d", rupees);
        return sign + (paisa == 0 ? whole : whole + String.format(Locale.ROOT, ".%02d", paisa));
    }

    /** The text {@code key} without placeholders. */
    public String text(Locale locale, String key) {
        return text(locale, key, Map.of());
    }

    private static Properties read(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("customer texts " + name + " are missing beside " + owner.getName());
            }
            Properties texts = new Properties();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
