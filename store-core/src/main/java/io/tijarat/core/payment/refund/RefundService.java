package io.tijarat.core.payment.refund;

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
     * Refunds {@code amountMinor} of the order's payment {@code attemptId} through its payment provider, or —
     * with {@code manual} — records that staff paid it back themselves. Without {@code attemptId}, the order's
     * only approved payment; an order with several is refused as ambiguous (422 on {@code attemptId}). A
     * provider that cannot refund this amount is refused with a 422 that tells staff to confirm a manual refund
     * instead; one that has no refund API for the instrument that paid (it answers NotSupported) leaves the
     * refund waiting for staff.
     */
    public RefundView refund(String orderId, String attemptId, long amountMinor, String reason, boolean manual,
                             String actor, String idempotencyRecordId) {
        if (reason == null || reason.isBlank() || reason.length() > 300) {
            throw InvalidRequestException.invalid("reason", "is required, at most 300 characters");
        }
        RefundLedger.Target target = ledger.target(orderId);
        Money amount = Money.of(amountMinor, target.paid().currency());
        if (manual) {
            return ledger.view(ledger.open(orderId, attemptId, amount, false, reason.strip(), actor, idempotencyRecordId)
                    .refund().id());
        }
        if (attemptId != null && (attemptId.isBlank() || attemptId.length() > 20)) {
            throw InvalidRequestException.invalid("attemptId", "must be a payment attempt id (20 characters)");
        }
        boolean partial = amount.isLessThan(target.paid());
        boolean supported = payments.descriptor(target.providerId())
                .map(d -> d.supports(PaymentCapability.REFUND) && (!partial || d.supports(PaymentCapability.PARTIAL_REFUND)))
                .orElse(false);
        if (!supported) {
            throw InvalidRequestException.unprocessable("manual", target.providerId() + " cannot refund "
                    + (partial ? "part of a payment" : "this payment") + "; pay the customer back and record it with manual=true");
        }
        RefundLedger.Opened opened = ledger.open(orderId, attemptId, amount, true, reason.strip(), actor, idempotencyRecordId);
        Refund refund = opened.refund();
        var attempt = opened.attempt().orElseThrow();
        var request = new RefundRequest(refund.key(), attempt.key(), Optional.ofNullable(attempt.gatewayReference()),
                amount, opened.paid(), refund.reason(), attempt.method());
        try {
            RefundOutcome outcome = payments.refund(refund.providerId(), request);
            return ledger.record(refund.id(), outcome);
        } catch (ProviderUnavailableException e) {
            return ledger.notSent(refund.id(), e.getMessage());
        }
    }

    /**
     * An admin resolves a refund the provider did not settle: {@code outcome} {@code succeeded} with the
     * reference of the money sent back (the gateway's refund id or the bank's), or {@code failed} (the amount is
     * free again). {@code reason} is required: it is the audit record, with the admin and the time.
     */
    public RefundView resolve(String refundId, String outcome, String gatewayReference, String reason, String actor,
                              String idempotencyRecordId) {
        RefundLedger.Resolution resolution;
        if ("succeeded".equals(outcome)) {
            resolution = RefundLedger.Resolution.SUCCEEDED;
        } else if ("failed".equals(outcome)) {
            resolution = RefundLedger.Resolution.FAILED;
        } else {
            throw InvalidRequestException.invalid("outcome", "must be succeeded or failed");
        }
        if (reason == null || reason.isBlank() || reason.length() > 300) {
            throw InvalidRequestException.invalid("reason", "is required, at most 300 characters");
        }
        String reference = gatewayReference == null ? null : gatewayReference.strip();
        if (resolution == RefundLedger.Resolution.SUCCEEDED && (reference == null || reference.isEmpty())) {
            throw InvalidRequestException.invalid("gatewayReference", "is required for a refund that succeeded: the"
                    + " provider's (or the bank's) reference of the money sent back");
        }
        if (reference != null && reference.length() > 100) {
            throw InvalidRequestException.invalid("gatewayReference", "must be at most 100 characters");
        }
        if (resolution == RefundLedger.Resolution.FAILED && reference != null && !reference.isEmpty()) {
            throw InvalidRequestException.invalid("gatewayReference", "is only for a refund that succeeded");
        }
        return ledger.resolve(refundId, resolution, reference, reason.strip(), actor, idempotencyRecordId);
    }
}
