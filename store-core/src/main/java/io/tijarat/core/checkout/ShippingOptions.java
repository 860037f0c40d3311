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
 * own fault tolerance, its quotes reused as long as it allows: {@link ShippingRates}); one that is down is offered
 * at its last known or configured rate, or left out, so a failing courier never blocks checkout. The charge
 * depends on how the order is paid: a cash-on-delivery order pays the courier's cash-handling fee, a prepaid one
 * does not.
 */
@ApplicationScoped
public class ShippingOptions {

    @Inject
    CartService carts;

    @Inject
    ShippingProviders shipping;

    @Inject
    ShippingRates rates;

    @Inject
    io.tijarat.core.provider.PaymentProviders payments;

    /** One way to ship: the provider and service to send back at checkout, and what it costs. */
    public record Option(String shippingProvider, String shippingService, String name, long chargeMinor, String currency,
                         Long transitHours) {
    }

    /**
     * @param paymentProvider how the customer will pay, if known: a provider that collects on delivery gets COD
     *                        quotes; none, or a prepaid one, gets prepaid quotes
     */
    public List<Option> forCart(String cartId, String city, String paymentProvider) {
        String canonical = PakistanCities.get().canonical(city).orElseThrow(() -> InvalidRequestException.invalid("city",
                "is not a city we deliver to (English or Urdu name, e.g. Lahore or لاہور)"));
        CartView cart = carts.get(cartId);
        if (cart.lines().isEmpty()) {
            return List.of();
        }
        boolean cod = paymentProvider != null && payments.descriptor(paymentProvider)
                .map(d -> d.supports(io.tijarat.spi.payment.PaymentCapability.COLLECT_ON_DELIVERY)).orElse(false);
        var request = rateRequest(canonical, cart, cod);
        List<Option> options = new ArrayList<>();
        for (ProviderDescriptor courier : shipping.activeShipping()) {
            if (cod && !courier.supports(io.tijarat.spi.shipping.ShippingCapability.COD)) {
                continue; // a courier that collects no cash cannot carry a cash-on-delivery order
            }
            try {
                ShippingRates.Rated rated = rates.quotes(courier.id(), request);
                rated.quotes().forEach(q -> options.add(new Option(courier.id(), q.serviceCode(),
                        q.serviceName(), q.charge().minorUnits(), q.charge().currency(),
                        q.transitTime().map(t -> t.toHours()).orElse(null))));
            } catch (ProviderUnavailableException e) {
                // left out: the customer sees the couriers that answered, or that have a rate to fall back on
            }
        }
        options.sort(Comparator.comparingLong(Option::chargeMinor));
        return options;
    }

    /**
     * What a courier is asked: the cart's weight to the city and, for a cash-on-delivery order, the amount the rider
     * will collect, in whole rupees (the goods' total rounded down, as the order's will be; at least one rupee).
     */
    static RateRequest rateRequest(String city, CartView cart, boolean cod) {
        Optional<Money> collect = Optional.empty();
        if (cod) {
            Money goods = Money.of(cart.totalBeforeShippingMinor(), cart.currency());
            Money whole = goods.plus(io.tijarat.core.order.OrderDraft.wholeRupeeRounding(goods));
            collect = Optional.of(whole.isPositive() ? whole : Money.parse("1", cart.currency()));
        }
        return new RateRequest(Optional.empty(), city, Parcel.ofGrams(Math.max(1, cart.weightGrams())), collect);
    }
}
