package io.tijarat.spi;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The form a {@link ConfigProperty}'s value must have (since SPI 1.2). The core checks every set value, and the
 * default, before the provider is created, and refuses to create it with a message naming the key and the
 * expected form — so a plugin's {@code create} sees only well-formed values, and an operator's typo is reported
 * at start, not at the first order. The {@code parse…} methods read a checked value. Immutable and thread-safe.
 */
public final class ConfigType {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");
    private static final Pattern MONEY = Pattern.compile("\\d{1,3}(,?\\d{3})*(\\.\\d{1,2})?");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

    private enum Kind { TEXT, URL, HTTPS_URL, DURATION, MONEY, ENUM, PHONE, INTEGER, BOOLEAN, LIST }

    private final Kind kind;
    private final Set<String> allowed;
    private final long min;
    private final long max;
    private final ConfigType element;

    private ConfigType(Kind kind, Set<String> allowed, long min, long max, ConfigType element) {
        this.kind = kind;
        this.allowed = allowed;
        this.min = min;
        this.max = max;
        this.element = element;
    }

    /** Any text (the default type). */
    public static ConfigType text() {
        return new ConfigType(Kind.TEXT, Set.of(), 0, 0, null);
    }

    /** An absolute {@code http} or {@code https} URL with a host. */
    public static ConfigType url() {
        return new ConfigType(Kind.URL, Set.of(), 0, 0, null);
    }

    /**
     * A gateway's address: {@code https} with a host, except for a loopback host ({@code 127.0.0.1},
     * {@code localhost}), which may be {@code http} — a stub on the same machine, never a live gateway.
     */
    public static ConfigType httpsUrl() {
        return new ConfigType(Kind.HTTPS_URL, Set.of(), 0, 0, null);
    }

    /** A duration: a whole number with a unit, {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}, or ISO-8601 ({@code PT30S}). */
    public static ConfigType duration() {
        return new ConfigType(Kind.DURATION, Set.of(), 0, 0, null);
    }

    /** An amount in rupees, at most two decimals, optionally with thousands commas: {@code 250}, {@code 1,500.50}. */
    public static ConfigType money() {
        return new ConfigType(Kind.MONEY, Set.of(), 0, 0, null);
    }

    /** One of {@code values}, any case. */
    public static ConfigType oneOf(String... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("oneOf needs at least one value");
        }
        return new ConfigType(Kind.ENUM, Arrays.stream(values).map(v -> v.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet()), 0, 0, null);
    }

    /** A Pakistani or international phone number, as {@link PhoneNumber#of} reads it. */
    public static ConfigType phone() {
        return new ConfigType(Kind.PHONE, Set.of(), 0, 0, null);
    }

    /** A whole number from {@code min} to {@code max}. */
    public static ConfigType integer(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("min must be <= max");
        }
        return new ConfigType(Kind.INTEGER, Set.of(), min, max, null);
    }

    /** {@code true} or {@code false}. */
    public static ConfigType bool() {
        return new ConfigType(Kind.BOOLEAN, Set.of(), 0, 0, null);
    }

    /** A comma-separated list whose non-empty entries each have the form {@code element}. */
    public static ConfigType listOf(ConfigType element) {
        if (element.kind == Kind.LIST) {
            throw new IllegalArgumentException("a list of lists cannot be written with commas");
        }
        return new ConfigType(Kind.LIST, Set.of(), 0, 0, element);
    }

    /** What a value must look like, for messages: "a duration such as 30s or 500ms". */
    public String expected() {
        return switch (kind) {
            case TEXT -> "text";
            case URL -> "an absolute http or https URL";
            case HTTPS_URL -> "an https URL (http only for a stub on 127.0.0.1 or localhost)";
            case DURATION -> "a duration such as 500ms, 30s, 5m, 2h or PT30S";
            case MONEY -> "an amount in rupees such as 250 or 1,500.50";
            case ENUM -> "one of " + allowed.stream().sorted().collect(Collectors.joining(", "));
            case PHONE -> "a phone number such as 0300-1234567 or +923001234567";
            case INTEGER -> "a whole number from " + min + " to " + max;
            case BOOLEAN -> "true or false";
            case LIST -> "a comma-separated list of " + element.expected();
        };
    }

    /** What is wrong with {@code value}, or empty when it has this form. */
    public Optional<String> problem(String value) {
        if (value == null) {
            return Optional.of("no value; expected " + expected());
        }
        try {
            check(value.strip());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("expected " + expected());
        }
    }

    /** Reads a duration value ({@link #duration()}). */
    public static Duration parseDuration(String value) {
        String text = value.strip();
        if (text.startsWith("P") || text.startsWith("p")) {
            try {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a duration", e);
            }
        }
        var m = DURATION.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** Reads a rupee amount ({@link #money()}) as {@link Money} in PKR. */
    public static Money parseRupees(String value) {
        String text = value.strip();
        if (!MONEY.matcher(text).matches()) {
            throw new IllegalArgumentException("not an amount in rupees");
        }
        BigDecimal rupees = new BigDecimal(text.replace(",", ""));
        return Money.of(rupees.movePointRight(2).longValueExact(), "PKR");
    }

    /** Reads a list value ({@link #listOf}): its non-empty entries, stripped. */
    public static List<String> parseList(String value) {
        List<String> entries = new ArrayList<>();
        for (String entry : value.split(",")) {
            if (!entry.isBlank()) {
                entries.add(entry.strip());
            }
        }
        return List.copyOf(entries);
    }

    private void check(String value) {
        switch (kind) {
            case TEXT -> { }
            case URL, HTTPS_URL -> checkUrl(value);
            case DURATION -> parseDuration(value);
            case MONEY -> parseRupees(value);
            case ENUM -> require(allowed.contains(value.toLowerCase(Locale.ROOT)));
            case PHONE -> {
                try {
                    PhoneNumber.fromPakistani(value);
                } catch (IllegalArgumentException notPakistani) {
                    PhoneNumber.of(value);
                }
            }
            case INTEGER -> {
                require(INTEGER.matcher(value).matches());
                long n = Long.parseLong(value);
                require(n >= min && n <= max);
            }
            case BOOLEAN -> require(value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"));
            case LIST -> parseList(value).forEach(element::check);
        }
    }

    private void checkUrl(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a URL", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        require(uri.isAbsolute() && uri.getHost() != null && (scheme.equals("http") || scheme.equals("https")));
        if (kind == Kind.HTTPS_URL && !scheme.equals("https")) {
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            require(host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]"));
        }
    }

    private static void require(boolean ok) {
        if (!ok) {
            throw new IllegalArgumentException("malformed");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfigType that && kind == that.kind && allowed.equals(that.allowed) && min == that.min
                && max == that.max && java.util.Objects.equals(element, that.element);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, allowed, min, max, element);
    }

    @Override
    public String toString() {
        return expected();
    }
}
