package io.tijarat.plugin.flatrate;

import io.tijarat.spi.kit.ShippingProviderContract;
import io.tijarat.spi.shipping.ShippingProviderFactory;

/** The SPI's shipping contract; the courier cases are skipped, since flat-rate calls no courier. */
class FlatRateProviderContractTest extends ShippingProviderContract {

    @Override
    protected ShippingProviderFactory newFactory() {
        return new FlatRateProviderFactory();
    }

    @Override
    protected String expectedProviderId() {
        return "flat-rate";
    }

    @Override
    protected boolean talksToGateway() {
        return false;
    }
}
