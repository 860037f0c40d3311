package io.tijarat.spi.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One city list for the core and every plugin: names as customers and operators type them. */
class PakistanCitiesTest {

    private final PakistanCities cities = PakistanCities.get();

    @Test
    void english_urdu_and_common_spellings_name_the_same_city() {
        assertEquals(Optional.of("Karachi"), cities.canonical("Khi"));
        assertEquals(Optional.of("Karachi"), cities.canonical(" KARACHI "));
        assertEquals(Optional.of("Rawalpindi"), cities.canonical("pindi"));
        assertEquals(Optional.of("Dera Ghazi Khan"), cities.canonical("DG Khan"));
        assertEquals(Optional.of("Dera Ghazi Khan"), cities.canonical("D.G. Khan"));
        assertEquals(Optional.of("Lahore"), cities.canonical("لاہور"));
        assertEquals(Optional.of("Islamabad"), cities.canonical("اسلام‌آباد"), "with a zero-width non-joiner");
        assertEquals(Optional.of("Islamabad"), cities.canonical("Islama bad"));
        assertEquals(Optional.of("لاہور"), cities.urdu("lahore"));
    }

    @Test
    void urdu_typed_on_an_arabic_keyboard_is_folded_into_urdu_letters() {
        // Arabic yeh and kaf (U+064A, U+0643) instead of Urdu yeh and keheh
        assertEquals(Optional.of("Karachi"), cities.canonical("\u0643\u0631\u0627\u0686\u064A"));
    }

    @Test
    void keys_compare_spellings_and_keep_unlisted_places_apart() {
        assertEquals(cities.key("Pindi"), cities.key("راولپنڈی"));
        assertEquals(cities.key("Chak 42-NB"), cities.key("chak 42 nb"), "an unlisted place still matches its spellings");
        assertNotEquals(cities.key("Dera Ghazi Khan"), cities.key("Dera Ismail Khan"));
        assertEquals(Optional.empty(), cities.canonical("Atlantis"));
        assertEquals(Optional.empty(), cities.canonical(null));
    }

    @Test
    void the_list_is_sorted_and_every_city_has_an_urdu_name() {
        assertTrue(cities.englishNames().size() >= 60, "the list holds the cities of the old core list");
        for (String city : cities.englishNames()) {
            assertTrue(cities.urdu(city).filter(u -> !u.isBlank()).isPresent(), city);
        }
        assertEquals(cities.englishNames().stream().sorted().toList(), cities.englishNames());
    }
}
