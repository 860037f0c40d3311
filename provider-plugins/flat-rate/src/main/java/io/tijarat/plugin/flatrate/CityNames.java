package io.tijarat.plugin.flatrate;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Matches city names the way customers type them: any case, with or without spaces ("Islamabad",
 * "ISLAMABAD", "اسلام آباد", "اسلام‌آباد"), and the Urdu names of the default cities. Urdu typed on an
 * Arabic keyboard uses different code points for ی, ک and ہ; they are folded together. Stateless.
 */
final class CityNames {

    /** Urdu names of the cities in the default zones, mapped to the English name configuration uses. */
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

    private static final Map<String, String> BY_KEY = URDU.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(entry -> key(entry.getKey()), Map.Entry::getValue));

    private CityNames() {
    }

    /** The English name for a known Urdu name, else the name as given without surrounding space. */
    static String canonical(String city) {
        return Optional.ofNullable(BY_KEY.get(key(city))).orElseGet(city::strip);
    }

    /** What two spellings of one city have in common: lower case, no spaces or joiners, folded letters. */
    static String key(String city) {
        String text = Normalizer.normalize(city, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(text.length());
        text.codePoints().map(CityNames::fold).filter(c -> c >= 0).forEach(key::appendCodePoint);
        return key.toString();
    }

    /** -1 for what does not tell cities apart (space, dot, hyphen, joiners, direction marks). */
    private static int fold(int c) {
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
}
