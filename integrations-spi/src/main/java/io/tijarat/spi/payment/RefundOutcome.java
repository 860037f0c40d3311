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
 *       {@link PaymentCapability#IDEMPOTENT_REFUND}; otherwise asks {@link PaymentProvider#refundStatus}
 *       and, where the gateway cannot be asked, hands it to staff</td></tr>
 *   <tr><td>{@link NotSupported}</td><td>the gateway has no refund API for this payment (its instrument, e.g.
 *       an over-the-counter voucher), or — from {@link PaymentProvider#refundStatus} — cannot be asked about
 *       this refund; nothing was sent</td>
 *       <td>the refund waits for staff, holding its amount, until an admin resolves it as succeeded (with the
 *       reference of the money sent back) or failed</td></tr>
 * </table>
 *
 * <p>{@link PaymentProvider#refundStatus} answers with the same outcomes: {@code Refunded} (done),
 * {@code Pending} (still being processed: asked again later), {@code Declined} (it failed: no money moved),
 * {@code Unknown} (the gateway gave no usable answer: asked again later), {@code NotSupported} (cannot be
 * asked).
 *
 * @since 1.1 {@link NotSupported}
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

    /**
     * The gateway offers no refund API for this payment, or cannot be asked about a refund: nothing was
     * sent. Not a failure of the gateway (it does not count against the breaker).
     *
     * @param reason for staff: why, e.g. "JazzCash has no refund API for over-the-counter vouchers"
     * @since 1.1
     */
    record NotSupported(String reason) implements RefundOutcome {
        public NotSupported {
            Checks.notBlank(reason, "reason");
        }
    }
}
