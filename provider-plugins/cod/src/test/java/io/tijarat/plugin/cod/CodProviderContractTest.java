package io.tijarat.plugin.cod;

import io.tijarat.spi.kit.PaymentProviderContract;
import io.tijarat.spi.payment.PaymentProviderFactory;

/** The SPI's payment contract; the gateway cases are skipped, since cash on delivery calls no one. */
class CodProviderContractTest extends PaymentProviderContract {

    @Override
    protected PaymentProviderFactory newFactory() {
        return new CodProviderFactory();
    }

    @Override
    protected String expectedProviderId() {
        return "cod";
    }

    @Override
    protected boolean talksToGateway() {
        return false;
    }
}
