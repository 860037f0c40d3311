package io.tijarat.plugin.tcs;

import static io.tijarat.plugin.tcs.TcsProviderFactory.BASE_URL;
import static io.tijarat.plugin.tcs.TcsProviderFactory.CITY_LIST_TTL;
import static io.tijarat.plugin.tcs.TcsProviderFactory.CLIENT_ID;
import static io.tijarat.plugin.tcs.TcsProviderFactory.COST_CENTER;
import static io.tijarat.plugin.tcs.TcsProviderFactory.PASSWORD;
import static io.tijarat.plugin.tcs.TcsProviderFactory.TRACKING_URL;
import static io.tijarat.plugin.tcs.TcsProviderFactory.USER_NAME;

import io.tijarat.spi.ConfigType;
import io.tijarat.spi.ProviderConfig;
import io.tijarat.spi.Secret;
import java.net.URI;
import java.time.Duration;

/** The plugin's settings, checked once at {@code create}. */
record TcsSettings(Secret clientId, String userName, Secret password, String costCenter, URI baseUrl, URI trackingUrl,
                   TcsRates rates, Duration cityListTtl) {

    static TcsSettings from(ProviderConfig config) {
        String base = config.require(BASE_URL).strip();
        return new TcsSettings(config.secret(CLIENT_ID), config.require(USER_NAME).strip(), config.secret(PASSWORD),
                config.require(COST_CENTER).strip(), URI.create(base.endsWith("/") ? base : base + "/"),
                URI.create(config.require(TRACKING_URL).strip()), TcsRates.from(config),
                ConfigType.parseDuration(config.require(CITY_LIST_TTL).strip()));
    }

    @Override
    public String toString() {
        return "TcsSettings[" + baseUrl + ", origin " + rates.originCity() + ", service " + rates.service() + "]";
    }
}
