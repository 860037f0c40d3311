package io.tijarat.spi.shipping;

import io.tijarat.spi.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Delivery charges by weight, as a merchant's courier agreement lists them, for couriers that publish no rates API
 * (TCS, PostEx): {@code 500:15000,1000:18000,+1000:6000} means Rs 150 up to 500 g, Rs 180 up to 1 kg, and Rs 60 for
 * each further kg or part of one. Money in paisa. Immutable; parse it once from the plugin's setting (a
 * {@link IllegalArgumentException} names what is wrong, for the plugin to report as a permanent configuration error).
 * Since SPI 1.5.
 */
public final class WeightTariff {

    /** How the setting is written, for the plugin's property description. */
    public static final String FORMAT = "grams:paisa pairs in increasing weight, e.g. 500:15000,1000:18000,+1000:6000"
            + " (Rs 150 up to 500 g, Rs 180 up to 1 kg, Rs 60 for each further kg or part)";

    private final List<long[]> slabs;
    private final long stepGrams;
    private final long stepPaisa;

    private WeightTariff(List<long[]> slabs, long stepGrams, long stepPaisa) {
        this.slabs = slabs;
        this.stepGrams = stepGrams;
        this.stepPaisa = stepPaisa;
    }

    /** @throws IllegalArgumentException saying what is wrong with {@code text} */
    public static WeightTariff parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no weight slab; " + FORMAT);
        }
        List<long[]> slabs = new ArrayList<>();
        long stepGrams = 0;
        long stepPaisa = 0;
        for (String part : text.split(",")) {
            String p = part.strip();
            String[] kv = p.replace("+", "").split(":");
            if (kv.length != 2) {
                throw new IllegalArgumentException("'" + p + "' is not grams:paisa; " + FORMAT);
            }
            long grams;
            long paisa;
            try {
                grams = Long.parseLong(kv[0].strip());
                paisa = Long.parseLong(kv[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + p + "' is not grams:paisa; " + FORMAT);
            }
            if (grams <= 0 || paisa < 0) {
                throw new IllegalArgumentException("'" + p + "': grams must be > 0 and paisa >= 0");
            }
            if (p.startsWith("+")) {
                stepGrams = grams;
                stepPaisa = paisa;
            } else {
                if (!slabs.isEmpty() && slabs.get(slabs.size() - 1)[0] >= grams) {
                    throw new IllegalArgumentException("weights must increase: " + text);
                }
                slabs.add(new long[] {grams, paisa});
            }
        }
        if (slabs.isEmpty()) {
            throw new IllegalArgumentException("no weight slab; " + FORMAT);
        }
        return new WeightTariff(List.copyOf(slabs), stepGrams, stepPaisa);
    }

    /** The delivery charge for a parcel of {@code grams}; empty when it is heavier than the tariff covers. */
    public Optional<Money> charge(int grams) {
        for (long[] slab : slabs) {
            if (grams <= slab[0]) {
                return Optional.of(Money.pkr(slab[1]));
            }
        }
        if (stepGrams == 0) {
            return Optional.empty();
        }
        long[] last = slabs.get(slabs.size() - 1);
        long steps = (grams - last[0] + stepGrams - 1) / stepGrams;
        return Optional.of(Money.pkr(last[1] + steps * stepPaisa));
    }
}
