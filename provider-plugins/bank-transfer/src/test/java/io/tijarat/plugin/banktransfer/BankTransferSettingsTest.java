package io.tijarat.plugin.banktransfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.kit.TestProviderContext;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Configuration mistakes stop the provider at start-up, with a message that names the full key: a value without
 * its declared form is refused by the core before {@code create}, the rest by the plugin.
 */
class BankTransferSettingsTest {

    private final BankTransferProviderFactory factory = new BankTransferProviderFactory();

    /** A shop's account, valid, with one change. */
    private TestProviderContext context(Consumer<TestProviderContext.Builder> change) {
        TestProviderContext.Builder builder = TestProviderContext.builder(factory.descriptor())
                .property("account-title", "Tijarat Traders")
                .property("bank-name", "Meezan Bank")
                .property("iban", "PK56MEZN0001234567890123");
        change.accept(builder);
        return builder.build();
    }

    private PermanentProviderException startupFailure(String name, String value) {
        TestProviderContext context = context(builder -> builder.property(name, value));
        return assertThrows(PermanentProviderException.class, () -> factory.create(context));
    }

    /**
     * What the core says of {@code value} before it creates the provider (SPI 1.2: it refuses a value that does not
     * have its property's declared form, naming the key): the problem, or empty when the value passes.
     */
    private Optional<String> coreCheck(String name, String value) {
        return factory.descriptor().configProperties().stream().filter(property -> property.name().equals(name))
                .findFirst().orElseThrow().type().problem(value);
    }

    private BankTransferSettings settings(Consumer<TestProviderContext.Builder> change) {
        return BankTransferSettings.from(context(change).config());
    }

    @ParameterizedTest
    @ValueSource(strings = {"account-title", "bank-name", "iban"})
    void givenARequiredPropertyMissing_whenTheProviderStarts_thenItFailsNamingTheFullKey(String name) {
        TestProviderContext context = context(builder -> builder.without(name));

        PermanentProviderException failure = assertThrows(PermanentProviderException.class,
                () -> factory.create(context));

        assertTrue(failure.getMessage().contains("tijarat.provider.bank-transfer." + name), failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PK57MEZN0001234567890123", "PK56MEZN000123456789012", "GB82WEST12345698765432",
        "not an iban"})
    void givenAnInvalidIban_whenTheProviderStarts_thenItFailsNamingTheKeyAndShowingTheValue(String value) {
        PermanentProviderException failure = startupFailure("iban", value);

        assertTrue(failure.getMessage().startsWith("tijarat.provider.bank-transfer.iban "), failure.getMessage());
        assertTrue(failure.getMessage().endsWith("was '" + value + "'"), failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "721", "-1", "72.5", "72h", "three days", "1e3", "99999999999"})
    void givenAnExpiryOutsideOneTo720WholeHours_whenTheCoreChecksTheConfiguration_thenRefusedBeforeTheProviderStarts(
            String value) {
        assertEquals(Optional.of("expected a whole number from 1 to 720"), coreCheck("expiry-hours", value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"account-title", "bank-name", "iban", "account-number", "branch"})
    void givenTheAccountDetails_whenTheCoreChecksThem_thenAnyTextPasses_andTheIbanIsCheckedByThePlugin(String name) {
        assertEquals(Optional.empty(), coreCheck(name, "PK57 not an IBAN, Clifton (0123)"));
    }

    @Test
    void givenNoExpiry_whenRead_thenACustomerHasThreeDaysToPay() {
        assertEquals(Duration.ofHours(72), settings(builder -> { }).payableFor());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 720})
    void givenAnExpiryAtEitherLimit_whenRead_thenAccepted(int hours) {
        assertEquals(Duration.ofHours(hours), settings(builder -> builder.property("expiry-hours", " " + hours + " "))
                .payableFor());
    }

    @Test
    void givenValuesWithSurroundingSpaces_whenRead_thenStrippedAndTheIbanNormalised() {
        BankTransferSettings settings = settings(builder -> builder
                .property("account-title", "  Tijarat Traders ")
                .property("iban", " pk56 MEZN 0001 2345 6789 0123 ")
                .property("branch", " Clifton, Karachi "));

        assertEquals("Tijarat Traders", settings.accountTitle());
        assertEquals("PK56MEZN0001234567890123", settings.iban().electronic());
        assertEquals(Optional.of("Clifton, Karachi"), settings.branch());
        assertEquals(Optional.empty(), settings.accountNumber());
    }
}
