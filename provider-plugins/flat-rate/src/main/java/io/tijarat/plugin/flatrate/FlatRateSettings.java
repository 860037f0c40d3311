package io.tijarat.plugin.flatrate;

import io.tijarat.spi.ProviderConfig;
import java.util.EnumMap;
import java.util.Map;

/**
 * The operator's tariff, read and checked once at start-up: a typo stops the provider with a message
 * naming the key, instead of quoting a wrong price at checkout.
 *
 * @param zones    which city is in which zone
 * @param tariffs  the prices in each zone
 * @param days     the delivery estimate in each zone
 */
record FlatRateSettings(CityZones zones, Map<Zone, Tariff> tariffs, Map<Zone, DeliveryDays> days) {

    FlatRateSettings {
        tariffs = Map.copyOf(tariffs);
        days = Map.copyOf(days);
    }

    static FlatRateSettings from(ProviderConfig config) {
        CityZones zones = CityZones.parse(
                config.keyFor(FlatRateProviderFactory.zoneKey(Zone.LOCAL)),
                config.require(FlatRateProviderFactory.zoneKey(Zone.LOCAL)),
                config.keyFor(FlatRateProviderFactory.zoneKey(Zone.MAJOR)),
                config.require(FlatRateProviderFactory.zoneKey(Zone.MAJOR)));
        Map<Zone, Tariff> tariffs = new EnumMap<>(Zone.class);
        Map<Zone, DeliveryDays> days = new EnumMap<>(Zone.class);
        for (Zone zone : Zone.values()) {
            String ratesKey = FlatRateProviderFactory.ratesKey(zone);
            String daysKey = FlatRateProviderFactory.daysKey(zone);
            tariffs.put(zone, Tariff.parse(config.keyFor(ratesKey), config.require(ratesKey)));
            days.put(zone, DeliveryDays.parse(config.keyFor(daysKey), config.require(daysKey)));
        }
        return new FlatRateSettings(zones, tariffs, days);
    }
}
