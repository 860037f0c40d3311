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

    static ServerSettings load() {
        Path home = Path.of(lookup("tijarat.home", Map.of()).orElse("tijarat-home")).toAbsolutePath().normalize();
        Path configFile = lookup("tijarat.config-file", Map.of()).map(Path::of).orElse(home.resolve("tijarat.properties"));
        return new ServerSettings(home, readFile(configFile));
    }

    Path home() { return home; }

    Optional<String> get(String key) { return lookup(key, file); }

    String get(String key, String defaultValue) { return get(key).orElse(defaultValue); }

    int getInt(String key, int defaultValue) {
        String value = get(key).orElse(null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Configuration key " + key + " must be a whole number, was '" + value + "'");
        }
    }

    /** Every tijarat.* key from the file and the launcher's system properties (system properties win). */
    Map<String, String> tijaratProperties() {
        var all = new LinkedHashMap<>(file);
        System.getProperties().forEach((k, v) -> {
            if (k.toString().startsWith("tijarat.")) {
                all.put(k.toString(), v.toString());
            }
        });
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
