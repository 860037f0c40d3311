package io.tijarat.plugin.tcs;

import static io.tijarat.plugin.tcs.TcsProviderFactory.BASE_URL;
import static io.tijarat.plugin.tcs.TcsProviderFactory.CITY_LIST_TTL;
import static io.tijarat.plugin.tcs.TcsProviderFactory.CLIENT_ID;
import static io.tijarat.plugin.tcs.TcsProviderFactory.COD_FEE_PERCENT;
import static io.tijarat.plugin.tcs.TcsProviderFactory.COST_CENTER;
import static io.tijarat.plugin.tcs.TcsProviderFactory.FUEL_PERCENT;
import static io.tijarat.plugin.tcs.TcsProviderFactory.GST_PERCENT;
import static io.tijarat.plugin.tcs.TcsProviderFactory.ORIGIN_CITY;
import static io.tijarat.plugin.tcs.TcsProviderFactory.PASSWORD;
import static io.tijarat.plugin.tcs.TcsProviderFactory.RATES_OTHER;
import static io.tijarat.plugin.tcs.TcsProviderFactory.RATES_SAME_CITY;
import static io.tijarat.plugin.tcs.TcsProviderFactory.SERVICE;
import static io.tijarat.plugin.tcs.TcsProviderFactory.TRACKING_URL;
import static io.tijarat.plugin.tcs.TcsProviderFactory.USER_NAME;

import io.tijarat.spi.ConfigType;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.ProviderConfig;
import io.tijarat.spi.Secret;
import io.tijarat.spi.geo.PakistanCities;
import java.net.URI;
import java.time.Duration;

/** The plugin's settings, checked once at {@code create}. */
record TcsSettings(Secret clientId, String userName, Secret password, String costCenter, URI baseUrl, URI trackingUrl,
                   String originCity, String service, TcsTariff sameCity, TcsTariff otherCities, int codFeePercent,
                   int fuelPercent, int gstPercent, Duration cityListTtl) {

    static TcsSettings from(ProviderConfig config) {
        String base = config.require(BASE_URL).strip();
        String origin = config.require(ORIGIN_CITY).strip();
        String canonical = PakistanCities.get().canonical(origin).orElseThrow(() -> new PermanentProviderException(
                config.keyFor(ORIGIN_CITY) + " is not a Pakistani city we know: '" + origin + "'"));
        return new TcsSettings(config.secret(CLIENT_ID), config.require(USER_NAME).strip(), config.secret(PASSWORD),
                config.require(COST_CENTER).strip(), URI.create(base.endsWith("/") ? base : base + "/"),
                URI.create(config.require(TRACKING_URL).strip()), canonical, config.require(SERVICE).strip(),
                tariff(config, RATES_SAME_CITY), tariff(config, RATES_OTHER),
                Integer.parseInt(config.require(COD_FEE_PERCENT).strip()),
                Integer.parseInt(config.require(FUEL_PERCENT).strip()),
                Integer.parseInt(config.require(GST_PERCENT).strip()),
                ConfigType.parseDuration(config.require(CITY_LIST_TTL).strip()));
    }

    private static TcsTariff tariff(ProviderConfig config, String name) {
        try {
            return TcsTariff.parse(config.require(name));
        } catch (IllegalArgumentException e) {
            throw new PermanentProviderException(config.keyFor(name) + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "TcsSettings[" + baseUrl + ", origin " + originCity + ", service " + service + "]";
    }
}
