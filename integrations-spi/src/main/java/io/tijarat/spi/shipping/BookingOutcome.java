package io.tijarat.spi.shipping;

import io.tijarat.spi.internal.Checks;
import java.util.Optional;

/**
 * The courier's answer to {@link ShippingProvider#book}.
 *
 * <table>
 *   <caption>What each outcome means and what the core does</caption>
 *   <tr><th>outcome</th><th>means</th><th>core</th></tr>
 *   <tr><td>{@link Booked}</td><td>the courier has the shipment and a tracking number</td>
 *       <td>records it, prints the label, starts tracking</td></tr>
 *   <tr><td>{@link Rejected}</td><td>the courier refused this shipment: a city it does not serve, a
 *       phone number it does not accept, a COD amount over its limit</td>
 *       <td>shows the reason to staff to correct and book again (a new key). Not retried, not a
 *       breaker failure</td></tr>
 *   <tr><td>{@link Unknown}</td><td>it may or may not be booked</td>
 *       <td>settles it with {@link ShippingProvider#findBooking} where supported, else asks staff to
 *       check the courier's portal; never books blindly again. Counts against the breaker</td></tr>
 * </table>
 */
public sealed interface BookingOutcome {

    /**
     * @param trackingNumber    the consignment number the courier tracks it by
     * @param courierReference  the courier's other id for the booking, if it has one
     * @param label             the label, if the booking answer carries it
     */
    record Booked(String trackingNumber, Optional<String> courierReference, Optional<ShippingLabel> label)
            implements BookingOutcome {
        public Booked {
            Checks.notBlank(trackingNumber, "trackingNumber", 64);
            Checks.optional(courierReference, "courierReference");
            Checks.optional(label, "label");
        }
    }

    /**
     * @param code    the courier's code, or a short one of the plugin's making
     * @param message for staff: what to correct
     */
    record Rejected(String code, String message) implements BookingOutcome {
        public Rejected {
            Checks.notBlank(code, "code");
            Checks.notBlank(message, "message");
        }
    }

    /** @param detail for staff: what happened */
    record Unknown(String detail) implements BookingOutcome {
        public Unknown {
            Checks.notBlank(detail, "detail");
        }
    }
}
