package io.tijarat.core.customer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The cities Tijarat delivers to, by English and Urdu name ({@code pk-cities.tsv}). Lookups are
 * case-insensitive and tolerate extra spaces; the answer is always the English name, which is what
 * orders store and couriers are told.
 */
public final class KnownCities {

    private static final KnownCities INSTANCE = load();

    private final Map<String, String> byName;
    private final List<String> englishNames;

    private KnownCities(Map<String, String> byName, List<String> englishNames) {
        this.byName = byName;
        this.englishNames = englishNames;
    }

    public static KnownCities get() {
        return INSTANCE;
    }

    /** The English name of the city called {@code name} in English or Urdu, if we know it. */
    public Optional<String> canonical(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(key(name)));
    }

    public List<String> englishNames() {
        return englishNames;
    }

    private static KnownCities load() {
        Map<String, String> byName = new HashMap<>();
        var english = new TreeSet<String>();
        try (var in = KnownCities.class.getResourceAsStream("pk-cities.tsv");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] names = line.split("\t");
                english.add(names[0].strip());
                for (String n : names) {
                    byName.put(key(n), names[0].strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KnownCities(Map.copyOf(byName), List.copyOf(english));
    }

    private static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
