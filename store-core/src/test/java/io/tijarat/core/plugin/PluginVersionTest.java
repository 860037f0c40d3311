package io.tijarat.core.plugin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PluginVersionTest {

    @ParameterizedTest
    @CsvSource({"1.0.1, 1.0.0", "1.10.0, 1.9.9", "2, 1.99", "1.1.0, 1.1.0-rc1", "1.1.0-rc2, 1.1.0-rc1", "v1.2.0, 1.1",
            "1.0.0.1, 1.0.0"})
    void givenTwoVersions_whenCompared_thenTheFirstIsNewer(String newer, String older) {
        assertTrue(PluginVersion.isNewer(newer, older));
        assertFalse(PluginVersion.isNewer(older, newer));
    }

    @ParameterizedTest
    @CsvSource({"1.0.0, 1.0.0", "1.2, 1.2.0", "1.0.0+build5, 1.0.0", "nightly, 1.0.0", "1.0.0, nightly", "1.0.0_b, 0.9"})
    void givenEqualOrIncomparableVersions_whenCompared_thenNeitherIsNewer(String a, String b) {
        assertFalse(PluginVersion.isNewer(a, b));
        assertFalse(PluginVersion.isNewer(b, a));
    }
}
