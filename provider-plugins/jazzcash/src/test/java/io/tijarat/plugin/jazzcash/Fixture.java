package io.tijarat.plugin.jazzcash;

import io.tijarat.plugin.jazzcash.stub.JazzCashStub;
import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.kit.SampleRequests;
import io.tijarat.spi.kit.TestProviderContext;
import io.tijarat.spi.payment.PaymentMethod;
import io.tijarat.spi.payment.PaymentProvider;
import io.tijarat.spi.payment.PaymentRequest;
import io.tijarat.spi.payment.WalletAccount;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A JazzCash stub and a provider pointed at it with the stub's credentials, for one test. Also the
 * requests the tests start, and callbacks as the core would hand them over.
 */
final class Fixture implements AutoCloseable {

    static final URI RETURN_URL = URI.create("https://shop.example.pk/payments/jazzcash/return");
    static final String CNIC_LAST_SIX = "345678";
    static final Locale URDU = Locale.forLanguageTag("ur-PK");

    final JazzCashStub stub;
    final TestProviderContext context;
    final PaymentProvider provider;

    private Fixture(JazzCashStub stub, Consumer<TestProviderContext.Builder> adjust) {
        this.stub = stub;
        this.context = context(stub, adjust);
        this.provider = new JazzCashProviderFactory().create(context);
    }

    static Fixture start() {
        return start(builder -> { });
    }

    static Fixture start(Consumer<TestProviderContext.Builder> adjust) {
        JazzCashStub stub = JazzCashStub.start();
        try {
            return new Fixture(stub, adjust);
        } catch (RuntimeException e) {
            stub.close();
            throw e;
        }
    }

    /** A context configured for {@code stub}'s merchant and pointed at it, then {@code adjust}ed. */
    static TestProviderContext context(JazzCashStub stub, Consumer<TestProviderContext.Builder> adjust) {
        JazzCashStub.Credentials credentials = stub.credentials();
        TestProviderContext.Builder builder = TestProviderContext.builder(new JazzCashProviderFactory().descriptor())
                .property("merchant-id", credentials.merchantId())
                .property("password", credentials.password())
                .property("integrity-salt", credentials.integritySalt())
                .property("merchant-mpin", credentials.merchantMpin())
                .property("base-url", stub.baseUrl().toString());
        adjust.accept(builder);
        return builder.build();
    }

    /** A second provider on the same stub, configured differently. */
    PaymentProvider provider(Consumer<TestProviderContext.Builder> adjust) {
        return new JazzCashProviderFactory().create(context(stub, adjust));
    }

    // ------------------------------------------------------------------------------------ requests

    static PaymentRequest.Builder order(IdempotencyKey attemptId) {
        return PaymentRequest.builder()
                .attemptId(attemptId)
                .orderNumber("1042")
                .amount(SampleRequests.AMOUNT)
                .description("Order 1042")
                .customer(SampleRequests.customer())
                .returnUrl(RETURN_URL)
                .locale(Locale.ENGLISH);
    }

    /** PKR 1,500 from the sample customer's JazzCash wallet, with the CNIC's last six digits. */
    static PaymentRequest wallet(IdempotencyKey attemptId) {
        return order(attemptId).wallet(new WalletAccount(SampleRequests.PHONE, Optional.of(CNIC_LAST_SIX))).build();
    }

    static PaymentRequest wallet(IdempotencyKey attemptId, Locale locale) {
        return order(attemptId).wallet(new WalletAccount(SampleRequests.PHONE, Optional.of(CNIC_LAST_SIX)))
                .locale(locale).build();
    }

    static PaymentRequest voucher(IdempotencyKey attemptId) {
        return order(attemptId).method(PaymentMethod.VOUCHER).build();
    }

    static PaymentRequest hosted(IdempotencyKey attemptId, PaymentMethod method) {
        return order(attemptId).method(method).build();
    }

    static Money pkr(long paisa) {
        return Money.pkr(paisa);
    }

    // ----------------------------------------------------------------------------------- callbacks

    static CallbackRequest callback(CallbackRequest.Source source, String body) {
        return callback(source, "POST", body, "application/x-www-form-urlencoded");
    }

    static CallbackRequest callback(CallbackRequest.Source source, String method, String body, String contentType) {
        HttpHeaders headers = HttpHeaders.of(Map.of("Content-Type", List.of(contentType)), (name, value) -> true);
        return new CallbackRequest(source, method, URI.create("https://shop.example.pk/payments/jazzcash/"
                + (source == CallbackRequest.Source.NOTIFICATION ? "ipn" : "return")), headers,
                body.getBytes(StandardCharsets.UTF_8), Optional.of("127.0.0.1"));
    }

    /** Whether any log line shows the merchant's password or integrity salt. */
    boolean logsShowASecret() {
        JazzCashStub.Credentials credentials = stub.credentials();
        return context.recordingLogger().contains(credentials.password())
                || context.recordingLogger().contains(credentials.integritySalt());
    }

    @Override
    public void close() {
        stub.close();
    }
}
