package io.tijarat.plugin.tcs;

import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.geo.PakistanCities;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * TCS's city list (either API's), loaded lazily, kept for its lifetime, and found through the canonical city list.
 * A reload that fails keeps the list it had; without one, the failure is transient. Thread-safe.
 *
 * @param <T> what TCS calls the city: its name (COD API) or its code and name (ECOM API)
 */
final class TcsCities<T> {

    private final Clock clock;
    private final Duration lifetime;
    private final Supplier<Map<String, T>> loader;
    private volatile Map<String, T> known;
    private volatile Instant loaded = Instant.MIN;

    /**
     * @param loader the list, keyed by {@link PakistanCities#key}; throws {@link TransientProviderException} saying
     *               why when TCS gives none
     */
    TcsCities(Clock clock, Duration lifetime, Supplier<Map<String, T>> loader) {
        this.clock = clock;
        this.lifetime = lifetime;
        this.loader = loader;
    }

    Optional<T> find(String name) {
        Map<String, T> cities = known;
        if (cities == null || !clock.instant().isBefore(loaded.plus(lifetime))) {
            try {
                cities = Map.copyOf(loader.get());
                known = cities;
                loaded = clock.instant();
            } catch (TransientProviderException e) {
                if (cities == null) {
                    throw e;
                }
            }
        }
        return Optional.ofNullable(cities.get(PakistanCities.get().key(name)));
    }
}
