package io.tijarat.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.plugin.testkit.FixturePlugin;
import io.tijarat.core.plugin.testkit.LogCapture;
import io.tijarat.core.plugin.testkit.RegistryHarness;
import io.tijarat.spi.payment.PaymentProvider;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a real plugin sees of the configuration, and what reaches the logs. */
class PluginConfigurationTest {

    private static final String A_SECRET = "A-pass-7f3e9c";
    private static final String B_SECRET = "B-pass-1d2c8a";

    @TempDir
    Path temp;

    private RegistryHarness host;

    @BeforeEach
    void twoProviders() {
        host = RegistryHarness.in(temp);
        host.config().put("tijarat.provider.provider-a.merchant-id", "MERCHANT-A");
        host.config().put("tijarat.provider.provider-a.password", A_SECRET);
        host.config().put("tijarat.provider.provider-b.merchant-id", "MERCHANT-B");
        host.config().put("tijarat.provider.provider-b.password", B_SECRET);
        host.config().put("tijarat.db.password", "db-root-pass");
        host.drop(withProperties(FixturePlugin.payment("provider-a")), "a.jar");
        host.drop(withProperties(FixturePlugin.payment("provider-b")), "b.jar");
        host.rescan();
    }

    @AfterEach
    void close() {
        host.close();
    }

    @Test
    void givenProviderA_whenItReadsItsOwnKeys_thenItGetsThem() {
        assertEquals("MERCHANT-A", a("config:merchant-id"));
        assertEquals("tijarat.provider.provider-a.merchant-id", a("key:merchant-id"));
        assertEquals("https://sandbox.example.pk", a("config:base-url"));
    }

    @Test
    void givenProviderA_whenItAsksForBsKeysOrTheServers_thenIllegalArgumentAndNoValue() {
        for (String name : new String[] {"provider-b.merchant-id", "provider-b.password", "tijarat.db.password",
                "db.password", "../provider-b/password"}) {
            String answer = a("config:" + name);
            assertTrue(answer.startsWith("java.lang.IllegalArgumentException"), name + " -> " + answer);
            assertFalse(answer.contains("MERCHANT-B") || answer.contains(B_SECRET) || answer.contains("db-root-pass"),
                    answer);
        }
    }

    @Test
    void givenASecret_whenPrintedOrReadAsText_thenStarsOrIllegalArgument() {
        assertEquals("***", a("secret:password"));
        assertTrue(a("config:password").startsWith("java.lang.IllegalArgumentException"));
    }

    @Test
    void givenAProviderThatLogsItsSecret_whenLogged_thenTheLogShowsStarsOnly() {
        try (LogCapture log = LogCapture.of("io.tijarat")) {
            a("logSecret:password");
            a("logError:rejected " + A_SECRET + " for 03001234567");

            String text = log.text();
            assertTrue(text.contains("[provider=provider-a] using secret ***"), text);
            assertFalse(text.contains(A_SECRET), text);
            assertFalse(text.contains("03001234567"), text);
        }
    }

    @Test
    void givenUnchangedConfiguration_whenRescanned_thenTheSameProviderServes() {
        Object before = provider("provider-a");

        host.rescan();

        assertSame(before, provider("provider-a"));
    }

    @Test
    void givenChangedConfiguration_whenRescanned_thenANewProviderServesAndTheOtherIsUntouched() {
        Object a = provider("provider-a");
        Object b = provider("provider-b");

        host.config().put("tijarat.provider.provider-a.merchant-id", "MERCHANT-A2");
        host.rescan();

        assertNotSame(a, provider("provider-a"));
        assertEquals("MERCHANT-A2", this.a("config:merchant-id"));
        assertSame(b, provider("provider-b"));
    }

    @Test
    void givenAMissingRequiredKey_whenItIsSetLater_thenTheNextScanCreatesTheProvider() {
        host.config().remove("tijarat.provider.provider-a.merchant-id");
        host.rescan();
        assertEquals(PluginState.FAILED, host.entry("provider-a").state());

        host.config().put("tijarat.provider.provider-a.merchant-id", "MERCHANT-A");
        host.rescan();

        assertEquals(PluginState.ACTIVE, host.entry("provider-a").state());
    }

    private String a(String command) {
        return host.command("provider-a", ProviderType.PAYMENT, command);
    }

    private Object provider(String id) {
        try (ProviderLease<PaymentProvider> lease = host.registry().acquire(id, ProviderType.PAYMENT).orElseThrow()) {
            return lease.provider();
        }
    }

    private static FixturePlugin withProperties(FixturePlugin plugin) {
        return plugin.property("ConfigProperty.required(\"merchant-id\", \"Merchant ID\")")
                .property("ConfigProperty.secret(\"password\", \"API password\")")
                .property("ConfigProperty.withDefault(\"base-url\", \"API host\", \"https://sandbox.example.pk\")");
    }
}
