package io.tijarat.core.checkout;

/**
 * The answer to a checkout: the order and the token that lets the customer read it later. The token is
 * shown once; only its hash is stored.
 */
public record CheckoutResult(OrderView order, String accessToken) {
}
