package io.tijarat.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The behaviour ProviderConfig's default methods promise, whatever the core's implementation. */
class ProviderConfigTest {

    private static ProviderConfig config(Map<String, String> values) {
        return new ProviderConfig() {
            @Override
            public String keyFor(String name) {
                return "tijarat.provider.jazzcash." + name;
            }

            @Override
            public Optional<String> get(String name) {
                return Optional.ofNullable(values.get(name));
            }

            @Override
            public Optional<Secret> findSecret(String name) {
                return get(name).map(Secret::of);
            }
        };
    }

    @Test
    void givenASetProperty_whenRequired_thenItsValueIsReturned() {
        assertEquals("MC123", config(Map.of("merchant-id", "MC123")).require("merchant-id"));
    }

    @Test
    void givenAMissingProperty_whenRequired_thenPermanentFailureNamesTheFullKey() {
        PermanentProviderException e = assertThrows(PermanentProviderException.class,
                () -> config(Map.of()).require("merchant-id"));
        assertTrue(e.getMessage().contains("tijarat.provider.jazzcash.merchant-id"), e.getMessage());
    }

    @Test
    void givenAMissingSecret_whenRequired_thenPermanentFailureNamesTheFullKey() {
        PermanentProviderException e = assertThrows(PermanentProviderException.class,
                () -> config(Map.of()).secret("integrity-salt"));
        assertTrue(e.getMessage().contains("tijarat.provider.jazzcash.integrity-salt"), e.getMessage());
    }

    @Test
    void givenASetSecret_whenRead_thenItStaysMaskedUntilRevealed() {
        Secret salt = config(Map.of("integrity-salt", "S3cr3tSalt")).secret("integrity-salt");

        assertEquals("***", salt.toString());
        assertEquals("S3cr3tSalt", salt.reveal());
    }
}
