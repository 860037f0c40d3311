package io.tijarat.web.checkout;

import io.tijarat.core.checkout.CheckoutCommand;
import io.tijarat.core.customer.CustomerDetails;

/**
 * The body of {@code POST /api/checkout}. Only these fields exist: prices, totals and statuses come from
 * the server, and any other field is refused.
 */
public record CheckoutRequest(String cartId, Customer customer, Address shippingAddress,
                              String paymentProvider, String shippingProvider, String shippingService,
                              String paymentMethod, Wallet wallet) {

    /**
     * Who is buying. {@code marketingConsent}: the customer ticked "send me offers by SMS" (recorded in the consent
     * ledger with the order as evidence); absent or false asks nothing.
     */
    public record Customer(String name, String phone, String email, String locale, Boolean marketingConsent) {
    }

    /** Where the order goes. */
    public record Address(String address, String city, String postalCode) {
    }

    /** The wallet to prompt directly (paymentMethod WALLET); without it the gateway's own page asks. */
    public record Wallet(String number, String cnicLastSix) {
    }

    CheckoutCommand toCommand(java.net.URI apiBase) {
        Customer c = customer == null ? new Customer(null, null, null, null, null) : customer;
        Address a = shippingAddress == null ? new Address(null, null, null) : shippingAddress;
        return new CheckoutCommand(cartId,
                new CustomerDetails.Input(c.name(), c.phone(), c.email(), c.locale(), a.address(), a.city(), a.postalCode(),
                        c.marketingConsent()),
                paymentProvider, shippingProvider, shippingService, paymentMethod,
                wallet == null ? null : new CheckoutCommand.WalletInput(wallet.number(), wallet.cnicLastSix()), apiBase);
    }
}
