package io.tijarat.spi.shipping;

import io.tijarat.spi.internal.Checks;
import java.util.Optional;

/**
 * Whether a courier serves a city, as the answer to {@link ShippingProvider#coverage}. Couriers name
 * cities their own way ("Rawalpindi", "RAWALPINDI", a numeric id); the plugin matches the shop's
 * city name to the courier's list and reports the courier's name for it.
 *
 * @param city           the city as asked
 * @param courierCity    the courier's name or id for it, if the courier knows the city
 * @param pickup         whether the courier picks up from there (an origin)
 * @param delivery       whether the courier delivers there (a destination)
 * @param cashOnDelivery whether the courier collects cash on delivery there
 */
public record CityCoverage(String city, Optional<String> courierCity, boolean pickup, boolean delivery,
                           boolean cashOnDelivery) {

    public CityCoverage {
        Checks.notBlank(city, "city");
        Checks.optional(courierCity, "courierCity");
        if (courierCity.isEmpty() && (pickup || delivery || cashOnDelivery)) {
            throw new IllegalArgumentException("a city the courier serves needs the courier's name for it");
        }
        if (cashOnDelivery && !delivery) {
            throw new IllegalArgumentException("cash on delivery needs delivery to " + city);
        }
    }

    /** The courier does not know the city. */
    public static CityCoverage notCovered(String city) {
        return new CityCoverage(city, Optional.empty(), false, false, false);
    }
}
