package io.tijarat.plugin.postex;

import io.tijarat.spi.shipping.WeightTariff;
import static io.tijarat.plugin.postex.PostExProviderFactory.BASE_URL;
import static io.tijarat.plugin.postex.PostExProviderFactory.CITY_LIST_TTL;
import static io.tijarat.plugin.postex.PostExProviderFactory.COD_FEE_PERCENT;
import static io.tijarat.plugin.postex.PostExProviderFactory.FUEL_PERCENT;
import static io.tijarat.plugin.postex.PostExProviderFactory.GST_PERCENT;
import static io.tijarat.plugin.postex.PostExProviderFactory.ORIGIN_CITY;
import static io.tijarat.plugin.postex.PostExProviderFactory.PICKUP_ADDRESS_CODE;
import static io.tijarat.plugin.postex.PostExProviderFactory.RATES_OTHER;
import static io.tijarat.plugin.postex.PostExProviderFactory.RATES_SAME_CITY;
import static io.tijarat.plugin.postex.PostExProviderFactory.STORE_ADDRESS_CODE;
import static io.tijarat.plugin.postex.PostExProviderFactory.TOKEN;

import io.tijarat.spi.ConfigType;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.ProviderConfig;
import io.tijarat.spi.Secret;
import io.tijarat.spi.geo.PakistanCities;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The plugin's settings, read and checked once at {@code create}; a bad value names its full key. */
record PostExSettings(Secret token, URI baseUrl, Optional<String> pickupAddressCode, Optional<String> storeAddressCode,
                      String originCity, WeightTariff sameCity, WeightTariff otherCities, int codFeePercent,
                      int fuelPercent, int gstPercent, Duration cityListTtl) {

    static PostExSettings from(ProviderConfig config) {
        String base = config.require(BASE_URL).strip();
        URI baseUrl = URI.create(base.endsWith("/") ? base : base + "/");
        String origin = config.require(ORIGIN_CITY).strip();
        String canonicalOrigin = PakistanCities.get().canonical(origin).orElseThrow(() -> new PermanentProviderException(
                config.keyFor(ORIGIN_CITY) + " is not a Pakistani city we know: '" + origin + "'"));
        return new PostExSettings(config.secret(TOKEN), baseUrl,
                config.get(PICKUP_ADDRESS_CODE).map(String::strip).filter(v -> !v.isEmpty()),
                config.get(STORE_ADDRESS_CODE).map(String::strip).filter(v -> !v.isEmpty()),
                canonicalOrigin,
                tariff(config, RATES_SAME_CITY), tariff(config, RATES_OTHER),
                Integer.parseInt(config.require(COD_FEE_PERCENT).strip()),
                Integer.parseInt(config.require(FUEL_PERCENT).strip()),
                Integer.parseInt(config.require(GST_PERCENT).strip()),
                ConfigType.parseDuration(config.require(CITY_LIST_TTL).strip()));
    }

    private static WeightTariff tariff(ProviderConfig config, String name) {
        try {
            return WeightTariff.parse(config.require(name));
        } catch (IllegalArgumentException e) {
            throw new PermanentProviderException(config.keyFor(name) + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "PostExSettings[" + baseUrl + ", origin " + originCity + "]";
    }
}
