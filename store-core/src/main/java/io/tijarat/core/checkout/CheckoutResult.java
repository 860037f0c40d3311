package io.tijarat.core.checkout;

/**
 * The answer to a checkout: the order and the token that lets the customer read it later. The token is
 * shown once; only its hash is stored. The answer kept for an Idempotency-Key replay is {@link #withoutToken()};
 * a replay gets a fresh token ({@link CheckoutService#replayToken}).
 */
public record CheckoutResult(OrderView order, String accessToken) {

    /** The answer as stored for replay: without the token (null, left out of the JSON). */
    public CheckoutResult withoutToken() {
        return new CheckoutResult(order, null);
    }

    @Override
    public String toString() {
        return "CheckoutResult[" + order.id() + "]"; // never the token
    }
}
