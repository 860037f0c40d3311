package io.tijarat.core.checkout;

import io.tijarat.core.provider.ProviderUnavailableException;
import io.tijarat.core.provider.ShippingProviders;
import io.tijarat.spi.Money;
import io.tijarat.spi.shipping.RateQuote;
import io.tijarat.spi.shipping.RateRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Couriers' rates as checkout asks for them: each quote is reused for the time the courier declared
 * ({@link RateQuote#cacheFor()}) per {@link RateKey}, and the requests that ask for a key while it is being quoted
 * share that one upstream call, so a busy checkout makes at most one call per key per period. When the courier
 * cannot be asked, the customer still gets a rate: the last one the courier gave for the key (kept in the database
 * for {@code tijarat.shipping.last-known-days}, 30 by default), else the configured
 * {@code tijarat.shipping.<provider id>.fallback-rate} (whole rupees); the order records which
 * ({@link Basis}), so the merchant sees it. With neither, the courier is left out.
 */
@ApplicationScoped
public class ShippingRates {

    private static final Logger LOG = Logger.getLogger(ShippingRates.class.getName());

    /** Kept quotes at most; beyond that, expired ones are dropped first, then nothing new is kept until they expire. */
    static final int MAX_KEYS = 10_000;

    /** Where a rate came from. */
    public enum Basis {
        /** The courier's answer now, or within the time it said its quote holds. */
        COURIER,
        /** The courier could not be asked: its last answer for the same key. */
        LAST_KNOWN,
        /** The courier could not be asked and never answered for this key: the configured fallback rate. */
        FALLBACK
    }

    /** The service code of a fallback rate: the booking then asks for the courier's default service. */
    public static final String FALLBACK_SERVICE = "fallback";

    /** A courier's quotes for a request, cheapest first, and where they came from. */
    public record Rated(List<RateQuote> quotes, Basis basis) {
    }

    private record Kept(List<RateQuote> quotes, Instant until) {
    }

    @Inject
    ShippingProviders shipping;

    @Inject
    RateMemory memory;

    @Inject
    Clock clock;

    @Inject
    Config config;

    /** A setting by key; MicroProfile Config in the server, a map in tests. */
    java.util.function.Function<String, Optional<String>> setting;

    @jakarta.annotation.PostConstruct
    void readConfiguration() {
        setting = key -> config.getOptionalValue(key, String.class);
    }

    private final Map<RateKey, Kept> kept = new ConcurrentHashMap<>();
    private final Map<RateKey, CompletableFuture<List<RateQuote>>> asking = new ConcurrentHashMap<>();

    /**
     * The courier's quotes for {@code request}; empty when it does not serve the destination.
     *
     * @throws ProviderUnavailableException when the courier could not be asked and there is no last known or
     *                                      configured rate to offer instead
     */
    public Rated quotes(String providerId, RateRequest request) {
        // a courier that is not active (disabled, failed, removed) is offered at no rate, kept or not
        if (shipping.activeShipping().stream().noneMatch(d -> d.id().equals(providerId))) {
            throw new ProviderUnavailableException(providerId, "not an active shipping provider", null);
        }
        RateKey key = RateKey.of(providerId, request, slabGrams(), codBandRupees());
        Kept fresh = kept.get(key);
        if (fresh != null && clock.instant().isBefore(fresh.until())) {
            return new Rated(fresh.quotes(), Basis.COURIER);
        }
        try {
            return new Rated(askOnce(key, request), Basis.COURIER);
        } catch (ProviderUnavailableException e) {
            return lastKnown(key, request).orElseThrow(() -> e);
        }
    }

    /** One upstream call per key at a time: the first caller asks, the others wait for its answer. */
    private List<RateQuote> askOnce(RateKey key, RateRequest request) {
        var mine = new CompletableFuture<List<RateQuote>>();
        CompletableFuture<List<RateQuote>> running = asking.putIfAbsent(key, mine);
        if (running != null) {
            return await(key, running);
        }
        try {
            List<RateQuote> quotes = shipping.quotes(key.providerId(), request);
            keep(key, quotes);
            mine.complete(quotes);
            return quotes;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            asking.remove(key, mine);
        }
    }

    private static List<RateQuote> await(RateKey key, CompletableFuture<List<RateQuote>> running) {
        try {
            return running.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ProviderUnavailableException(key.providerId(), "quote failed", e.getCause());
        } catch (TimeoutException e) {
            throw new ProviderUnavailableException(key.providerId(), "no quote in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException(key.providerId(), "interrupted", e);
        }
    }

    private void keep(RateKey key, List<RateQuote> quotes) {
        Instant now = clock.instant();
        Duration validFor = quotes.stream().map(RateQuote::cacheFor).min(Duration::compareTo).orElse(Duration.ofMinutes(10));
        if (!validFor.isZero()) {
            if (kept.size() >= MAX_KEYS) {
                kept.values().removeIf(k -> !now.isBefore(k.until()));
            }
            if (kept.size() < MAX_KEYS) {
                kept.put(key, new Kept(quotes, now.plus(validFor)));
            }
        }
        if (!quotes.isEmpty()) {
            try {
                memory.remember(key, quotes, now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not keep the last known rate of " + key.providerId()
                        + "; checkout goes on without it", e);
            }
        }
    }

    private Optional<Rated> lastKnown(RateKey key, RateRequest request) {
        Kept inMemory = kept.get(key);
        if (inMemory != null && !inMemory.quotes().isEmpty()) {
            return Optional.of(new Rated(inMemory.quotes(), Basis.LAST_KNOWN));
        }
        List<RateQuote> stored = List.of();
        try {
            stored = memory.recall(key, clock.instant().minus(Duration.ofDays(lastKnownDays())));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the last known rate of " + key.providerId(), e);
        }
        if (!stored.isEmpty()) {
            return Optional.of(new Rated(stored, Basis.LAST_KNOWN));
        }
        return fallbackRate(key.providerId(), request.parcel().weightGrams())
                .map(charge -> new Rated(List.of(new RateQuote(FALLBACK_SERVICE, "Standard delivery", charge,
                        Duration.ZERO, Optional.empty())), Basis.FALLBACK));
    }

    private Optional<Money> fallbackRate(String providerId, int grams) {
        String name = "tijarat.shipping." + providerId + ".fallback-rate";
        Optional<String> value = setting.apply(name).map(String::strip).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            long rupees = Long.parseLong(value.get());
            if (rupees < 0 || rupees > 1_000_000) {
                throw new NumberFormatException();
            }
            return Optional.of(Money.pkr(rupees * 100));
        } catch (NumberFormatException e) {
            LOG.warning(() -> name + " must be a whole number of rupees from 0 to 1000000, e.g. 350; ignored");
            return Optional.empty();
        }
    }

    private int slabGrams() {
        return (int) number("tijarat.shipping.rate-slab-grams", 500, 1, 100_000);
    }

    private long codBandRupees() {
        return number("tijarat.shipping.rate-cod-band-rupees", 1_000, 1, 1_000_000);
    }

    private long lastKnownDays() {
        return number("tijarat.shipping.last-known-days", 30, 0, 3650);
    }

    /** A whole-number setting; a value that is not one, or out of range, is reported and the default used. */
    private long number(String key, long fallback, long min, long max) {
        Optional<String> value = setting.apply(key).map(String::strip).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.get());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warning(() -> key + " must be a whole number from " + min + " to " + max + "; " + fallback + " is used");
        return fallback;
    }

    /** Forgets every kept quote (tests; an operator changing a courier's tariff). */
    public void forget() {
        kept.clear();
    }
}
