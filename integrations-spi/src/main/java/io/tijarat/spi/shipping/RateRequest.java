package io.tijarat.spi.shipping;

import io.tijarat.spi.Money;
import io.tijarat.spi.internal.Checks;
import java.util.Optional;

/**
 * What the courier would charge to carry a parcel. A read: it books nothing. For a cash-on-delivery request, quote
 * only the services that collect cash at the destination (none: an empty list), since checkout offers what you
 * quote. The core asks only couriers that declare {@link ShippingCapability#COD} for COD orders.
 *
 * @param originCity      where it ships from; empty for the shop's default pickup address at the
 *                        courier
 * @param destinationCity where it goes, as the shop knows the city
 * @param parcel          what is shipped
 * @param codAmount       the amount to collect on delivery, in whole rupees, for a cash-on-delivery order
 *                        (couriers charge for handling cash); empty for a prepaid order, which must not be
 *                        quoted a cash-handling fee. Positive
 */
public record RateRequest(Optional<String> originCity, String destinationCity, Parcel parcel,
                          Optional<Money> codAmount) {

    public RateRequest {
        Checks.optional(originCity, "originCity");
        Checks.notBlank(destinationCity, "destinationCity");
        Checks.notNull(parcel, "parcel");
        Checks.optional(codAmount, "codAmount");
        if (codAmount.isPresent() && !codAmount.get().isPositive()) {
            throw new IllegalArgumentException("codAmount must be positive when present; use Optional.empty() for"
                    + " prepaid, was " + codAmount.get());
        }
        if (codAmount.isPresent() && !codAmount.get().isWhole()) {
            throw new IllegalArgumentException("codAmount must be whole rupees (couriers collect no paisa), was "
                    + codAmount.get());
        }
    }

    /** Whether the order is paid in cash on delivery (so the courier's cash-handling fee applies). */
    public boolean cashOnDelivery() {
        return codAmount.isPresent();
    }
}
