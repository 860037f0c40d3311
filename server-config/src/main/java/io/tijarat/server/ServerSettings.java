package io.tijarat.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The launcher's view of the configuration: a system property {@code tijarat.x.y}, else the environment
 * variable {@code TIJARAT_X_Y} (MicroProfile Config's mapping), else the optional properties file
 * {@code <home>/tijarat.properties} (or {@code tijarat.config-file}). The same sources reach the server,
 * so a key means one thing everywhere.
 */
final class ServerSettings {

    private final Map<String, String> file;
    private final Path home;

    private ServerSettings(Path home, Map<String, String> file) {
        this.home = home;
        this.file = file;
    }

    /** Reads the settings; a relative {@code tijarat.home} or config file is taken relative to {@code baseDir}. */
    static ServerSettings load(Path baseDir) {
        Path home = baseDir.resolve(lookup("tijarat.home", Map.of()).orElse("tijarat-home")).toAbsolutePath().normalize();
        Path configFile = lookup("tijarat.config-file", Map.of()).map(baseDir::resolve).orElse(home.resolve("tijarat.properties"));
        return new ServerSettings(home, readFile(configFile));
    }

    Path home() { return home; }

    Optional<String> get(String key) { return lookup(key, file); }

    String get(String key, String defaultValue) { return get(key).orElse(defaultValue); }

    /** A whole number within [min, max]; anything else stops the start with the key and the expected form. */
    int getInt(String key, int defaultValue, int min, int max) {
        String value = get(key).orElse(null);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Configuration key " + key + " must be a whole number from " + min + " to "
                + max + ", was '" + value + "'");
    }

    /** One of {@code allowed} (case-insensitive); anything else stops the start naming the key. */
    String getChoice(String key, String defaultValue, java.util.List<String> allowed) {
        String value = get(key).map(v -> v.trim().toLowerCase(Locale.ROOT)).orElse(defaultValue);
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException("Configuration key " + key + " must be one of " + String.join(", ", allowed)
                    + ", was '" + get(key).orElse("") + "'");
        }
        return value;
    }

    /**
     * Every tijarat.* key from the file and the launcher's system properties, each with the value the documented
     * order gives it (system property, then environment variable, then the file). They reach the server as system
     * properties, so a file value must not hide an environment variable: the resolved value is what is passed.
     */
    Map<String, String> tijaratProperties() {
        var keys = new java.util.TreeSet<>(file.keySet());
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("tijarat.")) {
                keys.add(k.toString());
            }
        });
        var all = new LinkedHashMap<String, String>();
        for (String key : keys) {
            get(key).ifPresent(value -> all.put(key, value));
        }
        return all;
    }

    private static Optional<String> lookup(String key, Map<String, String> file) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        if (value == null) {
            value = file.get(key);
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    private static Map<String, String> readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        var props = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read configuration file " + file, e);
        }
        var map = new LinkedHashMap<String, String>();
        props.forEach((k, v) -> map.put(k.toString(), v.toString()));
        return map;
    }
}
