package io.tijarat.core.cart;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Cart limits and the tax rate, from configuration ({@code tijarat.cart.*}, {@code tijarat.tax.*}). */
@ApplicationScoped
public class CartSettings {

    @Inject
    @ConfigProperty(name = "tijarat.cart.max-quantity-per-line", defaultValue = "20")
    int maxQuantityPerLine;

    @Inject
    @ConfigProperty(name = "tijarat.cart.max-lines", defaultValue = "30")
    int maxLines;

    /** Tax in basis points of the goods subtotal (1700 = 17 %); 0 when prices already include tax. */
    @Inject
    @ConfigProperty(name = "tijarat.tax.rate-basis-points", defaultValue = "0")
    int taxRateBasisPoints;

    public int maxQuantityPerLine() { return maxQuantityPerLine; }

    public int maxLines() { return maxLines; }

    /** Tax on {@code subtotalMinor}, rounded half up to the minor unit. */
    public long taxOn(long subtotalMinor) {
        return Math.floorDiv(Math.multiplyExact(subtotalMinor, taxRateBasisPoints) + 5_000, 10_000);
    }
}
