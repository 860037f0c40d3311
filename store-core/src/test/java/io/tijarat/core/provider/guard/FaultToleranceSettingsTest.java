package io.tijarat.core.provider.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FaultToleranceSettingsTest {

    private static final ProviderDescriptor WALLET = ProviderDescriptor.builder("wallet-pay", ProviderKind.PAYMENT)
            .displayName("Wallet").pluginVersion("1.0.0").defaultTimeout(Duration.ofSeconds(75)).build();
    private static final List<String> PAYMENT = List.of("start", "inquire", "refund", "voidPayment", "verifyCallback");

    private static Map<String, OperationLimits> resolve(Map<String, String> settings) {
        return new FaultToleranceSettings(key -> Optional.ofNullable(settings.get(key)))
                .resolve(WALLET, PAYMENT, settings.keySet());
    }

    @Test
    void givenNoSettings_whenResolved_thenTheStartGetsThePluginsBudgetAndOtherCallsTheirCaps() {
        Map<String, OperationLimits> limits = resolve(Map.of());

        assertEquals(Duration.ofSeconds(75), limits.get("start").budget());
        assertEquals(Duration.ofSeconds(77), limits.get("start").outerTimeout(), "the outer timeout is budget + 2 s");
        assertEquals(Duration.ofSeconds(30), limits.get("inquire").budget());
        assertEquals(20, limits.get("start").bulkhead());
        assertEquals(10, limits.get("inquire").bulkhead());
        assertEquals(Duration.ofSeconds(2), limits.get("verifyCallback").budget());
        assertFalse(limits.get("verifyCallback").guarded());
        limits.values().forEach(l -> assertTrue(l.outerTimeout().compareTo(l.budget()) > 0, "timeouts nest: " + l));
    }

    @Test
    void givenProviderWideAndPerOperationKeys_whenResolved_thenTheOperationsOwnKeyWins() {
        Map<String, OperationLimits> limits = resolve(Map.of(
                "tijarat.provider.wallet-pay.timeout-ms", "40000",
                "tijarat.provider.wallet-pay.ft.bulkhead", "4",
                "tijarat.provider.wallet-pay.ft.start.bulkhead", "12",
                "tijarat.provider.wallet-pay.ft.inquire.timeout-ms", "8000",
                "tijarat.provider.wallet-pay.ft.breaker.request-volume", "6",
                "tijarat.provider.wallet-pay.ft.breaker.failure-ratio", "0.75",
                "tijarat.provider.wallet-pay.ft.start.breaker.delay-ms", "5000",
                "tijarat.provider.wallet-pay.ft.inquire.retries", "2"));

        assertEquals(Duration.ofSeconds(40), limits.get("start").budget());
        assertEquals(12, limits.get("start").bulkhead());
        assertEquals(4, limits.get("refund").bulkhead());
        assertEquals(Duration.ofSeconds(8), limits.get("inquire").budget());
        assertEquals(Duration.ofSeconds(10), limits.get("inquire").outerTimeout());
        assertEquals(6, limits.get("refund").breakerVolume());
        assertEquals(0.75, limits.get("start").failureRatio());
        assertEquals(Duration.ofSeconds(5), limits.get("start").breakerDelay());
        assertEquals(Duration.ofSeconds(30), limits.get("inquire").breakerDelay());
        assertEquals(2, limits.get("inquire").retries());
        assertEquals(0, limits.get("start").retries());
    }

    @Test
    void givenAMisspeltKeyAndBadValues_whenResolved_thenOneErrorNamesEveryKey() {
        var e = assertThrows(PermanentProviderException.class, () -> resolve(Map.of(
                "tijarat.provider.wallet-pay.ft.strat.bulkhead", "5",
                "tijarat.provider.wallet-pay.ft.inquire.timeout-ms", "soon",
                "tijarat.provider.wallet-pay.ft.breaker.failure-ratio", "1.5")));

        assertTrue(e.getMessage().contains("ft.strat.bulkhead is not a fault-tolerance setting"), e.getMessage());
        assertTrue(e.getMessage().contains("ft.inquire.timeout-ms must be a whole number"), e.getMessage());
        assertTrue(e.getMessage().contains("breaker.failure-ratio must be a number above 0"), e.getMessage());
    }

    @Test
    void givenRetriesForACallThatChangesSomething_whenResolved_thenRefused() {
        var e = assertThrows(PermanentProviderException.class,
                () -> resolve(Map.of("tijarat.provider.wallet-pay.ft.retries", "1")));

        assertTrue(e.getMessage().contains("start changes something at the provider and is never retried"), e.getMessage());
    }
}
