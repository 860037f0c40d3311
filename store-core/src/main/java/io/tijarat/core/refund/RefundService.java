package io.tijarat.core.refund;

import io.tijarat.core.error.InvalidRequestException;
import io.tijarat.core.provider.PaymentProviders;
import io.tijarat.core.provider.ProviderUnavailableException;
import io.tijarat.spi.Money;
import io.tijarat.spi.payment.PaymentCapability;
import io.tijarat.spi.payment.RefundOutcome;
import io.tijarat.spi.payment.RefundRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Refunds an order, fully or partly: through its payment provider when the provider can refund that
 * amount (REFUND, and PARTIAL_REFUND for part of it), otherwise recorded as manual by the staff member
 * who paid the customer back. Persist, call, record — never a transaction across the call.
 */
@ApplicationScoped
public class RefundService {

    @Inject
    RefundLedger ledger;

    @Inject
    PaymentProviders payments;

    /**
     * Refunds {@code amountMinor} of the order through its payment provider, or — with {@code manual} —
     * records that staff paid it back themselves. A provider that cannot refund this amount is refused with
     * a 422 that tells staff to confirm a manual refund instead.
     */
    public RefundView refund(String orderId, long amountMinor, String reason, boolean manual, String actor,
                             String idempotencyRecordId) {
        if (reason == null || reason.isBlank() || reason.length() > 300) {
            throw InvalidRequestException.invalid("reason", "is required, at most 300 characters");
        }
        RefundLedger.Target target = ledger.target(orderId);
        Money amount = Money.of(amountMinor, target.paid().currency());
        if (manual) {
            return ledger.view(ledger.open(orderId, amount, false, reason.strip(), actor, idempotencyRecordId).refund().id());
        }
        boolean partial = amount.isLessThan(target.paid());
        boolean supported = payments.descriptor(target.providerId())
                .map(d -> d.supports(PaymentCapability.REFUND) && (!partial || d.supports(PaymentCapability.PARTIAL_REFUND)))
                .orElse(false);
        if (!supported) {
            throw InvalidRequestException.unprocessable("manual", target.providerId() + " cannot refund "
                    + (partial ? "part of a payment" : "this payment") + "; pay the customer back and record it with manual=true");
        }
        RefundLedger.Opened opened = ledger.open(orderId, amount, true, reason.strip(), actor, idempotencyRecordId);
        Refund refund = opened.refund();
        var attempt = opened.attempt().orElseThrow();
        var request = new RefundRequest(refund.key(), attempt.key(), Optional.ofNullable(attempt.gatewayReference()),
                amount, opened.paid(), refund.reason());
        try {
            RefundOutcome outcome = payments.refund(refund.providerId(), request);
            return ledger.record(refund.id(), outcome);
        } catch (ProviderUnavailableException e) {
            return ledger.notSent(refund.id(), e.getMessage());
        }
    }
}
