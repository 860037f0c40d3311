package io.tijarat.spi.shipping;

import io.tijarat.spi.internal.Checks;
import java.util.Optional;

/**
 * What is shipped, as couriers price it. Weight is in whole grams (Leopards wants grams, TCS
 * kilograms: the plugin converts).
 *
 * @param weightGrams the total weight, more than 0
 * @param pieces      the number of pieces, at least 1
 * @param dimensions  the outer size, for couriers that charge by volumetric weight
 */
public record Parcel(int weightGrams, int pieces, Optional<Dimensions> dimensions) {

    public Parcel {
        if (weightGrams <= 0) {
            throw new IllegalArgumentException("weightGrams must be > 0, was " + weightGrams);
        }
        if (pieces < 1) {
            throw new IllegalArgumentException("pieces must be >= 1, was " + pieces);
        }
        Checks.optional(dimensions, "dimensions");
    }

    /** One piece of this weight, size unknown. */
    public static Parcel ofGrams(int weightGrams) {
        return new Parcel(weightGrams, 1, Optional.empty());
    }

    /**
     * Outer size in whole centimetres, each more than 0.
     *
     * @param lengthCm length
     * @param widthCm  width
     * @param heightCm height
     */
    public record Dimensions(int lengthCm, int widthCm, int heightCm) {
        public Dimensions {
            if (lengthCm <= 0 || widthCm <= 0 || heightCm <= 0) {
                throw new IllegalArgumentException("dimensions must be > 0 cm, were " + lengthCm + "x" + widthCm
                        + "x" + heightCm);
            }
        }
    }
}
