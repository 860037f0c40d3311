package io.tijarat.spi.payment;

import io.tijarat.spi.internal.Checks;

/**
 * The gateway's answer to {@link PaymentProvider#voidPayment}.
 *
 * <table>
 *   <caption>What each outcome means and what the core does</caption>
 *   <tr><th>outcome</th><th>means</th><th>core</th></tr>
 *   <tr><td>{@link Voided}</td><td>the attempt can no longer be paid</td><td>marks it cancelled</td></tr>
 *   <tr><td>{@link Declined}</td><td>too late: typically it was paid meanwhile</td>
 *       <td>inquires, and refunds instead if it was paid</td></tr>
 *   <tr><td>{@link Unknown}</td><td>it may or may not have happened</td>
 *       <td>inquires to find out</td></tr>
 * </table>
 */
public sealed interface VoidOutcome {

    /** The attempt is cancelled at the gateway. */
    record Voided() implements VoidOutcome {
    }

    /**
     * @param code    the gateway's code
     * @param message for staff: what the gateway said
     */
    record Declined(String code, String message) implements VoidOutcome {
        public Declined {
            Checks.notBlank(code, "code");
            Checks.notBlank(message, "message");
        }
    }

    /** @param detail for staff: what happened */
    record Unknown(String detail) implements VoidOutcome {
        public Unknown {
            Checks.notBlank(detail, "detail");
        }
    }
}
