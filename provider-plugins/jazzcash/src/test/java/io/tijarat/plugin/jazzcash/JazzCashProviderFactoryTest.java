package io.tijarat.plugin.jazzcash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.plugin.jazzcash.stub.JazzCashStub;
import io.tijarat.spi.ConfigProperty;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.kit.SampleRequests;
import io.tijarat.spi.payment.PaymentCapability;
import io.tijarat.spi.payment.PaymentOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the plugin declares, and the timing rules the core reads from it. */
class JazzCashProviderFactoryTest {

    private final ProviderDescriptor descriptor = new JazzCashProviderFactory().descriptor();

    @Test
    void givenTheDescriptor_whenRead_thenJazzCashWithTheCapabilitiesItsApiHasAndNoOthers() {
        assertEquals("jazzcash", descriptor.id());
        assertEquals("JazzCash", descriptor.displayName());
        assertEquals(Set.of(PaymentCapability.INQUIRY, PaymentCapability.REFUND, PaymentCapability.PARTIAL_REFUND,
                PaymentCapability.CALLBACKS), descriptor.capabilities(),
                "no IDEMPOTENT_REFUND (a refund carries no reference of its own) and no VOID (none documented)");
    }

    @Test
    void givenTheDescriptor_whenItsPropertiesAreRead_thenTheDocumentedKeysDefaultsAndSecrets() {
        Map<String, ConfigProperty> properties = descriptor.configProperties().stream()
                .collect(Collectors.toMap(ConfigProperty::name, property -> property));

        assertEquals(Set.of("merchant-id", "password", "integrity-salt", "merchant-mpin", "base-url", "return-url",
                "mode", "voucher-validity-hours", "endpoints", "path.wallet", "path.voucher", "path.inquiry",
                "path.wallet-refund", "path.card-refund", "path.hosted-checkout"), properties.keySet());
        assertEquals(Set.of("password", "integrity-salt", "merchant-mpin"), properties.values().stream()
                .filter(ConfigProperty::secret).map(ConfigProperty::name).collect(Collectors.toSet()));
        assertEquals(Set.of("merchant-id", "password", "integrity-salt"), properties.values().stream()
                .filter(ConfigProperty::required).map(ConfigProperty::name).collect(Collectors.toSet()),
                "the MPIN is needed for refunds only");
        assertEquals(Optional.of("https://sandbox.jazzcash.com.pk"), properties.get("base-url").defaultValue());
        assertEquals(Optional.of("sandbox"), properties.get("mode").defaultValue());
        assertEquals(Optional.of("72"), properties.get("voucher-validity-hours").defaultValue());
    }

    @Test
    void givenAWalletPaymentThatWaitsForTheMpin_whenTheBudgetIsRead_thenTheCallGivesUpInsideIt() {
        assertEquals(Duration.ofSeconds(75), descriptor.defaultTimeout());
        assertTrue(WalletPayment.TIMEOUT.compareTo(Duration.ofSeconds(60)) > 0, "the MPIN window fits inside the wallet call");
        assertTrue(WalletPayment.TIMEOUT.compareTo(descriptor.defaultTimeout()) < 0);
        assertTrue(StatusInquiry.TIMEOUT.compareTo(descriptor.defaultTimeout()) < 0);
        assertTrue(RefundApi.TIMEOUT.compareTo(descriptor.defaultTimeout()) < 0);
    }

    @Test
    void givenAProvider_whenTheCoreAsksWhenToInquireAndWhenToGiveUp_thenTenMinutesAndOneHour() {
        try (Fixture fixture = Fixture.start()) {
            assertEquals(Duration.ofMinutes(10), fixture.provider.firstInquiryAfter());
            assertEquals(Duration.ofHours(1), fixture.provider.attemptExpiresAfter());
        }
    }

    @Test
    void givenAnOrderInAnotherCurrency_whenStarted_thenDeclinedWithoutCallingJazzCash() {
        try (Fixture fixture = Fixture.start()) {
            PaymentOutcome outcome = fixture.provider.start(Fixture.order(SampleRequests.newKey())
                    .amount(Money.of(1_000, "USD")).build());

            assertEquals("JAZZCASH_CURRENCY", assertInstanceOf(PaymentOutcome.Declined.class, outcome).code());
            assertEquals(0, fixture.stub.server().getAllServeEvents().size());
        }
    }

    @Test
    void givenOneProvider_whenEightThreadsPayAtOnce_thenEachAttemptIsApprovedUnderItsOwnReference() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try (Fixture fixture = Fixture.start()) {
            List<IdempotencyKey> keys = new ArrayList<>();
            List<Callable<PaymentOutcome>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                IdempotencyKey key = SampleRequests.newKey();
                keys.add(key);
                calls.add(() -> fixture.provider.start(Fixture.wallet(key)));
            }

            List<Future<PaymentOutcome>> outcomes = threads.invokeAll(calls, 30, TimeUnit.SECONDS);

            for (int i = 0; i < 8; i++) {
                PaymentOutcome.Approved approved = assertInstanceOf(PaymentOutcome.Approved.class, outcomes.get(i).get());
                assertEquals(fixture.stub.transaction(keys.get(i).value()).orElseThrow().rrn(),
                        approved.gatewayReference());
            }
            assertEquals(8, fixture.stub.requestsTo(JazzCashStub.WALLET_PATH).size());
        } finally {
            threads.shutdownNow();
        }
    }
}
