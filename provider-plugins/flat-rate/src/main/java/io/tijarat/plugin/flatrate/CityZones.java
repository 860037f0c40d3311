package io.tijarat.plugin.flatrate;

import io.tijarat.spi.PermanentProviderException;
import java.util.HashMap;
import java.util.Map;

/**
 * Which zone a city is in: the cities listed for {@link Zone#LOCAL} and {@link Zone#MAJOR}, everything
 * else {@link Zone#REST}. Cities are matched through {@link CityNames}, so a list written in English
 * also matches the Urdu names of the default cities. Immutable and thread-safe.
 */
final class CityZones {

    private record Entry(Zone zone, String name) {
    }

    private final Map<String, Entry> byKey;

    private CityZones(Map<String, Entry> byKey) {
        this.byKey = Map.copyOf(byKey);
    }

    /**
     * Reads the two city lists.
     *
     * @param localKey  the full configuration key of the local list, for messages
     * @param local     comma-separated city names
     * @param majorKey  the full configuration key of the major list, for messages
     * @param major     comma-separated city names
     * @throws PermanentProviderException if a city is in both lists, naming both keys
     */
    static CityZones parse(String localKey, String local, String majorKey, String major) {
        Map<String, Entry> byKey = new HashMap<>();
        add(byKey, Zone.LOCAL, local);
        for (String city : major.split(",")) {
            String name = CityNames.canonical(city);
            if (name.isEmpty()) {
                continue;
            }
            Entry earlier = byKey.putIfAbsent(CityNames.key(name), new Entry(Zone.MAJOR, name));
            if (earlier != null && earlier.zone() == Zone.LOCAL) {
                throw new PermanentProviderException(name + " is listed in both " + localKey + " and " + majorKey
                        + ": a city belongs to one zone; remove it from one list");
            }
        }
        return new CityZones(byKey);
    }

    private static void add(Map<String, Entry> byKey, Zone zone, String cities) {
        for (String city : cities.split(",")) {
            String name = CityNames.canonical(city);
            if (!name.isEmpty()) {
                byKey.putIfAbsent(CityNames.key(name), new Entry(zone, name));
            }
        }
    }

    /** The city's zone; {@link Zone#REST} for a city in neither list. */
    Zone zoneOf(String city) {
        Entry entry = byKey.get(CityNames.key(CityNames.canonical(city)));
        return entry == null ? Zone.REST : entry.zone();
    }

    /** The city's name as the configuration writes it ("Lahore" for "لاہور" or "LAHORE"), else as given. */
    String nameOf(String city) {
        Entry entry = byKey.get(CityNames.key(CityNames.canonical(city)));
        return entry == null ? CityNames.canonical(city) : entry.name();
    }
}
