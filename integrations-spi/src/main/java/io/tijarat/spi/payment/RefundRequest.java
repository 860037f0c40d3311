package io.tijarat.spi.payment;

import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.internal.Checks;
import java.util.Optional;

/**
 * Gives back all or part of a paid attempt.
 *
 * <p><b>Idempotency.</b> {@link #refundId()} identifies this refund; the plugin sends it to the
 * gateway wherever the gateway takes a refund reference. Where the gateway keys refunds by the
 * original transaction only (JazzCash wallet refunds use the original {@code pp_TxnRefNo}), a repeat
 * may refund twice: such a provider must not declare {@link PaymentCapability#IDEMPOTENT_REFUND}.
 *
 * @param refundId         this refund's id and idempotency key
 * @param attemptId        the paid attempt being refunded
 * @param gatewayReference the gateway's id for the paid transaction, if known
 * @param amount           how much to give back; positive, at most {@code paidAmount}
 * @param paidAmount       what the attempt paid; the core makes sure all refunds together stay within
 *                         it
 * @param reason           why, for the gateway's records; no personal data
 */
public record RefundRequest(IdempotencyKey refundId, IdempotencyKey attemptId, Optional<String> gatewayReference,
                            Money amount, Money paidAmount, String reason) {

    public RefundRequest {
        Checks.notNull(refundId, "refundId");
        Checks.notNull(attemptId, "attemptId");
        if (refundId.equals(attemptId)) {
            throw new IllegalArgumentException("refundId must differ from attemptId: a refund is its own operation");
        }
        Checks.optional(gatewayReference, "gatewayReference");
        Checks.notNull(amount, "amount");
        Checks.notNull(paidAmount, "paidAmount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("refund amount must be positive, was " + amount);
        }
        if (amount.isGreaterThan(paidAmount)) {
            throw new IllegalArgumentException("refund amount " + amount + " exceeds the paid amount " + paidAmount);
        }
        Checks.notBlank(reason, "reason");
    }

    /** Whether this gives back less than the whole paid amount. */
    public boolean isPartial() {
        return amount.isLessThan(paidAmount);
    }
}
