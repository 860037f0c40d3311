package io.tijarat.spi.shipping;

import io.tijarat.spi.internal.Checks;

/**
 * The courier's answer to {@link ShippingProvider#cancel}.
 *
 * <table>
 *   <caption>What each outcome means and what the core does</caption>
 *   <tr><th>outcome</th><th>means</th><th>core</th></tr>
 *   <tr><td>{@link Cancelled}</td><td>the booking is void, or already was</td><td>marks it cancelled</td></tr>
 *   <tr><td>{@link Rejected}</td><td>too late (picked up) or not allowed</td>
 *       <td>shows the reason; staff arrange a return instead</td></tr>
 *   <tr><td>{@link Unknown}</td><td>it may or may not be cancelled</td>
 *       <td>tracks the shipment to find out</td></tr>
 * </table>
 */
public sealed interface CancelOutcome {

    /** Cancelled; also the answer for a booking that was already cancelled. */
    record Cancelled() implements CancelOutcome {
    }

    /**
     * @param code    the courier's code, or a short one of the plugin's making
     * @param message for staff
     */
    record Rejected(String code, String message) implements CancelOutcome {
        public Rejected {
            Checks.notBlank(code, "code");
            Checks.notBlank(message, "message");
        }
    }

    /** @param detail for staff: what happened */
    record Unknown(String detail) implements CancelOutcome {
        public Unknown {
            Checks.notBlank(detail, "detail");
        }
    }
}
