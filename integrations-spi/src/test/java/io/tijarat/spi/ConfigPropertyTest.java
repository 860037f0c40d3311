package io.tijarat.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigPropertyTest {

    @ParameterizedTest
    @ValueSource(strings = {"merchant-id", "refund.mpin", "base-url", "a"})
    void givenLowerCaseName_whenDeclared_thenAccepted(String name) {
        assertEquals(name, ConfigProperty.required(name, "d").name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"MerchantId", "merchant_id", "1st", "-x", "refund..mpin", "refund.", "merchant id", ""})
    void givenNameThatCannotBeAConfigKey_whenDeclared_thenRejected(String name) {
        assertThrows(IllegalArgumentException.class, () -> ConfigProperty.required(name, "d"));
    }

    @Test
    void givenRequiredPropertyWithDefault_whenDeclared_thenRejectedBecauseItWouldNeverBeMissing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConfigProperty("mode", "d", true, false, Optional.of("sandbox")));
        assertTrue(e.getMessage().contains("mode"));
    }

    @Test
    void givenSecretWithDefault_whenDeclared_thenRejectedBecauseTheJarWouldShowIt() {
        assertThrows(IllegalArgumentException.class,
                () -> new ConfigProperty("password", "d", false, true, Optional.of("changeme")));
    }

    @Test
    void givenFactories_whenUsed_thenFlagsAreAsNamed() {
        ConfigProperty secret = ConfigProperty.secret("integrity-salt", "JazzCash integrity salt");
        ConfigProperty withDefault = ConfigProperty.withDefault("mode", "sandbox or live", "sandbox");

        assertTrue(secret.secret() && secret.required() && secret.defaultValue().isEmpty());
        assertEquals(Optional.of("sandbox"), withDefault.defaultValue());
        assertTrue(!withDefault.required() && !withDefault.secret());
    }
}
