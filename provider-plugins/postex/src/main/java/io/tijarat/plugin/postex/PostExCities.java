package io.tijarat.plugin.postex;

import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.geo.PakistanCities;
import io.tijarat.spi.json.Json;
import io.tijarat.spi.json.JsonException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PostEx's operational cities ({@code GET v2/get-operational-city}), kept for a while and matched to the shop's city
 * names through {@link PakistanCities} (Karachi/Khi, Rawalpindi/Pindi, Urdu names all find PostEx's "Karachi" or
 * "Rawalpindi"). Thread-safe: a snapshot is replaced whole; two threads that find it stale at once may both load it,
 * which is harmless (a read).
 */
final class PostExCities {

    /** One city as PostEx names it, and what PostEx does there. */
    record City(String name, boolean pickup, boolean delivery) {
    }

    private record Snapshot(Map<String, City> byKey, Instant loaded) {
    }

    private final PostExApi api;
    private final Clock clock;
    private final Duration ttl;
    private volatile Snapshot snapshot;

    PostExCities(PostExApi api, Clock clock, Duration ttl) {
        this.api = api;
        this.clock = clock;
        this.ttl = ttl;
    }

    /**
     * PostEx's city for {@code name}, if it operates there.
     *
     * @throws TransientProviderException when the list is not loaded and PostEx cannot give it now
     */
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
                // a stale list beats none: cities rarely change
            }
        }
        return now;
    }

    private Snapshot load() {
        // lower case: the live API refuses "Delivery" with a Spring 400
        PostExApi.Answer answer = api.get("v2/get-operational-city?operationalCityType=delivery");
        if (answer.status() == 401 || answer.status() == 403) {
            throw new io.tijarat.spi.PermanentProviderException("PostEx refused the API token (HTTP " + answer.status()
                    + "): check tijarat.provider.postex.token");
        }
        if (answer.isLost() || answer.status() != 200) {
            throw new TransientProviderException("PostEx's city list is not available (" + (answer.isLost()
                    ? answer.lostBecause().get() : "HTTP " + answer.status()) + ")");
        }
        try {
            Map<String, Object> body = Json.parseObject(answer.text());
            Map<String, City> byKey = new HashMap<>();
            for (Object item : Json.array(body, "dist").orElse(List.of())) {
                if (item instanceof Map<?, ?> raw) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> city = (Map<String, Object>) raw;
                    Json.text(city, "operationalCityName").ifPresent(name -> byKey.put(PakistanCities.get().key(name),
                            new City(name, flag(city, "isPickupCity"), flag(city, "isDeliveryCity"))));
                }
            }
            if (byKey.isEmpty()) {
                throw new TransientProviderException("PostEx's city list came back empty");
            }
            return new Snapshot(Map.copyOf(byKey), clock.instant());
        } catch (JsonException e) {
            throw new TransientProviderException("PostEx's city list is not JSON");
        }
    }

    /** A flag as PostEx writes it: true, "true", 1 or "1". */
    private static boolean flag(Map<String, Object> object, String name) {
        Object value = object.get(name);
        if (value instanceof Boolean b) {
            return b;
        }
        return Json.text(object, name).map(v -> v.equalsIgnoreCase("true") || v.equals("1")).orElse(false);
    }
}
