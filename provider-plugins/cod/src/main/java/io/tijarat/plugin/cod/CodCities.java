package io.tijarat.plugin.cod;

import io.tijarat.spi.geo.PakistanCities;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where cash on delivery is offered: the cities of the operator's {@code cities} setting, or everywhere when it is
 * unset. Names are compared the way people write them: any case, with or without spaces, dots or hyphens, Urdu
 * typed on an Arabic keyboard folded into Urdu letters, and the Urdu names and common spellings of listed cities
 * matched to their English names — the core sends the English name ({@code Lahore}) even when the customer typed
 * {@code لاہور}, so an operator may list either. The matching is the SPI's {@link PakistanCities}, as everywhere.
 * Immutable and thread-safe.
 */
final class CodCities {

    static final CodCities EVERYWHERE = new CodCities(List.of());

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

    /** What two spellings of one city have in common (the SPI's city list decides). */
    static String key(String city) {
        return PakistanCities.get().key(city);
    }

    @Override
    public String toString() {
        return everywhere() ? "everywhere" : String.join(", ", names);
    }
}
