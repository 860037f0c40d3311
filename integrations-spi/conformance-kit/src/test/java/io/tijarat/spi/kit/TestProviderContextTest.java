package io.tijarat.spi.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.spi.ConfigProperty;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.ProviderConfig;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderKind;
import io.tijarat.spi.ProviderLogger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestProviderContextTest {

    private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.builder("jazzcash", ProviderKind.PAYMENT)
            .displayName("JazzCash").pluginVersion("1.0.0")
            .property(ConfigProperty.required("merchant-id", "Merchant ID"))
            .property(ConfigProperty.secret("password", "API password"))
            .property(ConfigProperty.withDefault("mode", "sandbox or live", "sandbox"))
            .property(ConfigProperty.optional("store-id", "Optional store id"))
            .defaultTimeout(Duration.ofSeconds(60))
            .build();

    private static TestProviderContext.Builder builder() {
        return TestProviderContext.builder(DESCRIPTOR);
    }

    @Test
    void givenOperatorKeysOfSeveralProviders_whenTheContextIsBuilt_thenThePluginSeesOnlyItsOwn() {
        ProviderConfig config = builder().operatorProperties(Map.of(
                "tijarat.provider.jazzcash.merchant-id", "MC123",
                "tijarat.provider.easypaisa.merchant-id", "EP999",
                "tijarat.db.password", "root")).build().config();

        assertEquals(Optional.of("MC123"), config.get("merchant-id"));
        assertEquals("tijarat.provider.jazzcash.merchant-id", config.keyFor("merchant-id"));
    }

    @Test
    void givenAnUndeclaredName_whenRead_thenRejectedAsAPluginBug() {
        ProviderConfig config = builder().build().config();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> config.get("db.password"));
        assertTrue(e.getMessage().contains("not declared"), e.getMessage());
    }

    @Test
    void givenAnUndeclaredName_whenSetInATest_thenRejectedAtOnceSoATypoCannotTestTheDefault() {
        assertThrows(IllegalArgumentException.class, () -> builder().property("merchant-di", "MC123"));
        assertThrows(IllegalArgumentException.class,
                () -> builder().operatorProperties(Map.of("tijarat.provider.jazzcash.mod", "live")));
    }

    @Test
    void givenASecretProperty_whenReadWithGet_thenRejected_andThroughSecretItIsMasked() {
        ProviderConfig config = builder().property("password", "Pa55word!").build().config();

        assertThrows(IllegalArgumentException.class, () -> config.get("password"));
        assertEquals("***", config.secret("password").toString());
        assertEquals("Pa55word!", config.secret("password").reveal());
        assertThrows(IllegalArgumentException.class, () -> config.findSecret("mode"));
    }

    @Test
    void givenNoValueOrABlankOne_whenRead_thenTheDeclaredDefaultApplies() {
        assertEquals(Optional.of("sandbox"), builder().build().config().get("mode"));
        assertEquals(Optional.of("sandbox"), builder().property("mode", "  ").build().config().get("mode"));
        assertEquals(Optional.of("live"), builder().property("mode", "live").build().config().get("mode"));
        assertEquals(Optional.empty(), builder().build().config().get("store-id"));
    }

    @Test
    void givenAMissingRequiredProperty_whenRequired_thenPermanentFailureNamesTheFullKey() {
        PermanentProviderException e = assertThrows(PermanentProviderException.class,
                () -> builder().build().config().require("merchant-id"));

        assertTrue(e.getMessage().contains("tijarat.provider.jazzcash.merchant-id"), e.getMessage());
    }

    @Test
    void givenASecret_whenTheConfigOrContextIsPrinted_thenTheValueIsMaskedAndOthersShow() {
        TestProviderContext context = builder().property("password", "Pa55word!").property("merchant-id", "MC123")
                .build();

        assertFalse(context.toString().contains("Pa55word!"), context.toString());
        assertTrue(context.config().toString().contains("password=***"), context.config().toString());
        assertTrue(context.config().toString().contains("merchant-id=MC123"), context.config().toString());
        assertEquals(Set.of("Pa55word!"), context.secretValues());
    }

    @Test
    void givenTheTestClock_whenTheTestMovesIt_thenTheProviderSeesTheNewTimeInEveryZone() {
        TestProviderContext context = builder().build();
        Instant before = context.clock().instant();

        context.testClock().advance(Duration.ofMinutes(10));

        assertEquals(before.plus(Duration.ofMinutes(10)), context.clock().instant());
        assertEquals(context.clock().instant(), context.clock().withZone(ZoneOffset.UTC).instant());
        assertEquals(TestClock.KARACHI, context.clock().getZone());
    }

    @Test
    void givenAPluginLogging_whenTheTestReadsTheLog_thenEveryLineAndAttachedFailureIsThereUnredacted() {
        TestProviderContext context = builder().build();

        context.logger().debug("calling +923001234567");
        context.logger().warn("gave up", new IllegalStateException("outer", new RuntimeException("root cause")));

        assertEquals(2, context.recordingLogger().lines().size());
        assertEquals(ProviderLogger.Level.DEBUG, context.recordingLogger().lines().get(0).level());
        assertTrue(context.recordingLogger().contains("+923001234567"), "the test logger must not hide leaks");
        assertTrue(context.recordingLogger().contains("root cause"));
    }
}
