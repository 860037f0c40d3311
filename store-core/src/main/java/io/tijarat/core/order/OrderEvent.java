package io.tijarat.core.order;

/** The order events customers (and the merchant) hear about. */
public enum OrderEvent {
    ORDER_PLACED,
    /**
     * A cash-on-delivery order waits for the customer's confirmation; with {@code tijarat.cod.confirm-by-reply} the
     * customer is asked by SMS to reply 1 to confirm or 2 to cancel.
     */
    COD_CONFIRMATION_REQUESTED,
    ORDER_PAID,
    PAYMENT_FAILED,
    ORDER_CANCELLED,
    ORDER_REFUNDED,
    /** Picked up by the courier: the message carries the courier, the tracking number and a tracking link. */
    ORDER_SHIPPED,
    ORDER_DELIVERED
}
