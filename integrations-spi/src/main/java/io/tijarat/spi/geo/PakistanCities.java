package io.tijarat.spi.geo;

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
 * The cities of Pakistan that Tijarat knows, each by its English name (what orders store and couriers are
 * told), its Urdu name and common other spellings ({@code Khi}, {@code Pindi}, {@code DG Khan}). Names match the
 * way people type them: any case; with or without spaces, dots, hyphens, joiners and direction marks; Urdu typed
 * on an Arabic keyboard (ي ى ك ه) folded into the Urdu letters (ی ک ہ). Immutable and thread-safe.
 */
public final class PakistanCities {

    private static final PakistanCities INSTANCE = load();

    private final Map<String, String> englishByKey;
    private final Map<String, String> urduByEnglish;
    private final List<String> englishNames;

    private PakistanCities(Map<String, String> englishByKey, Map<String, String> urduByEnglish, List<String> englishNames) {
        this.englishByKey = englishByKey;
        this.urduByEnglish = urduByEnglish;
        this.englishNames = englishNames;
    }

    /** The list. */
    public static PakistanCities get() {
        return INSTANCE;
    }

    /** The English name of the city called {@code name} (English, Urdu or another spelling), if it is on the list. */
    public Optional<String> canonical(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(englishByKey.get(fold(name)));
    }

    /** The Urdu name of the city whose English name is {@code english}, if it is on the list. */
    public Optional<String> urdu(String english) {
        return canonical(english).map(urduByEnglish::get);
    }

    /**
     * What two spellings of one place have in common: for a listed city its English name folded, for any other
     * name the name folded. Compare keys, never raw names.
     */
    public String key(String name) {
        String folded = fold(name);
        String english = englishByKey.get(folded);
        return english == null ? folded : fold(english);
    }

    /** Every listed city's English name, in alphabetical order. */
    public List<String> englishNames() {
        return englishNames;
    }

    /** Lower case, without spaces, dots, hyphens, joiners or direction marks, Arabic-keyboard letters as Urdu. */
    static String fold(String name) {
        String text = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(text.length());
        text.codePoints().map(PakistanCities::foldChar).filter(c -> c >= 0).forEach(key::appendCodePoint);
        return key.toString();
    }

    private static int foldChar(int c) {
        if (Character.isWhitespace(c) || c == '.' || c == '-' || c == '\u200C' || c == '\u200D' || c == '\u200E'
                || c == '\u200F' || c == '\u00A0') {
            return -1;
        }
        return switch (c) {
            case '\u064A', '\u0649' -> '\u06CC'; // Arabic yeh, alef maksura -> Urdu yeh
            case '\u0643' -> '\u06A9';           // Arabic kaf -> keheh
            case '\u0647' -> '\u06C1';           // Arabic heh -> heh goal
            default -> c;
        };
    }

    private static PakistanCities load() {
        Map<String, String> englishByKey = new HashMap<>();
        Map<String, String> urduByEnglish = new HashMap<>();
        var english = new TreeSet<String>();
        try (var in = PakistanCities.class.getResourceAsStream("pk-cities.tsv");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] names = line.split("\t");
                String name = names[0].strip();
                english.add(name);
                urduByEnglish.put(name, names[1].strip());
                for (String spelling : names) {
                    String earlier = englishByKey.putIfAbsent(fold(spelling), name);
                    if (earlier != null && !earlier.equals(name)) {
                        throw new IllegalStateException("pk-cities.tsv: '" + spelling + "' names both " + earlier
                                + " and " + name);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PakistanCities(Map.copyOf(englishByKey), Map.copyOf(urduByEnglish), List.copyOf(english));
    }
}
