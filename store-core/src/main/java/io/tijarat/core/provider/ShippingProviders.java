package io.tijarat.core.provider;

import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.shipping.RateQuote;
import io.tijarat.spi.shipping.RateRequest;
import java.util.List;
import java.util.Optional;

/** The active shipping providers, each called through its own fault-tolerance guard. */
public interface ShippingProviders {

    List<ProviderDescriptor> activeShipping();

    /**
     * The provider's quotes for {@code request}: empty when it does not serve the city or has no rates.
     *
     * @throws ProviderUnavailableException when the provider could not be asked
     */
    List<RateQuote> quotes(String providerId, RateRequest request) throws ProviderUnavailableException;
}
