package io.tijarat.core.order;

/** The order events customers (and the merchant) hear about. */
public enum OrderEvent {
    ORDER_PLACED,
    ORDER_PAID,
    PAYMENT_FAILED,
    ORDER_CANCELLED,
    ORDER_REFUNDED,
    /** Picked up by the courier: the message carries the courier, the tracking number and a tracking link. */
    ORDER_SHIPPED,
    ORDER_DELIVERED
}
