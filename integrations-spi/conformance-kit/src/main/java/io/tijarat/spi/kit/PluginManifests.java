package io.tijarat.spi.kit;

import static org.junit.jupiter.api.Assertions.fail;

import io.tijarat.spi.SpiVersion;
import java.util.jar.Manifest;

/** Reads what a plugin's manifest declares, failing the test with a message that says what to fix. */
final class PluginManifests {

    private PluginManifests() {
    }

    /** The declared {@value SpiVersion#MANIFEST_ATTRIBUTE}; fails if it is missing or malformed. */
    static SpiVersion declaredSpiVersion(Manifest manifest, String where) {
        String attribute = SpiVersion.MANIFEST_ATTRIBUTE;
        String value = manifest.getMainAttributes().getValue(attribute);
        if (value == null) {
            return fail("the manifest in " + where + " has no " + attribute + " attribute: add '" + attribute
                    + ": " + SpiVersion.CURRENT + "', the SPI version the plugin is built against");
        }
        try {
            return SpiVersion.parse(value);
        } catch (IllegalArgumentException e) {
            return fail("the manifest in " + where + ": " + e.getMessage());
        }
    }
}
