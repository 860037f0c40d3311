package io.tijarat.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.plugin.testkit.FixturePlugin;
import io.tijarat.core.plugin.testkit.RegistryHarness;
import io.tijarat.spi.payment.PaymentProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderEnablementTest {

    @TempDir
    Path temp;

    private RegistryHarness host;

    @AfterEach
    void close() {
        host.close();
    }

    @Test
    void givenAnActiveProvider_whenDisabled_thenItIsNotHandedOutButOthersAre() {
        host = RegistryHarness.in(temp);
        host.drop(FixturePlugin.payment("jazzcash"), "jazzcash.jar");
        host.drop(FixturePlugin.payment("cod"), "cod.jar");
        host.rescan();

        host.registry().disable("jazzcash");

        assertEquals(Optional.empty(), host.registry().acquire("jazzcash", ProviderType.PAYMENT));
        assertEquals(PluginState.DISABLED, host.entry("jazzcash").state());
        assertEquals(Optional.of("disabled by the operator"), host.entry("jazzcash").reason());
        assertEquals(List.of("cod"), host.registry().activeDescriptors(ProviderType.PAYMENT).stream()
                .map(descriptor -> descriptor.id()).toList());
        assertEquals(PluginState.ACTIVE, host.entry("cod").state());
    }

    @Test
    void givenADisabledProvider_whenEnabledAgain_thenTheSameInstanceServesAgain() {
        host = RegistryHarness.in(temp);
        host.drop(FixturePlugin.payment("jazzcash"), "jazzcash.jar");
        host.rescan();
        Object before = provider();

        host.registry().disable("jazzcash");
        host.registry().enable("jazzcash");

        assertEquals(PluginState.ACTIVE, host.entry("jazzcash").state());
        assertSame(before, provider(), "same factory and configuration: not created again");
    }

    @Test
    void givenACallInFlight_whenItsProviderIsDisabled_thenTheCallFinishes() {
        host = RegistryHarness.in(temp);
        host.drop(FixturePlugin.payment("jazzcash"), "jazzcash.jar");
        host.rescan();

        try (ProviderLease<PaymentProvider> lease = host.registry().acquire("jazzcash", ProviderType.PAYMENT).orElseThrow()) {
            host.registry().disable("jazzcash");

            assertEquals("1.0.0", RegistryHarness.commands(lease.provider()).apply("version"));
        }
    }

    @Test
    void givenAnIdDisabledBeforeItsJarArrives_whenTheJarIsLoaded_thenItStartsDisabledAndIsNotCreated() {
        String created = "fixture.created." + UUID.randomUUID();
        host = RegistryHarness.in(temp, settings -> settings.disabled("jazzcash"));
        host.drop(FixturePlugin.payment("jazzcash")
                .create("System.setProperty(\"" + created + "\", \"yes\"); return new Provider(context);"), "jazzcash.jar");

        host.rescan();

        assertEquals(PluginState.DISABLED, host.entry("jazzcash").state());
        assertNull(System.getProperty(created), "a disabled provider is not created");

        host.registry().enable("jazzcash");

        assertEquals("yes", System.clearProperty(created));
        assertTrue(host.registry().acquire("jazzcash", ProviderType.PAYMENT).isPresent());
    }

    @Test
    void givenADisabledProvider_whenItsJarIsReplaced_thenTheNewVersionIsDisabledToo() {
        host = RegistryHarness.in(temp);
        host.drop(FixturePlugin.payment("jazzcash").version("1.0.0"), "jazzcash.jar");
        host.rescan();
        host.registry().disable("jazzcash");

        host.drop(FixturePlugin.payment("jazzcash").version("2.0.0"), "jazzcash.jar");
        host.rescan();

        assertEquals(PluginState.DISABLED, host.entry("jazzcash").state());
        assertEquals(Optional.of("2.0.0"), host.entry("jazzcash").pluginVersion());
    }

    private Object provider() {
        try (ProviderLease<PaymentProvider> lease = host.registry().acquire("jazzcash", ProviderType.PAYMENT).orElseThrow()) {
            return lease.provider();
        }
    }
}
