package io.tijarat.plugin.leopards;

import static io.tijarat.plugin.leopards.LeopardsProviderFactory.API_KEY;
import static io.tijarat.plugin.leopards.LeopardsProviderFactory.API_PASSWORD;
import static io.tijarat.plugin.leopards.LeopardsProviderFactory.BASE_URL;
import static io.tijarat.plugin.leopards.LeopardsProviderFactory.CITY_LIST_TTL;
import static io.tijarat.plugin.leopards.LeopardsProviderFactory.ORIGIN_CITY;
import static io.tijarat.plugin.leopards.LeopardsProviderFactory.SERVICES;

import io.tijarat.spi.ConfigType;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.ProviderConfig;
import io.tijarat.spi.Secret;
import io.tijarat.spi.geo.PakistanCities;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The plugin's settings, checked once at {@code create}. */
record LeopardsSettings(Secret apiKey, Secret apiPassword, URI baseUrl, String originCity, List<String> services,
                        Duration cityListTtl) {

    static LeopardsSettings from(ProviderConfig config) {
        String base = config.require(BASE_URL).strip();
        String origin = config.require(ORIGIN_CITY).strip();
        String canonical = PakistanCities.get().canonical(origin).orElseThrow(() -> new PermanentProviderException(
                config.keyFor(ORIGIN_CITY) + " is not a Pakistani city we know: '" + origin + "'"));
        return new LeopardsSettings(config.secret(API_KEY), config.secret(API_PASSWORD),
                URI.create(base.endsWith("/") ? base : base + "/"), canonical,
                ConfigType.parseList(config.require(SERVICES)),
                ConfigType.parseDuration(config.require(CITY_LIST_TTL).strip()));
    }

    @Override
    public String toString() {
        return "LeopardsSettings[" + baseUrl + ", origin " + originCity + ", " + services + "]";
    }
}
