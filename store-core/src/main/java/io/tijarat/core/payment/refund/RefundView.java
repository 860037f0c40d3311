package io.tijarat.core.payment.refund;

import java.time.Instant;

/**
 * A refund as staff see it, with the order's state after it. {@code attemptId} is the payment it gives back
 * (null for a manual refund of an order paid offline); {@code resolvedBy}, {@code resolvedAt} and
 * {@code resolutionNote} record an admin's resolution of a refund the provider did not settle.
 */
public record RefundView(String id, String orderId, String attemptId, long amountMinor, String currency, String status,
                         boolean manual, String gatewayReference, String message, String orderStatus,
                         long orderRefundedMinor, String resolvedBy, Instant resolvedAt, String resolutionNote) {
}
