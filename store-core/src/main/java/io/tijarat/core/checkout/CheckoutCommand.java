package io.tijarat.core.checkout;

import io.tijarat.core.customer.CustomerDetails;

/** What the customer chose at checkout, as sent; validated by {@link CheckoutService}. */
public record CheckoutCommand(String cartId, CustomerDetails.Input customer,
                              String paymentProvider, String shippingProvider, String shippingService) {
}
