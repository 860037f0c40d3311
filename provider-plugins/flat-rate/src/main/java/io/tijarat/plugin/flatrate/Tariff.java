package io.tijarat.plugin.flatrate;

import io.tijarat.spi.Money;
import io.tijarat.spi.PermanentProviderException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One zone's prices by weight: slabs ("up to 500 g: Rs 150") and, optionally, a charge for each further
 * step of weight (or part of one) above the last slab. Written in configuration as
 * {@code 500:15000,1000:20000,3000:35000,+1000:10000} — grams:paisa, in increasing weight. Money is in
 * paisa throughout; there is no floating point. Immutable and thread-safe.
 *
 * @param slabs the slabs, by increasing weight and non-decreasing price; at least one
 * @param step  the charge per further step above the last slab; without it, heavier parcels are not carried
 */
record Tariff(List<Slab> slabs, Optional<Step> step) {

    /**
     * One weight band.
     *
     * @param upToGrams the heaviest parcel this slab covers
     * @param paisa     its price
     */
    record Slab(int upToGrams, long paisa) {
    }

    /**
     * The charge for weight above the last slab.
     *
     * @param grams the size of one further step
     * @param paisa the price of each step, or part of one
     */
    record Step(int grams, long paisa) {
    }

    static final String FORMAT = "grams:paisa slabs in increasing weight, optionally ending with +grams:paisa"
            + " charged per further step, e.g. 500:15000,1000:20000,3000:35000,+1000:10000";

    private static final Pattern ENTRY = Pattern.compile("(\\d{1,7}):(\\d{1,12})");

    Tariff {
        slabs = List.copyOf(slabs);
    }

    /**
     * Reads a tariff.
     *
     * @param key the full configuration key, for messages
     * @throws PermanentProviderException naming the key and the problem
     */
    static Tariff parse(String key, String text) {
        List<Slab> slabs = new ArrayList<>();
        Step step = null;
        String[] entries = text.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            boolean further = entry.startsWith("+");
            if (further && i != entries.length - 1) {
                throw invalid(key, "the +grams:paisa step must come last");
            }
            Matcher matcher = ENTRY.matcher(further ? entry.substring(1) : entry);
            if (!matcher.matches()) {
                throw invalid(key, "'" + entry + "' is not grams:paisa");
            }
            int grams = Integer.parseInt(matcher.group(1));
            long paisa = Long.parseLong(matcher.group(2));
            if (grams == 0) {
                throw invalid(key, "weights must be more than 0 grams");
            }
            if (further) {
                step = new Step(grams, paisa);
            } else {
                requireAscending(key, slabs, grams, paisa);
                slabs.add(new Slab(grams, paisa));
            }
        }
        if (slabs.isEmpty()) {
            throw invalid(key, "there must be at least one grams:paisa slab");
        }
        return new Tariff(slabs, Optional.ofNullable(step));
    }

    private static void requireAscending(String key, List<Slab> slabs, int grams, long paisa) {
        if (slabs.isEmpty()) {
            return;
        }
        Slab previous = slabs.get(slabs.size() - 1);
        if (grams <= previous.upToGrams()) {
            throw invalid(key, grams + " g does not come after " + previous.upToGrams() + " g");
        }
        if (paisa < previous.paisa()) {
            // Almost certainly a typo: a heavier parcel that ships for less.
            throw invalid(key, "the " + grams + " g slab costs less than the " + previous.upToGrams() + " g slab");
        }
    }

    private static PermanentProviderException invalid(String key, String problem) {
        return new PermanentProviderException(key + " must be " + FORMAT + ": " + problem);
    }

    /** The price of a parcel this heavy, or empty if it is heavier than the table carries. */
    Optional<Money> chargeFor(int grams) {
        for (Slab slab : slabs) {
            if (grams <= slab.upToGrams()) {
                return Optional.of(Money.pkr(slab.paisa()));
            }
        }
        return step.map(further -> {
            Slab last = slabs.get(slabs.size() - 1);
            long steps = ((long) grams - last.upToGrams() + further.grams() - 1) / further.grams();
            return Money.pkr(Math.addExact(last.paisa(), Math.multiplyExact(steps, further.paisa())));
        });
    }
}
