package io.tijarat.web.config;

import io.tijarat.core.config.Mode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Production needs the shop's public address before gateways are told where to send customers. */
class PublicUrlGuardTest {

    @Test
    void givenProductionWithoutAPublicUrl_whenStarting_thenItRefusesNamingTheKey() {
        String problem = PublicUrlGuard.problem(Mode.PRODUCTION, Optional.empty()).orElseThrow();

        assertTrue(problem.contains("tijarat.public-url"), problem);
    }

    @Test
    void givenProductionWithAPlainHttpOrQueryUrl_whenStarting_thenItRefuses() {
        assertTrue(PublicUrlGuard.problem(Mode.PRODUCTION, Optional.of("http://shop.example.pk")).isPresent());
        assertTrue(PublicUrlGuard.problem(Mode.PRODUCTION, Optional.of("https://shop.example.pk/?x=1")).isPresent());
        assertTrue(PublicUrlGuard.problem(Mode.PRODUCTION, Optional.of("https://")).isPresent());
    }

    @Test
    void givenProductionWithAnHttpsUrl_orDevMode_whenStarting_thenItStarts() {
        assertEquals(Optional.empty(), PublicUrlGuard.problem(Mode.PRODUCTION, Optional.of(" https://shop.example.pk/ ")));
        assertEquals(Optional.empty(), PublicUrlGuard.problem(Mode.DEV, Optional.empty()));
        assertEquals(Optional.empty(), PublicUrlGuard.problem(Mode.TEST, Optional.empty()));
    }
}
