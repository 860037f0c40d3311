package io.tijarat.core.checkout;

import java.net.URI;

/**
 * A customer paying again for an order whose payment was declined: the same or another provider, and how.
 * Validated by {@link CheckoutService#retryPayment}.
 */
public record RetryPaymentCommand(String paymentProvider, String paymentMethod, CheckoutCommand.WalletInput wallet,
                                  URI apiBase) {
}
