package io.tijarat.plugin.easypaisa;

import io.tijarat.plugin.easypaisa.stub.EasyPaisaStub;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.PhoneNumber;
import io.tijarat.spi.kit.SampleRequests;
import io.tijarat.spi.kit.TestProviderContext;
import io.tijarat.spi.payment.Customer;
import io.tijarat.spi.payment.PaymentMethod;
import io.tijarat.spi.payment.PaymentRequest;
import io.tijarat.spi.payment.WalletAccount;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** Configuration and requests shared by the plugin's tests. */
final class Fixtures {

    /** Where EasyPaisa sends the customer's browser back: the core's return endpoint (never called in tests). */
    static final String POSTBACK = "https://shop.example.pk/api/payments/easypaisa/return";
    static final Locale URDU = Locale.forLanguageTag("ur-PK");

    private Fixtures() {
    }

    /** A context for the sample store, pointed at {@code baseUrl} (a stub, or the sandbox when null). */
    static TestProviderContext.Builder context(URI baseUrl) {
        EasyPaisaStub.Credentials store = EasyPaisaStub.Credentials.sample();
        TestProviderContext.Builder builder = TestProviderContext.builder(new EasyPaisaProviderFactory().descriptor())
                .property("store-id", store.storeId())
                .property("account-number", store.accountNumber())
                .property("username", store.username())
                .property("password", store.password())
                .property("hash-key", store.hashKey())
                .property("postback-url", POSTBACK);
        if (baseUrl != null) {
            builder.property("base-url", baseUrl.toString());
        }
        return builder;
    }

    static PaymentRequest.Builder order(IdempotencyKey attemptId) {
        return PaymentRequest.builder().attemptId(attemptId).orderNumber("1042").amount(SampleRequests.AMOUNT)
                .description("Order 1042").customer(SampleRequests.customer()).locale(Locale.ENGLISH);
    }

    /** A mobile-account payment from the sample number: the REST MA flow. */
    static PaymentRequest wallet(IdempotencyKey attemptId) {
        return order(attemptId).wallet(new WalletAccount(SampleRequests.PHONE, Optional.empty())).build();
    }

    /** A voucher for the sample customer (who has a Pakistani number): the REST OTC flow. */
    static PaymentRequest voucher(IdempotencyKey attemptId) {
        return order(attemptId).method(PaymentMethod.VOUCHER).build();
    }

    /** A payment on EasyPaisa's hosted page. */
    static PaymentRequest hosted(IdempotencyKey attemptId) {
        return order(attemptId).method(PaymentMethod.ANY).build();
    }

    static Customer customerWithoutPhone() {
        return new Customer("Ayesha Khan", Optional.empty(), Optional.of(SampleRequests.EMAIL));
    }

    static Money rupees(long rupees) {
        return Money.pkr(rupees * 100);
    }

    static PhoneNumber foreignNumber() {
        return PhoneNumber.of("+447700900123");
    }
}
