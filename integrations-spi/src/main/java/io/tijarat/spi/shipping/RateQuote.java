package io.tijarat.spi.shipping;

import io.tijarat.spi.Money;
import io.tijarat.spi.internal.Checks;
import java.time.Duration;
import java.util.Optional;

/**
 * One service's price for a {@link RateRequest}. Checkout asks for rates often, and couriers limit
 * calls, so each quote says how long it stays valid; the core caches it that long and no longer.
 *
 * @param serviceCode the courier's service, passed back in {@link ShipmentRequest#serviceCode()},
 *                    e.g. {@code "OVERNIGHT"}, {@code "O"}
 * @param serviceName the name the shop's customer sees, e.g. "Overnight"
 * @param charge      the total the courier charges, taxes and surcharges included; not negative
 * @param cacheFor    how long the core may reuse this quote for the same request; zero for not at all
 * @param transitTime the usual time to deliver, if the courier says
 */
public record RateQuote(String serviceCode, String serviceName, Money charge, Duration cacheFor,
                        Optional<Duration> transitTime) {

    public RateQuote {
        Checks.notBlank(serviceCode, "serviceCode", 40);
        Checks.notBlank(serviceName, "serviceName");
        Checks.notNull(charge, "charge");
        if (charge.isNegative()) {
            throw new IllegalArgumentException("charge must not be negative, was " + charge);
        }
        Checks.notNegative(cacheFor, "cacheFor");
        Checks.optional(transitTime, "transitTime");
        transitTime.ifPresent(time -> Checks.positive(time, "transitTime"));
    }
}
