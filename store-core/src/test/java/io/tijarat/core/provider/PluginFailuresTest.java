package io.tijarat.core.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.jobs.JobResult;
import io.tijarat.core.plugin.ProviderType;
import io.tijarat.core.plugin.context.RedactingProviderLogger;
import io.tijarat.core.plugin.testkit.FixturePlugin;
import io.tijarat.core.plugin.testkit.LogCapture;
import io.tijarat.core.plugin.testkit.RegistryHarness;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin exception whose message quotes the provider's secret, a customer's phone number and a CNIC: what
 * the core logs of it (the provider ports' log lines, and the ProviderUnavailableException that jobs, the
 * reconciler and the outbox log and store) is masked exactly as the plugin's own log lines are.
 */
class PluginFailuresTest {

    private static final String SECRET = "Integrity-Salt-7731";
    private static final String LEAKY = "gateway refused salt " + SECRET + " for wallet 03001234567, CNIC 35202-1234567-1";

    @TempDir
    Path temp;

    private RegistryHarness host;
    private PluginFailures failures;

    @BeforeEach
    void aConfiguredPlugin() {
        host = RegistryHarness.in(temp);
        host.config().put("tijarat.provider.jazzcash.integrity-salt", SECRET);
        host.drop(FixturePlugin.payment("jazzcash")
                .property("ConfigProperty.secret(\"integrity-salt\", \"Integrity salt\")"), "jazzcash.jar");
        host.rescan();
        failures = new PluginFailures(Logger.getLogger(PluginProviders.class.getName()), host.registry()::redactor);
    }

    @AfterEach
    void close() {
        host.close();
    }

    @Test
    void givenAPluginExceptionQuotingASecretPhoneAndCnic_whenTheCoreLogsIt_thenAllThreeAreMasked() {
        RuntimeException fromPlugin = new IllegalStateException(LEAKY, new java.io.IOException("to +923001234567"));

        String logged;
        try (LogCapture log = LogCapture.of(PluginProviders.class.getName())) {
            failures.log(Level.SEVERE, "Provider jazzcash failed unexpectedly in start", fromPlugin);
            failures.log(Level.SEVERE, "Provider jazzcash is misconfigured: " + fromPlugin.getMessage(), null);
            logged = log.text();
        }

        assertNothingLeaks(logged);
        assertTrue(logged.contains("java.lang.IllegalStateException: gateway refused salt *** for wallet 03001****67"),
                logged);
        assertTrue(logged.contains("java.io.IOException"), "the cause's class stays: " + logged);
        assertTrue(logged.contains("PluginFailuresTest"), "the stack trace stays: " + logged);
    }

    @Test
    void givenAPluginExceptionWrappedForTheCaller_whenAJobDescribesOrLogsIt_thenNothingLeaks() {
        ProviderUnavailableException unavailable = failures.unavailable("jazzcash", "TransientProviderException",
                new io.tijarat.spi.TransientProviderException(LEAKY));

        String described = JobResult.describe(unavailable);
        StringWriter trace = new StringWriter();
        unavailable.printStackTrace(new PrintWriter(trace));

        assertNothingLeaks(described);
        assertNothingLeaks(trace.toString());
        assertTrue(described.contains("gateway refused salt ***"), described);
        assertTrue(trace.toString().contains("io.tijarat.spi.TransientProviderException"), trace.toString());
    }

    @Test
    void givenTheSameText_whenThePluginLogsItAndWhenTheCoreLogsItsException_thenBothAreMaskedAlike() {
        String pluginLine;
        try (LogCapture log = LogCapture.of(RedactingProviderLogger.loggerName("jazzcash"))) {
            host.command("jazzcash", ProviderType.PAYMENT, "logError:" + LEAKY);
            pluginLine = log.text();
        }
        String coreLine;
        try (LogCapture log = LogCapture.of(PluginProviders.class.getName())) {
            failures.log(Level.WARNING, "Provider jazzcash could not verify an inbound request", new IllegalStateException(LEAKY));
            coreLine = log.text();
        }

        String masked = "gateway refused salt *** for wallet 03001****67, CNIC *****-*******-*";
        assertTrue(pluginLine.contains("java.lang.IllegalStateException: " + masked), pluginLine);
        assertTrue(coreLine.contains("java.lang.IllegalStateException: " + masked), coreLine);
        assertEquals(masked, failures.redact(LEAKY));
    }

    private static void assertNothingLeaks(String text) {
        assertFalse(text.contains(SECRET), "secret in: " + text);
        assertFalse(text.contains("1234567"), "phone or CNIC digits in: " + text);
        assertFalse(text.contains("35202"), "CNIC in: " + text);
    }
}
