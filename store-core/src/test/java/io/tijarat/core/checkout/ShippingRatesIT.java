package io.tijarat.core.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tijarat.core.provider.ProviderUnavailableException;
import io.tijarat.core.provider.ShippingProviders;
import io.tijarat.core.testsupport.MovableClock;
import io.tijarat.core.testsupport.TestJpa;
import io.tijarat.spi.Money;
import io.tijarat.spi.shipping.Parcel;
import io.tijarat.spi.shipping.RateQuote;
import io.tijarat.spi.shipping.RateRequest;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Couriers' rates as checkout gets them, on the real database: one upstream call per key and period however busy
 * checkout is, and a rate (last known, or the configured fallback) when the courier is down — also after a restart.
 */
class ShippingRatesIT {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final String courier = "courier-" + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicBoolean active = new AtomicBoolean(true);
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private final List<RateRequest> asked = new ArrayList<>();

    @Test
    void givenSixteenShoppersAtOnce_whenTheyAskForTheSameRoute_thenTheCourierIsAskedOnce() throws Exception {
        ShippingRates rates = rates(Map.of());
        hold = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<ShippingRates.Rated>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                answers.add(pool.submit(() -> rates.quotes(courier, prepaid("Lahore", 800))));
            }
            Thread.sleep(300); // all sixteen are asking while the courier is slow
            hold.countDown();
            for (Future<ShippingRates.Rated> answer : answers) {
                assertEquals(25_000, answer.get(10, TimeUnit.SECONDS).quotes().get(0).charge().minorUnits());
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(1, calls.get(), "one upstream call for sixteen shoppers");
    }

    @Test
    void givenAQuote_whenAskedAgainWithinItsValidityAndAfter_thenTheCourierIsAskedAgainOnlyAfter() {
        ShippingRates rates = rates(Map.of());

        rates.quotes(courier, prepaid("Lahore", 800));
        rates.quotes(courier, prepaid("Lahore", 1_000)); // same half-kilo slab
        clock.advance(Duration.ofMinutes(59));
        rates.quotes(courier, prepaid("Lahore", 900));
        assertEquals(1, calls.get(), "same route, same slab, within the hour the courier allowed");

        clock.advance(Duration.ofMinutes(2));
        rates.quotes(courier, prepaid("Lahore", 900));
        assertEquals(2, calls.get(), "the quote expired after its hour");
    }

    @Test
    void givenCodAndPrepaidOrders_whenQuoted_thenEachIsAskedForItsOwnAndOnlyCodPaysTheFee() {
        ShippingRates rates = rates(Map.of());

        long prepaid = rates.quotes(courier, prepaid("Lahore", 800)).quotes().get(0).charge().minorUnits();
        long cod = rates.quotes(courier, cod("Lahore", 800, 3_000)).quotes().get(0).charge().minorUnits();
        rates.quotes(courier, prepaid("Lahore", 1_200)); // the next slab

        assertEquals(3, calls.get(), "prepaid, COD and a heavier slab are three keys");
        assertEquals(25_000, prepaid);
        assertEquals(25_000 + 6_000, cod, "the courier's cash-handling fee (2 % of Rs 3,000) only on the COD order");
    }

    @Test
    void givenACourierThatAnsweredBefore_whenItIsDown_thenItsLastRateIsOfferedAndMarked_alsoAfterARestart() {
        rates(Map.of()).quotes(courier, prepaid("Karachi", 800));
        clock.advance(Duration.ofHours(3));
        down.set(true);

        ShippingRates afterRestart = rates(Map.of()); // nothing in memory: from the database
        ShippingRates.Rated rated = afterRestart.quotes(courier, prepaid("Karachi", 700));

        assertEquals(ShippingRates.Basis.LAST_KNOWN, rated.basis());
        assertEquals(25_000, rated.quotes().get(0).charge().minorUnits());
        assertEquals("OVERNIGHT", rated.quotes().get(0).serviceCode());
    }

    @Test
    void givenACourierThatNeverAnsweredForTheRoute_whenItIsDown_thenTheConfiguredFallbackOrNothing() {
        down.set(true);
        ShippingRates configured = rates(Map.of("tijarat.shipping." + courier + ".fallback-rate", "350"));
        ShippingRates unconfigured = rates(Map.of());

        ShippingRates.Rated rated = configured.quotes(courier, prepaid("Quetta", 800));

        assertEquals(ShippingRates.Basis.FALLBACK, rated.basis());
        assertEquals(Money.pkr(35_000), rated.quotes().get(0).charge());
        assertEquals(ShippingRates.FALLBACK_SERVICE, rated.quotes().get(0).serviceCode());
        assertThrows(ProviderUnavailableException.class, () -> unconfigured.quotes(courier, prepaid("Quetta", 800)),
                "with no rate to offer the courier is left out");
    }

    @Test
    void givenACourierAnAdminDisabled_whenQuotedWithAKeptAndALastKnownRate_thenItIsNotOffered() {
        ShippingRates rates = rates(Map.of("tijarat.shipping." + courier + ".fallback-rate", "350"));
        rates.quotes(courier, prepaid("Lahore", 800));

        active.set(false);

        assertThrows(ProviderUnavailableException.class, () -> rates.quotes(courier, prepaid("Lahore", 800)),
                "a disabled courier must not be offered from the cache, the last known rate or the fallback");
        assertEquals(1, calls.get());
    }

    // --------------------------------------------------------------------------------------------------------

    private static RateRequest prepaid(String city, int grams) {
        return new RateRequest(Optional.empty(), city, Parcel.ofGrams(grams), Optional.empty());
    }

    private static RateRequest cod(String city, int grams, long rupees) {
        return new RateRequest(Optional.empty(), city, Parcel.ofGrams(grams), Optional.of(Money.pkr(rupees * 100)));
    }

    /** A courier charging Rs 250 (+2 % of the COD amount), quotes valid an hour; slow while held, down when told. */
    private ShippingProviders courierApi() {
        return (ShippingProviders) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ShippingProviders.class}, (proxy, method, args) -> {
                    if (method.getName().equals("activeShipping")) {
                        return active.get() ? List.of(io.tijarat.spi.ProviderDescriptor.builder((String) courier,
                                io.tijarat.spi.ProviderKind.SHIPPING).displayName("courier").pluginVersion("1")
                                .defaultTimeout(Duration.ofSeconds(5)).build()) : List.of();
                    }
                    if (!method.getName().equals("quotes")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    calls.incrementAndGet();
                    hold.await(10, TimeUnit.SECONDS);
                    if (down.get()) {
                        throw new ProviderUnavailableException((String) args[0], "connection refused", null);
                    }
                    RateRequest request = (RateRequest) args[1];
                    synchronized (asked) {
                        asked.add(request);
                    }
                    long fee = request.codAmount().map(m -> m.minorUnits() / 50).orElse(0L);
                    return List.of(new RateQuote("OVERNIGHT", "Overnight", Money.pkr(25_000 + fee), Duration.ofHours(1),
                            Optional.of(Duration.ofHours(24))));
                });
    }

    private ShippingRates rates(Map<String, String> settings) {
        var rates = new ShippingRates();
        rates.shipping = courierApi();
        rates.clock = clock;
        rates.memory = new RateMemory() {
            @Override
            public void remember(RateKey key, List<RateQuote> quotes, Instant now) {
                TestJpa.inTransaction(em -> {
                    var memory = new RateMemory();
                    memory.em = em;
                    memory.rememberIn(key, quotes, now);
                    return null;
                });
            }

            @Override
            public List<RateQuote> recall(RateKey key, Instant since) {
                return TestJpa.inTransaction(em -> {
                    var memory = new RateMemory();
                    memory.em = em;
                    return memory.recallIn(key, since);
                });
            }
        };
        rates.setting = key -> Optional.ofNullable(settings.get(key));
        return rates;
    }
}
