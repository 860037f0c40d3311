package io.tijarat.spi.notification;

/**
 * Why a message is sent, which decides the rules it is sent under. In Pakistan the two are sent with
 * different sender masks and under different PTA rules; the core checks consent before it sends a
 * promotional message.
 */
public enum MessageCategory {
    /** Caused by the customer's own action: a one-time code, an order or delivery update. */
    TRANSACTIONAL,
    /** Marketing: only to customers who opted in, and the text carries an opt-out instruction. */
    PROMOTIONAL
}
