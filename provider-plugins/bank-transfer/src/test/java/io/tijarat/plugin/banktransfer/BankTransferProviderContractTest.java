package io.tijarat.plugin.banktransfer;

import io.tijarat.spi.kit.PaymentProviderContract;
import io.tijarat.spi.kit.TestProviderContext;
import io.tijarat.spi.payment.PaymentProviderFactory;

/** The SPI's payment contract; the gateway cases are skipped, since a bank transfer calls no one. */
class BankTransferProviderContractTest extends PaymentProviderContract {

    @Override
    protected PaymentProviderFactory newFactory() {
        return new BankTransferProviderFactory();
    }

    @Override
    protected String expectedProviderId() {
        return "bank-transfer";
    }

    @Override
    protected boolean talksToGateway() {
        return false;
    }

    @Override
    protected void configure(TestProviderContext.Builder context) {
        context.property("account-title", "Tijarat Traders")
                .property("bank-name", "Meezan Bank")
                .property("iban", "PK36 SCBL 0000 0011 2345 6702");
    }
}
