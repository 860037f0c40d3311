package io.tijarat.plugin.jazzcash;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.kit.TestProviderContext;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Configuration is checked at start-up: mistakes stop the provider with a message naming the key, and
 * live mode refuses anything that looks like the sandbox. A value without its declared form is refused by the
 * core before {@code create} (SPI 1.2), so those cases are asserted on the declared type.
 */
class JazzCashSettingsTest {

    private static final String KEY = "tijarat.provider.jazzcash.";
    private static final String LIVE_PASSWORD = "x7k2m9q4v1";
    private static final String LIVE_SALT = "t3b8w6z2p5";

    private final JazzCashProviderFactory factory = new JazzCashProviderFactory();

    /** A live configuration that must start; each test changes one thing. */
    private static TestProviderContext.Builder live() {
        return TestProviderContext.builder(new JazzCashProviderFactory().descriptor())
                .property("mode", "live")
                .property("base-url", "https://payments.jazzcash.com.pk")
                .property("merchant-id", "00318645")
                .property("password", LIVE_PASSWORD)
                .property("integrity-salt", LIVE_SALT)
                .property("merchant-mpin", "8426")
                .property("return-url", "https://shop.example.pk/payments/jazzcash/return");
    }

    private static TestProviderContext.Builder sandbox() {
        return TestProviderContext.builder(new JazzCashProviderFactory().descriptor())
                .property("merchant-id", "MC10042")
                .property("password", "sandbox-pass")
                .property("integrity-salt", "sandbox-salt");
    }

    private PermanentProviderException refused(TestProviderContext.Builder builder, Consumer<TestProviderContext.Builder> change) {
        change.accept(builder);
        TestProviderContext context = builder.build();
        PermanentProviderException failure = assertThrows(PermanentProviderException.class, () -> factory.create(context));
        for (String secret : context.secretValues()) {
            assertFalse(failure.getMessage().contains(secret), "the message shows a secret: " + failure.getMessage());
        }
        return failure;
    }

    /**
     * What the core says of {@code value} before it creates the provider (it refuses a value that does not have its
     * property's declared form, naming the key): the problem, or empty when the value passes.
     */
    private Optional<String> coreCheck(String name, String value) {
        return factory.descriptor().configProperties().stream().filter(property -> property.name().equals(name))
                .findFirst().orElseThrow().type().problem(value);
    }

    private static JazzCashSettings settings(TestProviderContext.Builder builder) {
        return JazzCashSettings.from(builder.build().config());
    }

    @Test
    void givenALiveConfiguration_whenTheProviderStarts_thenItStartsInLiveModeOnTheLiveHost() {
        JazzCashSettings settings = settings(live());

        assertEquals(JazzCashSettings.Mode.LIVE, settings.mode());
        assertEquals(URI.create("https://payments.jazzcash.com.pk"), settings.baseUrl());
        assertDoesNotThrow(() -> factory.create(live().build()));
    }

    @Test
    void givenOnlyTheCredentials_whenTheProviderStarts_thenSandboxModeOnTheSandboxHostWithThreeDayVouchers() {
        JazzCashSettings settings = settings(sandbox());

        assertEquals(JazzCashSettings.Mode.SANDBOX, settings.mode());
        assertEquals(URI.create("https://sandbox.jazzcash.com.pk"), settings.baseUrl());
        assertEquals(Duration.ofHours(72), settings.voucherValidity());
        assertTrue(settings.merchantMpin().isEmpty());
        assertTrue(settings.returnUrl().isEmpty());
    }

    @Test
    void givenLiveModeWithTheDefaultBaseUrl_whenTheProviderStarts_thenRefusedNamingBaseUrlAndTheLiveHost() {
        PermanentProviderException failure = refused(live(), builder -> builder.without("base-url"));

        assertTrue(failure.getMessage().startsWith(KEY + "base-url points at sandbox.jazzcash.com.pk while " + KEY
                + "mode is live"), failure.getMessage());
        assertTrue(failure.getMessage().contains("https://payments.jazzcash.com.pk"), failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://sandbox.jazzcash.com.pk", "https://SANDBOX.jazzcash.com.pk/",
        "https://sandbox2.jazzcash.com.pk", "https://pgw-sandbox.jazzcash.com.pk"})
    void givenLiveModeWithASandboxHost_whenTheProviderStarts_thenRefusedNamingBaseUrl(String url) {
        PermanentProviderException failure = refused(live(), builder -> builder.property("base-url", url));

        assertTrue(failure.getMessage().startsWith(KEY + "base-url points at"), failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8089", "https://127.0.0.1:8443", "https://localhost"})
    void givenLiveModeWithAStubOnThisMachine_whenTheProviderStarts_thenRefusedNamingBaseUrl(String url) {
        PermanentProviderException failure = refused(live(), builder -> builder.property("base-url", url));

        assertTrue(failure.getMessage().startsWith(KEY + "base-url"), failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Test00127801", "TEST00127801", "testmerchant", "MCsandbox1"})
    void givenLiveModeWithATestMerchantId_whenTheProviderStarts_thenRefusedNamingMerchantId(String merchantId) {
        PermanentProviderException failure = refused(live(), builder -> builder.property("merchant-id", merchantId));

        assertTrue(failure.getMessage().startsWith(KEY + "merchant-id looks like a JazzCash test merchant"),
                failure.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "password, 0123456789",
        "password, 000000000",
        "password, my-sandbox-pass",
        "integrity-salt, 123456789",
        "integrity-salt, CHANGEME",
        "merchant-mpin, 0000"
    })
    void givenLiveModeWithAPlaceholderSecret_whenTheProviderStarts_thenRefusedNamingTheKeyNotTheValue(String name,
                                                                                                   String value) {
        PermanentProviderException failure = refused(live(), builder -> builder.property(name, value));

        assertTrue(failure.getMessage().startsWith(KEY + name + " looks like a sandbox or placeholder value"),
                failure.getMessage());
        assertFalse(failure.getMessage().contains(value), "the value of a secret must not show");
    }

    @Test
    void givenLiveModeWithAReturnUrlOnThisMachine_whenTheProviderStarts_thenRefusedNamingReturnUrl() {
        PermanentProviderException failure = refused(live(),
                builder -> builder.property("return-url", "https://127.0.0.1/return"));

        assertTrue(failure.getMessage().startsWith(KEY + "return-url points at this machine"), failure.getMessage());
    }

    @Test
    void givenAPlainHttpReturnUrl_whenTheCoreChecksTheConfiguration_thenRefusedBeforeTheProviderStarts() {
        assertEquals(Optional.of("expected an https URL (http only for a stub on 127.0.0.1 or localhost)"),
                coreCheck("return-url", "http://shop.example.pk/return"));
    }

    @Test
    void givenSandboxModeWithAReturnUrlOnThisMachine_whenTheProviderStarts_thenPlainHttpIsAllowed() {
        assertEquals(Optional.empty(), coreCheck("return-url", "http://127.0.0.1:8080/return"));
        assertEquals(URI.create("http://127.0.0.1:8080/return"),
                settings(sandbox().property("return-url", "http://127.0.0.1:8080/return")).returnUrl().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://payments.jazzcash.com.pk", "https://pgw.jazzcash.com.pk/"})
    void givenSandboxModeWithALiveHost_whenTheProviderStarts_thenRefusedNamingModeAndBaseUrl(String url) {
        PermanentProviderException failure = refused(sandbox(), builder -> builder.property("base-url", url));

        assertTrue(failure.getMessage().startsWith(KEY + "base-url is JazzCash's live host"), failure.getMessage());
        assertTrue(failure.getMessage().contains("set " + KEY + "mode to live"), failure.getMessage());
    }

    @Test
    void givenSandboxModeWithAStubOnThisMachine_whenTheProviderStarts_thenPlainHttpIsAllowed() {
        JazzCashSettings settings = settings(sandbox().property("base-url", "http://127.0.0.1:8089/"));

        assertEquals(URI.create("http://127.0.0.1:8089"), settings.baseUrl(), "the trailing slash is dropped");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://sandbox.jazzcash.com.pk", "ftp://127.0.0.1", "sandbox.jazzcash.com.pk", "https://",
        "https://bad host"})
    void givenABaseUrlThatIsNotAnHttpsUrl_whenTheCoreChecksTheConfiguration_thenRefusedBeforeTheProviderStarts(
            String url) {
        assertEquals(Optional.of("expected an https URL (http only for a stub on 127.0.0.1 or localhost)"),
                coreCheck("base-url", url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://sandbox.jazzcash.com.pk?x=1", "https://user@sandbox.jazzcash.com.pk",
        "https://sandbox.jazzcash.com.pk#top"})
    void givenABaseUrlWithUserInfoQueryOrFragment_whenTheProviderStarts_thenRefusedNamingBaseUrl(String url) {
        PermanentProviderException failure = refused(sandbox(), builder -> builder.property("base-url", url));

        assertTrue(failure.getMessage().startsWith(KEY + "base-url must be an absolute URL with a host and without"
                + " user info, query or fragment"), failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "LIVE!", "production", "test"})
    void givenAnUnknownMode_whenTheCoreChecksTheConfiguration_thenRefusedBeforeTheProviderStarts(String mode) {
        assertEquals(Optional.of("expected one of live, sandbox"), coreCheck("mode", mode));
    }

    @Test
    void givenModeInCapitalsWithSpaces_whenTheProviderStarts_thenAccepted() {
        assertEquals(JazzCashSettings.Mode.LIVE, settings(live().property("mode", " LIVE ")).mode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "2161", "72h", "3.5", "abc"})
    void givenVoucherValidityOutsideOneHourToThreeMonths_whenTheCoreChecksTheConfiguration_thenRefused(String hours) {
        assertEquals(Optional.of("expected a whole number from 1 to 2160"), coreCheck("voucher-validity-hours", hours));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2160})
    void givenVoucherValidityAtEitherLimit_whenTheProviderStarts_thenAccepted(int hours) {
        assertEquals(Optional.empty(), coreCheck("voucher-validity-hours", " " + hours + " "));
        assertEquals(Duration.ofHours(hours),
                settings(sandbox().property("voucher-validity-hours", " " + hours + " ")).voucherValidity());
    }

    @ParameterizedTest
    @ValueSource(strings = {"MC 10042", "MC10042;DROP", "ميرچنٹ"})
    void givenAMerchantIdWithSpacesOrSymbols_whenTheProviderStarts_thenRefusedNamingMerchantId(String merchantId) {
        PermanentProviderException failure = refused(sandbox(), builder -> builder.property("merchant-id", merchantId));

        assertTrue(failure.getMessage().startsWith(KEY + "merchant-id must be the Merchant ID"), failure.getMessage());
    }

    @Test
    void givenSettings_whenPrinted_thenNoSecretShows() {
        String printed = settings(live()).toString();

        assertFalse(printed.contains(LIVE_PASSWORD) || printed.contains(LIVE_SALT) || printed.contains("8426"), printed);
    }

    // ------------------------------------------------------------------------------------ endpoints

    @Test
    void givenThePaymentsHost_whenStarted_thenTheApplicationApiPathsAreUsed() {
        JazzCashSettings settings = settings(live());

        assertEquals(Endpoints.Profile.APPLICATION_API, settings.endpoints().profile());
        assertEquals(URI.create("https://payments.jazzcash.com.pk/ApplicationAPI/API/2.0/Purchase/DoMWalletTransaction"),
                settings.endpoint(Endpoints.Operation.WALLET));
        assertEquals(URI.create("https://payments.jazzcash.com.pk/ApplicationAPI/API/PaymentInquiry/Inquire"),
                settings.endpoint(Endpoints.Operation.INQUIRY));
    }

    @Test
    void givenThePgwHost_whenStarted_thenItsOwnPathsAreUsed_andEachCanBeOverridden() {
        JazzCashSettings pgw = settings(live().property("base-url", "https://pgw.jazzcash.com.pk")
                .property("path.wallet", "/api/payment/DoTransaction"));

        assertEquals(Endpoints.Profile.PGW, pgw.endpoints().profile());
        assertEquals(URI.create("https://pgw.jazzcash.com.pk/api/payment/DoTransaction"),
                pgw.endpoint(Endpoints.Operation.WALLET), "the shop's override wins");
        assertEquals(URI.create("https://pgw.jazzcash.com.pk/api/Purchase/domwalletrefundtransaction"),
                pgw.endpoint(Endpoints.Operation.WALLET_REFUND));
        assertEquals(URI.create("https://pgw.jazzcash.com.pk/ApplicationAPI/API/PaymentInquiry/Inquire"),
                pgw.endpoint(Endpoints.Operation.INQUIRY));
    }

    @Test
    void givenAnExplicitProfile_whenStarted_thenItWinsOverTheHost() {
        JazzCashSettings settings = settings(live().property("base-url", "https://pgw.jazzcash.com.pk")
                .property("endpoints", "application-api"));

        assertEquals(URI.create("https://pgw.jazzcash.com.pk/ApplicationAPI/API/Payment/DoTransaction"),
                settings.endpoint(Endpoints.Operation.VOUCHER));
    }

    @Test
    void givenABadProfile_whenTheCoreChecksTheConfiguration_thenRefusedBeforeTheProviderStarts() {
        assertEquals(Optional.of("expected one of application-api, pgw"), coreCheck("endpoints", "production"));
        assertEquals(Optional.empty(), coreCheck("endpoints", " PGW "));
    }

    @Test
    void givenABadPath_whenStarted_thenRefusedNamingTheKey() {
        assertTrue(refused(live(), b -> b.property("path.inquiry", "https://elsewhere.example/Inquire")).getMessage()
                .contains(KEY + "path.inquiry must be a path"));
        assertTrue(refused(live(), b -> b.property("path.card-refund", "/api/../admin")).getMessage()
                .contains(KEY + "path.card-refund must be a path"));
    }
}
