package io.tijarat.plugin.flatrate;

import io.tijarat.spi.geo.PakistanCities;

/**
 * City names as customers and operators type them, through the SPI's one list of Pakistani cities
 * ({@link PakistanCities}): any case, with or without spaces, Urdu or English or a common spelling
 * ("Pindi", "DG Khan"), Urdu typed on an Arabic keyboard. Stateless.
 */
final class CityNames {

    private CityNames() {
    }

    /** The English name of a listed city, else the name as given without surrounding space. */
    static String canonical(String city) {
        return PakistanCities.get().canonical(city).orElseGet(city::strip);
    }

    /** What two spellings of one city have in common. */
    static String key(String city) {
        return PakistanCities.get().key(city);
    }
}
