package io.tijarat.core.plugin.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.plugin.testkit.LogCapture;
import io.tijarat.spi.ProviderLogger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class RedactingProviderLoggerTest {

    private static final String SECRET = "S3cr3t-Salt-9";

    @Test
    void givenAMessage_whenLogged_thenItIsPrefixedWithProviderAndCorrelationId() {
        try (LogCapture log = LogCapture.of("io.tijarat.provider.jazzcash")) {
            logger(() -> Optional.of("req-42")).info("payment started");

            LogRecord record = log.records().get(0);
            assertEquals("[provider=jazzcash correlationId=req-42] payment started", record.getMessage());
            assertEquals(Level.INFO, record.getLevel());
            assertEquals("io.tijarat.provider.jazzcash", record.getLoggerName());
        }
    }

    @Test
    void givenNoCorrelationIdOrAFailingSupplier_whenLogged_thenOnlyTheProviderIsNamed() {
        try (LogCapture log = LogCapture.of("io.tijarat.provider.jazzcash")) {
            logger(Optional::empty).info("a");
            logger(() -> null).info("b");
            logger(() -> {
                throw new IllegalStateException("no request scope");
            }).info("c");
            logger(() -> Optional.of("bad\r\nid")).info("d");

            assertEquals(List.of("[provider=jazzcash] a", "[provider=jazzcash] b", "[provider=jazzcash] c",
                    "[provider=jazzcash] d"), log.records().stream().map(LogRecord::getMessage).toList());
        }
    }

    @Test
    void givenSecretsPhonesAndCnicsInAMessageAndItsException_whenLogged_thenNoneAppearAnywhere() {
        try (LogCapture log = LogCapture.of("io.tijarat.provider.jazzcash")) {
            IllegalStateException failure = new IllegalStateException("gateway refused " + SECRET + " for 03001234567",
                    new RuntimeException("CNIC 12345-1234567-1 and key " + SECRET));

            logger(Optional::empty).warn("salt " + SECRET + " customer +923001234567 cnic 3520212345671", failure);

            String text = log.text();
            assertFalse(text.contains(SECRET), text);
            assertFalse(text.contains("1234567"), text);
            assertFalse(text.contains("3520212345671"), text);
            assertTrue(text.contains("salt ***"), text);
            assertTrue(text.contains("java.lang.IllegalStateException: gateway refused ***"), text);
            assertTrue(text.contains("Caused by: java.lang.RuntimeException: CNIC"), text);
            assertEquals(failure.getStackTrace()[0], log.records().get(0).getThrown().getStackTrace()[0]);
        }
    }

    @Test
    void givenLevels_whenMapped_thenTheyMatchJavaUtilLogging() {
        try (LogCapture log = LogCapture.of("io.tijarat.provider.jazzcash")) {
            ProviderLogger logger = logger(Optional::empty);
            logger.debug("d");
            logger.info("i");
            logger.warn("w");
            logger.error("e", null);

            assertEquals(List.of(Level.FINE, Level.INFO, Level.WARNING, Level.SEVERE),
                    log.records().stream().map(LogRecord::getLevel).toList());
        }
    }

    @Test
    void givenDebugDisabled_whenADebugSupplierIsLogged_thenItIsNotEvenBuilt() {
        try (LogCapture log = LogCapture.of("io.tijarat.provider.jazzcash", Level.INFO)) {
            AtomicInteger built = new AtomicInteger();
            ProviderLogger logger = logger(Optional::empty);

            logger.debug(() -> "costly " + built.incrementAndGet());

            assertFalse(logger.isEnabled(ProviderLogger.Level.DEBUG));
            assertTrue(logger.isEnabled(ProviderLogger.Level.WARN));
            assertEquals(0, built.get());
            assertTrue(log.records().isEmpty());
        }
    }

    private static RedactingProviderLogger logger(java.util.function.Supplier<Optional<String>> correlation) {
        return new RedactingProviderLogger("jazzcash", List.of(SECRET), correlation);
    }
}
