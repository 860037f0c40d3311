package io.tijarat.core.cart;

import java.util.List;

/** A cart as the storefront shows it, with totals before shipping. */
public record CartView(String id, String currency, boolean checkedOut, List<Line> lines,
                       long subtotalMinor, long taxMinor, long totalBeforeShippingMinor, int weightGrams) {

    /** One line priced at the catalog's current price. */
    public record Line(String sku, String title, long unitPriceMinor, int quantity, long lineTotalMinor,
                       int weightGrams, boolean inStock) {
    }
}
