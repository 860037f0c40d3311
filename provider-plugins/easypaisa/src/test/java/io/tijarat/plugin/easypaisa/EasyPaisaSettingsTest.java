package io.tijarat.plugin.easypaisa;

import java.util.Optional;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.plugin.easypaisa.stub.EasyPaisaStub;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.kit.TestProviderContext;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Start-up checks: what stops the provider, with which message. Live mode never runs against a sandbox. A value
 * without its declared form is refused by the core before {@code create} (SPI 1.2), so those cases are asserted on
 * the declared type.
 */
class EasyPaisaSettingsTest {

    private static final String KEYS = "tijarat.provider.easypaisa.";

    private static EasyPaisaSettings settings(Consumer<TestProviderContext.Builder> adjust) {
        TestProviderContext.Builder builder = Fixtures.context(null);
        adjust.accept(builder);
        return EasyPaisaSettings.from(builder.build().config());
    }

    /**
     * What the core says of {@code value} before it creates the provider (it refuses a value that does not have its
     * property's declared form, naming the key): the problem, or empty when the value passes.
     */
    private static Optional<String> coreCheck(String name, String value) {
        return new EasyPaisaProviderFactory().descriptor().configProperties().stream()
                .filter(property -> property.name().equals(name)).findFirst().orElseThrow().type().problem(value);
    }

    private static PermanentProviderException refused(Consumer<TestProviderContext.Builder> adjust) {
        return assertThrows(PermanentProviderException.class, () -> settings(adjust));
    }

    @Test
    void givenNoModeAndNoBaseUrl_whenCreated_thenSandboxAgainstEasyPaisasStagingHost() {
        EasyPaisaSettings settings = settings(builder -> { });

        assertEquals(EasyPaisaSettings.Mode.SANDBOX, settings.mode());
        assertEquals(URI.create("https://easypaystg.easypaisa.com.pk"), settings.baseUrl());
        assertEquals(URI.create("https://easypaystg.easypaisa.com.pk/easypay-service/rest/v4/inquire-transaction"),
                settings.restUri(EasyPaisaApi.INQUIRE));
        assertEquals(Duration.ofHours(72), settings.voucherValidity());
    }

    @Test
    void givenLiveModeWithTheDefaultSandboxHost_whenCreated_thenRefusedNamingModeAndBaseUrl() {
        PermanentProviderException failure = refused(builder -> builder.property("mode", "live"));

        assertTrue(failure.getMessage().contains(KEYS + "mode"), failure.getMessage());
        assertTrue(failure.getMessage().contains(KEYS + "base-url"), failure.getMessage());
        assertTrue(failure.getMessage().contains("https://easypay.easypaisa.com.pk"), "the message says what to set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://easypaystg.easypaisa.com.pk", "https://EasyPayStg.EasyPaisa.com.pk/",
            "http://127.0.0.1:8089", "https://localhost:8443"})
    void givenLiveModeWithASandboxOrLocalHost_whenCreated_thenRefused(String baseUrl) {
        PermanentProviderException failure = refused(builder -> builder.property("mode", "LIVE")
                .property("base-url", baseUrl));

        assertTrue(failure.getMessage().contains(KEYS + "base-url"), failure.getMessage());
    }

    @Test
    void givenLiveModeWithTheProductionHost_whenCreated_thenLive() {
        EasyPaisaSettings settings = settings(builder -> builder.property("mode", "live")
                .property("base-url", "https://easypay.easypaisa.com.pk/"));

        assertEquals(EasyPaisaSettings.Mode.LIVE, settings.mode());
        assertEquals(URI.create("https://easypay.easypaisa.com.pk/easypay/Index.jsf"), settings.checkoutUri());
    }

    @Test
    void givenSandboxModeWithTheProductionHost_whenCreated_thenRefusedBecauseItWouldTakeRealMoney() {
        PermanentProviderException failure = refused(builder -> builder.property("base-url",
                "https://easypay.easypaisa.com.pk"));

        assertTrue(failure.getMessage().contains("real money"), failure.getMessage());
    }

    @Test
    void givenLiveModeWithALocalPostBackUrl_whenCreated_thenRefused() {
        PermanentProviderException failure = refused(builder -> builder.property("mode", "live")
                .property("base-url", "https://easypay.easypaisa.com.pk")
                .property("postback-url", "http://127.0.0.1:8080/return"));

        assertTrue(failure.getMessage().contains(KEYS + "postback-url"), failure.getMessage());
    }

    @Test
    void givenNoFallbackEmail_whenCreated_thenTheReservedNoReplyAddressIsTheDefault() {
        assertEquals("no-reply@example.com", settings(builder -> { }).fallbackEmail().value());
        assertEquals("no-reply@shop.example.pk", settings(builder -> builder.property("fallback-email",
                " no-reply@shop.example.pk ")).fallbackEmail().value());
    }

    @Test
    void givenLiveModeWithTheDefaultFallbackEmail_whenTheProviderIsCreated_thenTheOperatorIsWarnedToSetIt() {
        TestProviderContext live = Fixtures.context(URI.create("https://easypay.easypaisa.com.pk"))
                .property("mode", "live").build();
        TestProviderContext liveWithOwnAddress = Fixtures.context(URI.create("https://easypay.easypaisa.com.pk"))
                .property("mode", "live").property("fallback-email", "no-reply@shop.example.pk").build();

        new EasyPaisaProviderFactory().create(live);
        new EasyPaisaProviderFactory().create(liveWithOwnAddress);

        assertTrue(live.recordingLogger().contains(KEYS + "fallback-email"), "the key to set is named");
        assertFalse(liveWithOwnAddress.recordingLogger().contains(KEYS + "fallback-email"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            mode                   | production                         | one of live, sandbox
            base-url               | http://easypaystg.easypaisa.com.pk | an https URL
            base-url               | easypaystg.easypaisa.com.pk        | an https URL
            postback-url           | /api/payments/easypaisa/return     | an https URL
            postback-url           | http://shop.example.pk/return      | an https URL
            voucher-validity-hours | 0                                  | a whole number from 1 to 720
            voucher-validity-hours | 721                                | a whole number from 1 to 720
            voucher-validity-hours | 2d                                 | a whole number from 1 to 720
            """)
    void givenAValueWithoutItsDeclaredForm_whenTheCoreChecksTheConfiguration_thenRefusedBeforeCreate(String name,
            String value, String expected) {
        assertTrue(coreCheck(name, value).orElseThrow().startsWith("expected " + expected), coreCheck(name, value)::get);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            fallback-email         | no-reply
            fallback-email         | no reply@shop.example.pk
            base-url               | https://easypaystg.easypaisa.com.pk/easypay
            base-url               | https://easypaystg.easypaisa.com.pk?x=1
            store-id               | store-43210
            account-number         | 6543 21987
            username               | user:name
            postback-url           | https://shop.example.pk/return#done
            """)
    void givenAnUnusableValue_whenCreated_thenRefusedNamingItsKey(String name, String value) {
        PermanentProviderException failure = refused(builder -> builder.property(name, value));

        assertTrue(failure.getMessage().contains(KEYS + name), failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hk3Vq8Zt1Lp6Wm2", "Hk3Vq8Zt1Lp6Wm2R9", "Hk3Vq8Zt1Lp6Wm2RHk3Vq8Zt", "Hk3Vq8Zt1Lp6Wm2ü"})
    void givenAHashKeyThatIsNotSixteenAsciiCharacters_whenCreated_thenRefusedWithoutShowingIt(String key) {
        PermanentProviderException failure = refused(builder -> builder.property("hash-key", key));

        assertTrue(failure.getMessage().contains(KEYS + "hash-key"), failure.getMessage());
        assertFalse(failure.getMessage().contains(key), "the message must not show the key");
    }

    @Test
    void givenTheStubOnThisMachine_whenCreatedInSandboxMode_thenPlainHttpIsAllowed() {
        assertEquals(Optional.empty(), coreCheck("base-url", "http://127.0.0.1:8089"));
        assertDoesNotThrow(() -> settings(builder -> builder.property("base-url", "http://127.0.0.1:8089")));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 720})
    void givenAVoucherValidityAtEitherLimit_whenCreated_thenAccepted(int hours) {
        assertEquals(Optional.empty(), coreCheck("voucher-validity-hours", " " + hours + " "));
        assertEquals(Duration.ofHours(hours), settings(builder -> builder.property("voucher-validity-hours",
                " " + hours + " ")).voucherValidity());
    }

    @Test
    void givenSecrets_whenTheSettingsArePrinted_thenNeitherPasswordNorHashKeyShows() {
        EasyPaisaStub.Credentials store = EasyPaisaStub.Credentials.sample();

        String printed = settings(builder -> { }).toString();

        assertFalse(printed.contains(store.password()), printed);
        assertFalse(printed.contains(store.hashKey()), printed);
    }

    @Test
    void givenAPostBackUrlWithAQuery_whenTheAttemptIsAdded_thenItIsAppendedWithAnAmpersand() {
        EasyPaisaSettings settings = settings(builder -> builder.property("postback-url",
                "https://shop.example.pk/return?provider=easypaisa"));

        assertEquals("https://shop.example.pk/return?provider=easypaisa&attempt=T7K2M9Q4X1B8C3D5",
                settings.postBackFor(IdempotencyKey.of("T7K2M9Q4X1B8C3D5"), Optional.empty()));
    }

    @Test
    void givenTheCoreSendsAReturnUrl_whenTheAttemptIsAdded_thenTheRequestsUrlWinsOverTheConfiguredOne() {
        EasyPaisaSettings settings = settings(builder -> builder.property("postback-url",
                "https://shop.example.pk/configured"));

        assertEquals("https://shop.example.pk/api/payments/return/easypaisa?attempt=T7K2M9Q4X1B8C3D5",
                settings.postBackFor(IdempotencyKey.of("T7K2M9Q4X1B8C3D5"),
                        Optional.of(URI.create("https://shop.example.pk/api/payments/return/easypaisa"))));
    }

    @Test
    void givenNoPostBackUrlAndNoReturnUrlInTheRequest_whenTheAttemptStarts_thenTheMissingKeyIsNamed() {
        EasyPaisaSettings settings = settings(builder -> builder.without("postback-url"));

        PermanentProviderException failure = assertThrows(PermanentProviderException.class,
                () -> settings.postBackFor(IdempotencyKey.of("T7K2M9Q4X1B8C3D5"), Optional.empty()));
        assertTrue(failure.getMessage().contains(KEYS + "postback-url"), failure.getMessage());
    }

    @Test
    void givenUsernameAndPassword_whenTheCredentialsHeaderIsBuilt_thenItIsBase64OfUsernameColonPassword() {
        assertEquals("dGlqYXJhdC10ZXN0OkVwLVBhc3MtN1F4OTFMbQ==", settings(builder -> { }).credentialsHeader());
    }
}
