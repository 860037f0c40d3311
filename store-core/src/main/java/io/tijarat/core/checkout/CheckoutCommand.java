package io.tijarat.core.checkout;

import io.tijarat.core.customer.CustomerDetails;

import java.net.URI;

/**
 * What the customer chose at checkout, as sent; validated by {@link CheckoutService}.
 *
 * @param paymentMethod ANY (default), WALLET, CARD or VOUCHER: a hint for gateways that offer several
 * @param wallet        the wallet to prompt directly (WALLET only); absent for the gateway's hosted page
 * @param apiBase       this server's API base as the customer reached it ({@code https://shop/api/}), used
 *                      for the return and notification URLs unless {@code tijarat.public-url} is set
 */
public record CheckoutCommand(String cartId, CustomerDetails.Input customer,
                              String paymentProvider, String shippingProvider, String shippingService,
                              String paymentMethod, WalletInput wallet, URI apiBase) {

    /** The wallet as typed: a Pakistani mobile number and, for JazzCash, the CNIC's last six digits. */
    public record WalletInput(String number, String cnicLastSix) {
    }
}
