package io.tijarat.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretTest {

    private static final String SALT = "0123456789ABCDEF";

    record Holder(String name, Secret secret) {
    }

    @Test
    void givenASecret_whenPrintedInAnyUsualWay_thenOnlyStarsAppear() {
        Secret secret = Secret.of(SALT);

        assertEquals("***", secret.toString());
        assertEquals("***", String.valueOf(secret));
        assertFalse(("salt=" + secret).contains(SALT));
        assertFalse(String.format("%s", secret).contains(SALT));
        assertFalse(new Holder("salt", secret).toString().contains(SALT));
        assertFalse(List.of(secret).toString().contains(SALT));
        assertFalse(Map.of("salt", secret).toString().contains(SALT));
    }

    @Test
    void givenASecret_whenRevealed_thenTheValueComesBack() {
        assertEquals(SALT, Secret.of(SALT).reveal());
    }

    @Test
    void givenASecret_whenMatchedAgainstCandidates_thenOnlyTheExactValueMatches() {
        Secret secret = Secret.of(SALT);

        assertTrue(secret.matches(SALT));
        assertFalse(secret.matches(SALT.toLowerCase()));
        assertFalse(secret.matches(SALT + "0"));
        assertFalse(secret.matches(""));
        assertFalse(secret.matches(null));
    }

    @Test
    void givenBlankValue_whenMadeASecret_thenRejectedAsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> Secret.of("  "));
        assertThrows(NullPointerException.class, () -> Secret.of(null));
    }

    @Test
    void givenASecret_thenItCannotBeSerialisedByAccident() {
        assertFalse(java.io.Serializable.class.isAssignableFrom(Secret.class));
    }
}
