package io.tijarat.plugin.tcs;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Delivery charges by weight, as a merchant's TCS agreement lists them: {@code 500:15000,1000:18000,+1000:6000}
 * means Rs 150 up to 500 g, Rs 180 up to 1 kg, and Rs 60 for each further kg or part of one. Money in paisa.
 */
record TcsTariff(List<long[]> slabs, long stepGrams, long stepPaisa) {

    static final String FORMAT = "grams:paisa pairs in increasing weight, e.g. 500:15000,1000:18000,+1000:6000"
            + " (Rs 150 up to 500 g, Rs 180 up to 1 kg, Rs 60 for each further kg or part)";

    static TcsTariff parse(String text) {
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
        return new TcsTariff(List.copyOf(slabs), stepGrams, stepPaisa);
    }

    /** The delivery charge for {@code grams}, in paisa; empty when heavier than the tariff covers. */
    OptionalLong charge(int grams) {
        for (long[] slab : slabs) {
            if (grams <= slab[0]) {
                return OptionalLong.of(slab[1]);
            }
        }
        if (stepGrams == 0) {
            return OptionalLong.empty();
        }
        long[] last = slabs.get(slabs.size() - 1);
        long steps = (grams - last[0] + stepGrams - 1) / stepGrams;
        return OptionalLong.of(last[1] + steps * stepPaisa);
    }
}
