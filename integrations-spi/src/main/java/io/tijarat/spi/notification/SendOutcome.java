package io.tijarat.spi.notification;

import io.tijarat.spi.internal.Checks;

/**
 * The gateway's answer to {@link NotificationProvider#send}.
 *
 * <table>
 *   <caption>What each outcome means and what the core does</caption>
 *   <tr><th>outcome</th><th>means</th><th>core</th></tr>
 *   <tr><td>{@link Accepted}</td><td>the gateway took the message (not: the phone received it)</td>
 *       <td>marks it sent; asks for a delivery report where supported</td></tr>
 *   <tr><td>{@link Rejected}</td><td>the gateway refused this message: a number it cannot reach, a
 *       blocked recipient, text it does not accept</td><td>marks it failed; not retried, not a
 *       breaker failure</td></tr>
 *   <tr><td>{@link Unknown}</td><td>it may or may not have gone out</td>
 *       <td>records it as possibly sent and does not resend it: a duplicate costs money and confuses
 *       the customer more than a rare lost message</td></tr>
 * </table>
 *
 * <p>A problem with the account rather than the message — bad credentials, an unregistered sender
 * mask, no credit left (Telenor 200, 103, 100) — is a {@link io.tijarat.spi.PermanentProviderException};
 * a throughput limit (Telenor 304, 305) or an expired session the plugin could not renew is a
 * {@link io.tijarat.spi.TransientProviderException}.
 */
public sealed interface SendOutcome {

    /** @param gatewayMessageId the gateway's id for the message, for delivery reports and support */
    record Accepted(String gatewayMessageId) implements SendOutcome {
        public Accepted {
            Checks.notBlank(gatewayMessageId, "gatewayMessageId");
        }
    }

    /**
     * @param code   the gateway's code, e.g. Telenor {@code "201"}
     * @param reason for staff: what the gateway said
     */
    record Rejected(String code, String reason) implements SendOutcome {
        public Rejected {
            Checks.notBlank(code, "code");
            Checks.notBlank(reason, "reason");
        }
    }

    /** @param detail for staff: what happened */
    record Unknown(String detail) implements SendOutcome {
        public Unknown {
            Checks.notBlank(detail, "detail");
        }
    }
}
