package io.tijarat.core.refund;

/** A refund as staff see it, with the order's state after it. */
public record RefundView(String id, String orderId, long amountMinor, String currency, String status, boolean manual,
                         String gatewayReference, String message, String orderStatus, long orderRefundedMinor) {
}
