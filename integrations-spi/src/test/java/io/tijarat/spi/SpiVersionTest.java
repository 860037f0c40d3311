package io.tijarat.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpiVersionTest {

    @ParameterizedTest(name = "server {0}, plugin built for {1}: compatible = {2}")
    @CsvSource({
            "1.0, 1.0, true",
            "1.3, 1.0, true",
            "1.3, 1.3, true",
            "1.3, 1.4, false",
            "1.4, 1.3, true",
            "1.4, 1.5, false",
            "1.0, 1.1, false",
            "1.0, 2.0, false",
            "2.0, 1.0, false",
            "2.1, 1.9, false",
            "1.10, 1.9, true"})
    void givenServerAndPluginVersions_whenChecked_thenSameMajorAndNoNewerMinorIsCompatible(
            String server, String plugin, boolean compatible) {
        assertEquals(compatible, SpiVersion.parse(server).isCompatibleWith(plugin));
        assertEquals(compatible, SpiVersion.parse(server).isCompatibleWith(SpiVersion.parse(plugin)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "1.0.2", "v1.0", "1.x", "01.0", "1.-1", "", "1,0"})
    void givenMalformedManifestValue_whenParsed_thenRejectedNamingTheAttribute(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpiVersion.parse(text));
        assertTrue(e.getMessage().contains(SpiVersion.MANIFEST_ATTRIBUTE), e.getMessage());
        assertFalse(SpiVersion.CURRENT.isCompatibleWith(text));
    }

    @Test
    void givenNoDeclaredVersion_whenChecked_thenNotCompatible() {
        assertFalse(SpiVersion.CURRENT.isCompatibleWith((String) null));
    }

    @Test
    void givenManifestValueWithSurroundingSpace_whenParsed_thenAccepted() {
        assertEquals(new SpiVersion(1, 0), SpiVersion.parse(" 1.0 "));
    }

    @Test
    void givenTheBuild_whenItsSpiVersionIsRead_thenItEqualsCurrent() throws IOException {
        Properties build = new Properties();
        try (InputStream in = SpiVersion.class.getResourceAsStream("spi-version.properties")) {
            assertNotNull(in, "spi-version.properties is missing from the jar");
            build.load(in);
        }

        assertEquals(SpiVersion.CURRENT, SpiVersion.parse(build.getProperty("version")),
                "SpiVersion.CURRENT and the build's tijarat.spi.version disagree; change both together");
        assertEquals("1.5", SpiVersion.CURRENT.toString());
    }

    @Test
    void givenThisServer_whenPluginsBuiltForEarlierAndLaterMinorsAreChecked_thenOnlyTheLaterIsRefused() {
        assertTrue(SpiVersion.CURRENT.isCompatibleWith("1.0"), "plugins built for 1.0 must keep loading");
        assertTrue(SpiVersion.CURRENT.isCompatibleWith("1.1"));
        assertTrue(SpiVersion.CURRENT.isCompatibleWith("1.2"));
        assertTrue(SpiVersion.CURRENT.isCompatibleWith("1.3"));
        assertTrue(SpiVersion.CURRENT.isCompatibleWith("1.4"));
        assertTrue(SpiVersion.CURRENT.isCompatibleWith("1.5"));
        assertFalse(SpiVersion.CURRENT.isCompatibleWith("1.6"));
        assertFalse(SpiVersion.CURRENT.isCompatibleWith("2.0"));
    }
}
