package io.tijarat.core.provider.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderKind;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentRequest;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.junit.jupiter.api.Test;

/**
 * The per-provider guard classes and the configuration keys MicroProfile FT reads for them
 * ({@code <class>/<method>/<Annotation>/<parameter>}, read under the target's class because that class
 * carries the annotation).
 */
class GuardTypesTest {

    private final ProviderFaultToleranceConfigSource config = new ProviderFaultToleranceConfigSource();

    private static Map<String, OperationLimits> limits(String id, Map<String, String> settings) {
        var descriptor = ProviderDescriptor.builder(id, ProviderKind.PAYMENT).displayName(id).pluginVersion("1")
                .defaultTimeout(Duration.ofSeconds(75)).build();
        List<String> operations = Arrays.stream(GuardedPayment.class.getMethods()).map(Method::getName).toList();
        return new FaultToleranceSettings(key -> Optional.ofNullable(settings.get(key)))
                .resolve(descriptor, operations, settings.keySet());
    }

    @Test
    void givenTwoProvidersWithTheirOwnValues_whenTheirClassesAreDefined_thenFtReadsEachProvidersValuesUnderItsClass() {
        Class<? extends GuardedPayment> slow = GuardTypes.forProvider(GuardedPayment.class, "slow-wallet",
                limits("slow-wallet", Map.of("tijarat.provider.slow-wallet.ft.start.bulkhead", "3",
                        "tijarat.provider.slow-wallet.ft.inquire.retries", "1")));
        Class<? extends GuardedPayment> quick = GuardTypes.forProvider(GuardedPayment.class, "quick-card",
                limits("quick-card", Map.of("tijarat.provider.quick-card.timeout-ms", "5000")));

        assertTrue(slow.getName().endsWith("GuardedPayment$$slow_wallet"), slow.getName());
        for (Class<?> type : List.of(slow, quick)) {
            for (var annotation : List.of(Timeout.class, Bulkhead.class, CircuitBreaker.class, Retry.class)) {
                assertTrue(type.isAnnotationPresent(annotation), "FT reads per-class keys only for a class carrying @"
                        + annotation.getSimpleName());
            }
        }
        assertEquals("3", config.getValue(slow.getName() + "/start/Bulkhead/value"));
        assertEquals("77000", config.getValue(slow.getName() + "/start/Timeout/value"));
        assertEquals("1", config.getValue(slow.getName() + "/inquire/Retry/maxRetries"));
        assertEquals("0", config.getValue(slow.getName() + "/start/Retry/maxRetries"));
        assertEquals("20", config.getValue(quick.getName() + "/start/Bulkhead/value"));
        assertEquals("7000", config.getValue(quick.getName() + "/start/Timeout/value"));
        assertEquals("10", config.getValue(quick.getName() + "/start/CircuitBreaker/requestVolumeThreshold"));
        assertEquals(null, config.getValue(GuardedPayment.class.getName() + "/start/Timeout/value"),
                "nothing is answered for any other class");
    }

    @Test
    void givenAnInstance_whenCalled_thenTheCallReachesItsHandlerWithTheMirrorsMethod() throws Exception {
        Class<? extends GuardedPayment> type = GuardTypes.forProvider(GuardedPayment.class, "handled",
                limits("handled", Map.of()));
        PaymentOutcome unknown = PaymentOutcome.Unknown.of("from the handler");
        GuardedPayment instance = GuardTypes.instance(type, (proxy, method, args) -> {
            assertEquals(GuardedPayment.class.getMethod("start", PaymentRequest.class), method);
            return unknown;
        });

        assertSame(unknown, instance.start(null));
    }

    @Test
    void givenTheSameValuesAgain_whenDefined_thenTheSameClassKeepsTheBreakerState_andNewValuesGetANewClass() {
        Class<?> first = GuardTypes.forProvider(GuardedPayment.class, "steady", limits("steady", Map.of()));
        Class<?> again = GuardTypes.forProvider(GuardedPayment.class, "steady", limits("steady", Map.of()));
        Class<?> changed = GuardTypes.forProvider(GuardedPayment.class, "steady",
                limits("steady", Map.of("tijarat.provider.steady.ft.bulkhead", "2")));

        assertSame(first, again);
        assertNotSame(first, changed);
        assertTrue(changed.getName().endsWith("$$steady$2"), changed.getName());
        assertEquals("2", config.getValue(changed.getName() + "/refund/Bulkhead/value"));
    }
}
