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
 * @param method           the instrument the attempt was paid with, as the core recorded it at checkout
 *                         ({@link PaymentMethod#WALLET}, {@link PaymentMethod#CARD},
 *                         {@link PaymentMethod#VOUCHER}, or {@link PaymentMethod#ANY} when the customer chose on
 *                         the gateway's page); empty when the core does not know it (attempts made before SPI
 *                         1.1 recorded it). A gateway with one refund API per instrument routes by it, and
 *                         answers {@link RefundOutcome.NotSupported} for an instrument it cannot refund.
 * @since 1.1 {@code method}; the six-argument constructor stays for plugins and tests built against 1.0
 */
public record RefundRequest(IdempotencyKey refundId, IdempotencyKey attemptId, Optional<String> gatewayReference,
                            Money amount, Money paidAmount, String reason, Optional<PaymentMethod> method) {

    /** A request without the paying instrument (SPI 1.0's shape). */
    public RefundRequest(IdempotencyKey refundId, IdempotencyKey attemptId, Optional<String> gatewayReference,
                         Money amount, Money paidAmount, String reason) {
        this(refundId, attemptId, gatewayReference, amount, paidAmount, reason, Optional.empty());
    }

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
        Checks.optional(method, "method");
    }

    /** Whether this gives back less than the whole paid amount. */
    public boolean isPartial() {
        return amount.isLessThan(paidAmount);
    }
}
