package io.tijarat.core.payment.refund;

import io.tijarat.core.error.InvalidRequestException;
import io.tijarat.core.payment.attempt.AttemptStatus;
import io.tijarat.core.payment.attempt.PaymentAttempt;
import java.util.List;
import java.util.Optional;

/**
 * Which payment of an order a refund gives back. An order can hold two approved payments (the customer paid
 * again after a decline, and the first payment went through after all): a refund must then name the one it
 * refunds, since refunding the wrong one sends money to the wrong wallet or card. With exactly one approved
 * payment, it is that one; with none (an order paid offline), there is none to send back through a gateway.
 */
final class RefundTarget {

    private RefundTarget() {
    }

    /**
     * @param attempts every attempt of the order
     * @param named    the attempt id the request names, or null
     * @throws InvalidRequestException (422, field {@code attemptId}) if the named attempt is not an approved
     *                                 payment of this order, or none is named and more than one could be meant
     */
    static Optional<PaymentAttempt> choose(List<PaymentAttempt> attempts, String named) {
        if (named != null) {
            PaymentAttempt attempt = attempts.stream().filter(a -> a.id().equals(named)).findFirst()
                    .orElseThrow(() -> InvalidRequestException.unprocessable("attemptId", "is not a payment of this order"));
            if (attempt.status() != AttemptStatus.APPROVED) {
                throw InvalidRequestException.unprocessable("attemptId", "payment " + named + " is " + attempt.status()
                        + ": only an approved payment can be refunded");
            }
            return Optional.of(attempt);
        }
        List<PaymentAttempt> approved = attempts.stream().filter(a -> a.status() == AttemptStatus.APPROVED).toList();
        if (approved.size() > 1) {
            throw InvalidRequestException.unprocessable("attemptId", "is required: the refund is ambiguous, the order has "
                    + approved.size() + " approved payments (" + String.join(", ", approved.stream().map(PaymentAttempt::id)
                    .toList()) + "); name the one to refund");
        }
        return approved.stream().findFirst();
    }
}
