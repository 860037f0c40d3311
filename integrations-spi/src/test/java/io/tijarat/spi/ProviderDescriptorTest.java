package io.tijarat.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.spi.notification.NotificationCapability;
import io.tijarat.spi.payment.PaymentCapability;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderDescriptorTest {

    private static ProviderDescriptor.Builder jazzcash() {
        return ProviderDescriptor.builder("jazzcash", ProviderKind.PAYMENT)
                .displayName("JazzCash")
                .pluginVersion("1.0.0")
                .capabilities(PaymentCapability.INQUIRY, PaymentCapability.REFUND, PaymentCapability.CALLBACKS)
                .property(ConfigProperty.required("merchant-id", "Merchant ID from the JazzCash portal"))
                .property(ConfigProperty.secret("integrity-salt", "Integrity salt from the JazzCash portal"))
                .defaultTimeout(Duration.ofSeconds(30));
    }

    @Test
    void givenACompleteDescription_whenBuilt_thenEverythingIsKeptAndCapabilitiesAnswer() {
        ProviderDescriptor descriptor = jazzcash().build();

        assertEquals("jazzcash", descriptor.id());
        assertEquals(2, descriptor.configProperties().size());
        assertTrue(descriptor.supports(PaymentCapability.REFUND));
        assertFalse(descriptor.supports(PaymentCapability.PARTIAL_REFUND));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jazzcash", "bank-transfer", "sms-telenor", "cod", "ab", "a234567890123456789012345678901234567890"})
    void givenStableLowerCaseId_whenBuilt_thenAccepted(String id) {
        assertEquals(id, ProviderDescriptor.builder(id, ProviderKind.PAYMENT).displayName("x").pluginVersion("1")
                .defaultTimeout(Duration.ofSeconds(5)).build().id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"JazzCash", "jazz_cash", "1link", "-cod", "a", "jazz cash", "jazz.cash", "",
            "a2345678901234567890123456789012345678901"})
    void givenIdThatCannotBeAStableConfigName_whenBuilt_thenRejectedNamingIt(String id) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProviderDescriptor.builder(id, ProviderKind.PAYMENT).displayName("x").pluginVersion("1")
                        .defaultTimeout(Duration.ofSeconds(5)).build());
        assertTrue(e.getMessage().contains("'" + id + "'"), e.getMessage());
    }

    @Test
    void givenCapabilityOfAnotherKind_whenBuilt_thenRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> jazzcash().capabilities(NotificationCapability.SMS).build());
        assertTrue(e.getMessage().contains("SMS"), e.getMessage());
    }

    @Test
    void givenTheSamePropertyTwice_whenBuilt_thenRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> jazzcash().property(ConfigProperty.optional("merchant-id", "again")).build());
    }

    @Test
    void givenNoTimeout_whenBuilt_thenRejectedBecauseEveryProviderNeedsABudget() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> jazzcash().defaultTimeout(null).build());
        assertTrue(e.getMessage().contains("defaultTimeout"));
    }

    @Test
    void givenZeroOrExcessiveTimeout_whenBuilt_thenRejected() {
        assertThrows(IllegalArgumentException.class, () -> jazzcash().defaultTimeout(Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class, () -> jazzcash().defaultTimeout(Duration.ofSeconds(-1)).build());
        assertThrows(IllegalArgumentException.class, () -> jazzcash().defaultTimeout(Duration.ofMinutes(6)).build());
        assertEquals(Duration.ofMinutes(5), jazzcash().defaultTimeout(Duration.ofMinutes(5)).build().defaultTimeout());
    }

    @Test
    void givenABuiltDescriptor_whenItsCollectionsAreChanged_thenRefused() {
        ProviderDescriptor descriptor = jazzcash().build();

        assertThrows(UnsupportedOperationException.class, () -> descriptor.capabilities().add(PaymentCapability.VOID));
        assertThrows(UnsupportedOperationException.class, () -> descriptor.configProperties().clear());
    }

    @Test
    void givenTheBuilderIsReusedAfterBuild_thenTheFirstDescriptorDoesNotChange() {
        ProviderDescriptor.Builder builder = jazzcash();
        ProviderDescriptor first = builder.build();

        builder.capabilities(PaymentCapability.VOID);

        assertFalse(first.supports(PaymentCapability.VOID));
    }

    @Test
    void theProjectsOwnIdsAndPrefixesAreReservedAndADistinctThirdPartyIdIsNot() {
        for (String id : new String[] {"jazzcash", "easypaisa", "cod", "bank-transfer", "flat-rate", "email-smtp",
                "tcs", "leopards", "postex", "twilio", "whatsapp", "sms-veevo", "tijarat-anything"}) {
            org.junit.jupiter.api.Assertions.assertTrue(ProviderDescriptor.isReserved(id), id);
        }
        for (String id : new String[] {"acme-jazzcash", "hello-sms", "fake-pay", "jazz", "smsgateway"}) {
            org.junit.jupiter.api.Assertions.assertFalse(ProviderDescriptor.isReserved(id), id);
        }
        org.junit.jupiter.api.Assertions.assertFalse(ProviderDescriptor.isReserved(null));
    }
}
