package io.tijarat.core.checkout;

import io.tijarat.spi.shipping.RateRequest;
import java.util.Locale;

/**
 * What a courier's quote depends on, as far as checkout reuses it: the route, the weight slab, and whether the
 * order is cash on delivery (a prepaid order pays no cash-handling fee) with its COD amount band. Two requests
 * with one key get the same quotes for the quote's validity; a quote is asked for with the request's own figures.
 *
 * @param providerId  the courier
 * @param origin      the origin city, lower case; empty for the shop's default pickup address
 * @param destination the destination city, lower case
 * @param slabGrams   the weight rounded up to the slab (500 g by default: Pakistani couriers price by half kilo)
 * @param codBand     0 for prepaid; for COD, the amount rounded up to the band (Rs 1,000 by default), because a
 *                    cash-handling fee is often a share of the amount
 */
public record RateKey(String providerId, String origin, String destination, int slabGrams, long codBand) {

    static RateKey of(String providerId, RateRequest request, int slabGrams, long codBandRupees) {
        int slab = (int) Math.min(Integer.MAX_VALUE, ceil(request.parcel().weightGrams(), slabGrams));
        long band = request.codAmount().map(cod -> Math.max(1, ceil(cod.wholeUnits(), codBandRupees))).orElse(0L);
        return new RateKey(providerId, request.originCity().map(c -> c.strip().toLowerCase(Locale.ROOT)).orElse(""),
                request.destinationCity().strip().toLowerCase(Locale.ROOT), slab, band);
    }

    private static long ceil(long value, long step) {
        return step <= 1 ? value : ((value + step - 1) / step) * step;
    }

    /** The key as stored with the last known rate: at most 190 characters. */
    String stored() {
        String text = origin + ">" + destination + "|" + slabGrams + "g|" + (codBand == 0 ? "prepaid" : "cod" + codBand);
        return text.length() <= 190 ? text : text.substring(0, 190);
    }
}
