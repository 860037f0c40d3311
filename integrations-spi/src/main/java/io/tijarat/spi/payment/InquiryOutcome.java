package io.tijarat.spi.payment;

import io.tijarat.spi.Money;
import io.tijarat.spi.internal.Checks;
import java.util.Optional;

/**
 * What the gateway says about an attempt: the answer to {@link PaymentProvider#inquire}, and the
 * status a verified callback reports ({@link CallbackOutcome.Verified#status()}).
 *
 * <table>
 *   <caption>What each outcome means and what the core does</caption>
 *   <tr><th>outcome</th><th>means</th><th>core</th></tr>
 *   <tr><td>{@link Paid}</td><td>the money is taken</td><td>marks the attempt paid, if the amount
 *       matches; flags it for staff if not</td></tr>
 *   <tr><td>{@link Failed}</td><td>it will never be paid: failed, expired, cancelled, reversed</td>
 *       <td>marks the attempt failed</td></tr>
 *   <tr><td>{@link Pending}</td><td>still waiting for the customer</td>
 *       <td>asks again later, until the attempt expires</td></tr>
 *   <tr><td>{@link NotFound}</td><td>the gateway has no record of the attempt</td>
 *       <td>asks again until the attempt expires (gateways lag), then treats it as never made</td></tr>
 *   <tr><td>{@link Unknown}</td><td>the gateway answered, but not in a way that settles it</td>
 *       <td>asks again later; escalates to staff after the attempt expires</td></tr>
 * </table>
 *
 * <p>Read the whole answer: EasyPaisa reports {@code responseCode 0000} with
 * {@code transactionStatus FAILED}. As a guide, JazzCash {@code Completed} is Paid, {@code Pending} is
 * Pending, {@code Failed} and {@code Dropped} are Failed; EasyPaisa {@code PAID} is Paid,
 * {@code PENDING} is Pending, {@code FAILED}, {@code EXPIRED}, {@code BLOCKED} and {@code REVERSED}
 * are Failed. No answer at all is a {@code TransientProviderException}, not {@code Unknown}.
 */
public sealed interface InquiryOutcome {

    /**
     * @param gatewayReference the gateway's id for the transaction
     * @param amount           the amount the gateway reports as paid
     */
    record Paid(String gatewayReference, Money amount) implements InquiryOutcome {
        public Paid {
            Checks.notBlank(gatewayReference, "gatewayReference");
            Checks.notNull(amount, "amount");
            if (!amount.isPositive()) {
                throw new IllegalArgumentException("amount must be positive, was " + amount);
            }
        }
    }

    /**
     * @param code    the gateway's status or code, e.g. {@code "EXPIRED"}, {@code "123"}
     * @param message for staff: what the gateway said
     */
    record Failed(String code, String message) implements InquiryOutcome {
        public Failed {
            Checks.notBlank(code, "code");
            Checks.notBlank(message, "message");
        }
    }

    /** @param gatewayReference the gateway's id for the transaction, if known */
    record Pending(Optional<String> gatewayReference) implements InquiryOutcome {
        public Pending {
            Checks.optional(gatewayReference, "gatewayReference");
        }
    }

    /** The gateway does not know the attempt. */
    record NotFound() implements InquiryOutcome {
    }

    /** @param detail for staff: what the gateway said that could not be mapped */
    record Unknown(String detail) implements InquiryOutcome {
        public Unknown {
            Checks.notBlank(detail, "detail");
        }
    }
}
