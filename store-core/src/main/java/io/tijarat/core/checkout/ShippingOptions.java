package io.tijarat.core.checkout;

import io.tijarat.core.cart.CartService;
import io.tijarat.core.cart.CartView;
import io.tijarat.spi.geo.PakistanCities;
import io.tijarat.core.error.InvalidRequestException;
import io.tijarat.core.provider.ProviderUnavailableException;
import io.tijarat.core.provider.ShippingProviders;
import io.tijarat.spi.Money;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.shipping.Parcel;
import io.tijarat.spi.shipping.RateRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The ways a cart can be shipped to a city: every active shipping provider is asked (each through its
 * own fault tolerance); one that is down is simply left out, so a failing courier never blocks checkout.
 */
@ApplicationScoped
public class ShippingOptions {

    @Inject
    CartService carts;

    @Inject
    ShippingProviders shipping;

    /** One way to ship: the provider and service to send back at checkout, and what it costs. */
    public record Option(String shippingProvider, String shippingService, String name, long chargeMinor, String currency,
                         Long transitHours) {
    }

    public List<Option> forCart(String cartId, String city) {
        String canonical = PakistanCities.get().canonical(city).orElseThrow(() -> InvalidRequestException.invalid("city",
                "is not a city we deliver to (English or Urdu name, e.g. Lahore or لاہور)"));
        CartView cart = carts.get(cartId);
        if (cart.lines().isEmpty()) {
            return List.of();
        }
        var request = new RateRequest(Optional.empty(), canonical, Parcel.ofGrams(Math.max(1, cart.weightGrams())),
                Optional.of(Money.of(cart.totalBeforeShippingMinor(), cart.currency())));
        List<Option> options = new ArrayList<>();
        for (ProviderDescriptor courier : shipping.activeShipping()) {
            try {
                shipping.quotes(courier.id(), request).forEach(q -> options.add(new Option(courier.id(), q.serviceCode(),
                        q.serviceName(), q.charge().minorUnits(), q.charge().currency(),
                        q.transitTime().map(t -> t.toHours()).orElse(null))));
            } catch (ProviderUnavailableException e) {
                // left out: the customer sees the couriers that answered
            }
        }
        options.sort(Comparator.comparingLong(Option::chargeMinor));
        return options;
    }
}
