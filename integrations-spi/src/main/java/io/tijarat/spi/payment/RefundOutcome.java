package io.tijarat.spi.payment;

import io.tijarat.spi.internal.Checks;
import java.util.Optional;

/**
 * The gateway's answer to {@link PaymentProvider#refund}.
 *
 * <table>
 *   <caption>What each outcome means and what the core does</caption>
 *   <tr><th>outcome</th><th>means</th><th>core</th></tr>
 *   <tr><td>{@link Refunded}</td><td>the money is on its way back</td><td>records the refund</td></tr>
 *   <tr><td>{@link Pending}</td><td>accepted, to be completed later (or in the gateway's portal)</td>
 *       <td>shows it as pending until staff confirm it</td></tr>
 *   <tr><td>{@link Declined}</td><td>the gateway refused (window passed, already refunded)</td>
 *       <td>shows the reason to staff; not retried</td></tr>
 *   <tr><td>{@link Unknown}</td><td>it may or may not have happened</td>
 *       <td>sends it again with the same key only if the provider declares
 *       {@link PaymentCapability#IDEMPOTENT_REFUND}; otherwise hands it to staff</td></tr>
 * </table>
 */
public sealed interface RefundOutcome {

    /** @param gatewayReference the gateway's id for the refund */
    record Refunded(String gatewayReference) implements RefundOutcome {
        public Refunded {
            Checks.notBlank(gatewayReference, "gatewayReference");
        }
    }

    /** @param gatewayReference the gateway's id for the refund, if it issued one */
    record Pending(Optional<String> gatewayReference) implements RefundOutcome {
        public Pending {
            Checks.optional(gatewayReference, "gatewayReference");
        }
    }

    /**
     * @param code    the gateway's code
     * @param message for staff: what the gateway said
     */
    record Declined(String code, String message) implements RefundOutcome {
        public Declined {
            Checks.notBlank(code, "code");
            Checks.notBlank(message, "message");
        }
    }

    /** @param detail for staff: what happened */
    record Unknown(String detail) implements RefundOutcome {
        public Unknown {
            Checks.notBlank(detail, "detail");
        }
    }
}
