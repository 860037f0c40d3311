package io.tijarat.plugin.cod;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where cash on delivery is offered: the cities of the operator's {@code cities} setting, or everywhere when it is
 * unset. Names are compared the way people write them: any case, with or without spaces, dots or hyphens, Urdu
 * typed on an Arabic keyboard folded into Urdu letters, and the Urdu names of the big cities matched to their
 * English names — the core sends the English name ({@code Lahore}) even when the customer typed {@code لاہور}, so
 * an operator may list either. (The same matching as the {@code flat-rate} plugin's zones; plugins share no code.)
 * Immutable and thread-safe.
 */
final class CodCities {

    static final CodCities EVERYWHERE = new CodCities(List.of());

    /** Urdu names of big cities, mapped to the English name the core stores and sends. */
    private static final Map<String, String> URDU = Map.ofEntries(
            Map.entry("کراچی", "Karachi"),
            Map.entry("لاہور", "Lahore"),
            Map.entry("اسلام آباد", "Islamabad"),
            Map.entry("راولپنڈی", "Rawalpindi"),
            Map.entry("فیصل آباد", "Faisalabad"),
            Map.entry("ملتان", "Multan"),
            Map.entry("پشاور", "Peshawar"),
            Map.entry("کوئٹہ", "Quetta"),
            Map.entry("حیدرآباد", "Hyderabad"),
            Map.entry("سیالکوٹ", "Sialkot"),
            Map.entry("گوجرانوالہ", "Gujranwala"));

    private static final Map<String, String> ENGLISH_BY_URDU_KEY = URDU.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(entry -> fold(entry.getKey()), Map.Entry::getValue));

    private final List<String> names;
    private final Set<String> keys;

    private CodCities(List<String> names) {
        this.names = List.copyOf(names);
        this.keys = names.stream().map(CodCities::key).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The cities of a comma-separated list, as the operator wrote them; empty entries are skipped.
     *
     * @return empty if the list names no city at all
     */
    static Optional<CodCities> parse(String list) {
        List<String> names = Arrays.stream(list.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                .distinct().toList();
        return names.isEmpty() ? Optional.empty() : Optional.of(new CodCities(names));
    }

    /** Whether cash on delivery is offered for a parcel to {@code city}. */
    boolean includes(String city) {
        return keys.isEmpty() || keys.contains(key(city));
    }

    boolean everywhere() {
        return keys.isEmpty();
    }

    /** What two spellings of one city have in common: the English name for a known Urdu one, then folded. */
    static String key(String city) {
        String folded = fold(city);
        String english = ENGLISH_BY_URDU_KEY.get(folded);
        return english == null ? folded : fold(english);
    }

    /** Lower case, no spaces, dots, hyphens, joiners or direction marks; Arabic-keyboard letters as Urdu ones. */
    private static String fold(String city) {
        String text = Normalizer.normalize(city, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(text.length());
        text.codePoints().map(CodCities::foldChar).filter(c -> c >= 0).forEach(key::appendCodePoint);
        return key.toString();
    }

    private static int foldChar(int c) {
        if (Character.isWhitespace(c) || c == '.' || c == '-' || c == '\u200C' || c == '\u200D' || c == '\u200E'
                || c == '\u200F' || c == '\u00A0') {
            return -1;
        }
        return switch (c) {
            case '\u064A', '\u0649' -> '\u06CC'; // Arabic yeh, alef maksura -> Farsi/Urdu yeh
            case '\u0643' -> '\u06A9';           // Arabic kaf -> keheh
            case '\u0647' -> '\u06C1';           // Arabic heh -> heh goal
            default -> c;
        };
    }

    @Override
    public String toString() {
        return everywhere() ? "everywhere" : String.join(", ", names);
    }
}
