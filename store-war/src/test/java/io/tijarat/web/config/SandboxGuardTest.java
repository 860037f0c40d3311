package io.tijarat.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.config.Mode;
import io.tijarat.spi.ConfigProperty;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SandboxGuardTest {

    private static final ProviderDescriptor WALLET = ProviderDescriptor.builder("wallet-pay", ProviderKind.PAYMENT)
            .displayName("Wallet").pluginVersion("1").defaultTimeout(Duration.ofSeconds(10))
            .property(ConfigProperty.withDefault("mode", "sandbox or live", "sandbox")).build();
    private static final ProviderDescriptor COD = ProviderDescriptor.builder("cod", ProviderKind.PAYMENT)
            .displayName("Cash on delivery").pluginVersion("1").defaultTimeout(Duration.ofSeconds(1)).build();

    @Test
    void givenProductionAndAProviderLeftInItsDefaultSandboxMode_whenStarting_thenRefusedNamingTheKey() {
        var e = assertThrows(IllegalStateException.class,
                () -> SandboxGuard.check(Mode.PRODUCTION, List.of(WALLET, COD), key -> Optional.empty()));

        assertTrue(e.getMessage().contains("tijarat.provider.wallet-pay.mode=sandbox"), e.getMessage());
    }

    @Test
    void givenProductionAndAnExplicitSandbox_whenStarting_thenRefused() {
        var settings = Map.of("tijarat.provider.wallet-pay.mode", "SANDBOX");

        assertTrue(SandboxGuard.problem(Mode.PRODUCTION, List.of(WALLET), key -> Optional.ofNullable(settings.get(key)))
                .isPresent());
    }

    @Test
    void givenProductionWithTheProviderLive_orTestMode_whenStarting_thenAllowed() {
        var live = Map.of("tijarat.provider.wallet-pay.mode", " live ");

        assertEquals(Optional.empty(), SandboxGuard.problem(Mode.PRODUCTION, List.of(WALLET, COD),
                key -> Optional.ofNullable(live.get(key))));
        assertEquals(Optional.empty(), SandboxGuard.problem(Mode.TEST, List.of(WALLET), key -> Optional.empty()));
    }
}
