package io.tijarat.plugin.leopards;

import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.geo.PakistanCities;
import io.tijarat.spi.json.Json;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Leopards' city list ({@code getAllCities}), kept for a while and matched to the shop's city names through
 * {@link PakistanCities} (Khi, Pindi, DG Khan and Urdu names find Leopards' ids). Thread-safe: a snapshot is replaced
 * whole; a stale list is used while Leopards cannot give a fresh one.
 */
final class LeopardsCities {

    /** A city as Leopards knows it. */
    record City(String id, String name, boolean origin, boolean destination) {
    }

    private record Snapshot(Map<String, City> byKey, Instant loaded) {
    }

    private final LeopardsApi api;
    private final Clock clock;
    private final Duration ttl;
    private volatile Snapshot snapshot;

    LeopardsCities(LeopardsApi api, Clock clock, Duration ttl) {
        this.api = api;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** @throws TransientProviderException when the list is not loaded and Leopards cannot give it now */
    Optional<City> find(String name) {
        return Optional.ofNullable(current().byKey().get(PakistanCities.get().key(name)));
    }

    private Snapshot current() {
        Snapshot now = snapshot;
        if (now == null || !clock.instant().isBefore(now.loaded().plus(ttl))) {
            try {
                now = load();
                snapshot = now;
            } catch (TransientProviderException e) {
                if (now == null) {
                    throw e;
                }
            }
        }
        return now;
    }

    private Snapshot load() {
        LeopardsApi.Reply reply = api.post("getAllCities", Map.of());
        if (reply.lost() || !reply.ok()) {
            throw new TransientProviderException("Leopards' city list is not available ("
                    + (reply.lost() ? reply.lostBecause().get() : reply.error()) + ")");
        }
        Map<String, City> byKey = new HashMap<>();
        for (Object item : Json.array(reply.body(), "city_list").orElse(List.of())) {
            if (item instanceof Map<?, ?> raw) {
                @SuppressWarnings("unchecked")
                Map<String, Object> city = (Map<String, Object>) raw;
                Optional<String> id = Json.text(city, "id");
                Optional<String> name = Json.text(city, "name");
                if (id.isPresent() && name.isPresent()) {
                    byKey.put(PakistanCities.get().key(name.get()), new City(id.get(), name.get(),
                            flag(city, "allow_as_origin"), flag(city, "allow_as_destination")));
                }
            }
        }
        if (byKey.isEmpty()) {
            throw new TransientProviderException("Leopards' city list came back empty");
        }
        return new Snapshot(Map.copyOf(byKey), clock.instant());
    }

    /** A flag as Leopards writes it: true, "true", 1, "1" or "Yes". */
    private static boolean flag(Map<String, Object> object, String name) {
        Object value = object.get(name);
        if (value instanceof Boolean b) {
            return b;
        }
        return Json.text(object, name).map(v -> v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes"))
                .orElse(false);
    }
}
