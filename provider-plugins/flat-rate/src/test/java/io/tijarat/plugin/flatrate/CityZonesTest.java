package io.tijarat.plugin.flatrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.spi.PermanentProviderException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CityZonesTest {

    private static final String LOCAL_KEY = "tijarat.provider.flat-rate.zone.local";
    private static final String MAJOR_KEY = "tijarat.provider.flat-rate.zone.major";
    private static final CityZones DEFAULTS = CityZones.parse(LOCAL_KEY, "Karachi", MAJOR_KEY,
            "Lahore,Islamabad,Rawalpindi,Faisalabad,Multan,Peshawar,Quetta,Hyderabad,Sialkot,Gujranwala");

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "Karachi, LOCAL", "karachi, LOCAL", "' KARACHI ', LOCAL", "کراچی, LOCAL",
            "Lahore, MAJOR", "لاہور, MAJOR", "Islamabad, MAJOR", "اسلام آباد, MAJOR", "اسلام‌آباد, MAJOR",
            "Rawalpindi, MAJOR", "راولپنڈی, MAJOR", "Faisalabad, MAJOR", "فیصل آباد, MAJOR", "ملتان, MAJOR",
            "پشاور, MAJOR", "کوئٹہ, MAJOR", "حیدر آباد, MAJOR", "سیالکوٹ, MAJOR", "گوجرانوالہ, MAJOR",
            "Dera Ismail Khan, REST", "Gilgit, REST", "گلگت, REST", "Karachi Cantt, REST"})
    void givenTheDefaultZones_whenACityIsLookedUp_thenItsZoneIsFoundWhateverTheCaseOrScript(String city, Zone zone) {
        assertEquals(zone, DEFAULTS.zoneOf(city));
    }

    @Test
    void givenUrduTypedOnAnArabicKeyboard_whenLookedUp_thenTheLettersAreFoldedAndTheCityIsFound() {
        assertEquals(Zone.LOCAL, DEFAULTS.zoneOf("كراچي"));   // Arabic kaf and yeh
        assertEquals(Zone.MAJOR, DEFAULTS.zoneOf("كوئٹه"));   // Arabic kaf and heh
    }

    @Test
    void givenAnUrduOrShoutedName_whenItsNameIsAsked_thenTheConfiguredSpellingComesBack() {
        assertEquals("Lahore", DEFAULTS.nameOf("لاہور"));
        assertEquals("Lahore", DEFAULTS.nameOf("LAHORE"));
        assertEquals("Gilgit", DEFAULTS.nameOf(" Gilgit "));
    }

    @Test
    void givenAShopInLahore_whenZonesAreConfiguredSo_thenLahoreIsLocalAndKarachiMajor() {
        CityZones lahoreShop = CityZones.parse(LOCAL_KEY, "Lahore", MAJOR_KEY, "Karachi, Islamabad,,Rawalpindi");

        assertEquals(Zone.LOCAL, lahoreShop.zoneOf("لاہور"));
        assertEquals(Zone.MAJOR, lahoreShop.zoneOf("Karachi"));
        assertEquals(Zone.REST, lahoreShop.zoneOf("Multan"));
    }

    @Test
    void givenACityInBothLists_whenParsed_thenTheFailureNamesTheCityAndBothKeys() {
        PermanentProviderException e = assertThrows(PermanentProviderException.class,
                () -> CityZones.parse(LOCAL_KEY, "Lahore", MAJOR_KEY, "Karachi,لاہور"));

        assertTrue(e.getMessage().startsWith("Lahore is listed in both " + LOCAL_KEY + " and " + MAJOR_KEY),
                e.getMessage());
    }
}
