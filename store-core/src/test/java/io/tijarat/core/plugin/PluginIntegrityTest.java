package io.tijarat.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.plugin.jar.JarStaging;
import io.tijarat.core.plugin.testkit.FixturePlugin;
import io.tijarat.core.plugin.testkit.RegistryHarness;
import io.tijarat.spi.payment.PaymentProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jar swaps under an allow-list, and upgrades with versioned file names: the trusted version keeps serving
 * until a trusted, working newer one takes over, and calls in flight finish on the version they started on.
 */
class PluginIntegrityTest {

    @TempDir
    Path temp;

    private Path allowList;
    private RegistryHarness host;

    @BeforeEach
    void withAnAllowList() throws IOException {
        allowList = Files.writeString(temp.resolve("plugins.sha256"), "");
        host = RegistryHarness.in(temp.resolve("host"), settings -> settings.allowListFile(allowList));
    }

    @AfterEach
    void close() {
        host.close();
    }

    @Test
    void givenATrustedJar_whenAnUnlistedJarIsCopiedOverIt_thenTheTrustedVersionKeepsServing() throws IOException {
        trust(host.drop(FixturePlugin.payment("acme").version("1.0.0"), "acme.jar"));
        host.rescan();

        host.drop(FixturePlugin.payment("acme").version("6.6.6"), "acme.jar");
        host.rescan();

        assertEquals("1.0.0", host.command("acme", ProviderType.PAYMENT, "version"));
        assertEquals(List.of("acme"), ids(host.registry().activeDescriptors(ProviderType.PAYMENT)), "still in checkout");
        PluginEntry refused = host.entriesOf("acme.jar").stream().filter(e -> e.state() == PluginState.REFUSED)
                .findFirst().orElseThrow(() -> new AssertionError(host.registry().entries().toString()));
        assertTrue(refused.reason().orElseThrow().contains("tampered or unknown jar"), refused.toString());
        assertTrue(refused.reason().orElseThrow().contains("keeps serving"), refused.toString());

        host.rescan(); // nothing changed: the verdict and the trusted version stay
        assertEquals("1.0.0", host.command("acme", ProviderType.PAYMENT, "version"));
    }

    @Test
    void givenATrustedJar_whenItsHashIsWithdrawnFromTheAllowList_thenItStopsServing() throws IOException {
        trust(host.drop(FixturePlugin.payment("acme"), "acme.jar"));
        host.rescan();

        Files.writeString(allowList, "# acme withdrawn\n");
        host.rescan();

        assertEquals(Optional.empty(), host.registry().acquire("acme", ProviderType.PAYMENT));
        assertEquals(PluginState.REFUSED, host.entriesOf("acme.jar").get(0).state());
    }

    @Test
    void givenAnUpgradeWithAVersionedFileName_whenBothAreAllowed_thenTheNewerServesAndCallsInFlightFinishOnTheOlder()
            throws IOException {
        trust(host.drop(FixturePlugin.payment("acme").version("1.0.0"), "acme-1.0.0.jar"));
        host.rescan();
        ProviderLease<PaymentProvider> inFlight = host.registry().acquire("acme", ProviderType.PAYMENT).orElseThrow();
        Function<String, String> older = RegistryHarness.commands(inFlight.provider());

        trust(host.drop(FixturePlugin.payment("acme").version("1.0.1"), "acme-1.0.1.jar"));
        host.rescan();

        assertEquals("1.0.1", host.command("acme", ProviderType.PAYMENT, "version"), "new calls: the newer version");
        assertEquals("lazy 1.0.0", older.apply("lazy"), "the call in flight finishes on the older version");
        inFlight.close();
        assertEquals(PluginState.ACTIVE, only("acme-1.0.1.jar").state());
        PluginEntry superseded = only("acme-1.0.0.jar");
        assertEquals(PluginState.REFUSED, superseded.state());
        assertTrue(superseded.reason().orElseThrow().contains("superseded"), superseded.toString());
        assertTrue(superseded.reason().orElseThrow().contains("acme-1.0.1.jar"), superseded.toString());

        Files.delete(host.pluginDirectory().resolve("acme-1.0.0.jar"));
        host.rescan();
        assertEquals("1.0.1", host.command("acme", ProviderType.PAYMENT, "version"));
        assertEquals(1, host.registry().entries().size(), host.registry().entries().toString());
    }

    @Test
    void givenAnUpgradeThatSortsFirstByName_whenBothAreAllowed_thenTheVersionNotTheNameDecides() throws IOException {
        trust(host.drop(FixturePlugin.payment("acme").version("1.10.0"), "acme-z-old-name.jar"));
        trust(host.drop(FixturePlugin.payment("acme").version("1.9.0"), "acme-a.jar"));

        host.rescan();

        assertEquals("1.10.0", host.command("acme", ProviderType.PAYMENT, "version"));
    }

    @Test
    void givenANewerVersionThatIsNotAllowed_whenDroppedBesideTheTrustedOne_thenTheTrustedOneKeepsServing()
            throws IOException {
        trust(host.drop(FixturePlugin.payment("acme").version("1.0.0"), "acme-1.0.0.jar"));
        host.rescan();

        host.drop(FixturePlugin.payment("acme").version("1.0.1"), "acme-1.0.1.jar");
        host.rescan();

        assertEquals("1.0.0", host.command("acme", ProviderType.PAYMENT, "version"));
        assertEquals(PluginState.REFUSED, only("acme-1.0.1.jar").state());
        assertEquals(PluginState.ACTIVE, only("acme-1.0.0.jar").state());
    }

    @Test
    void givenANewerVersionThatCannotBeCreated_whenDroppedBesideTheTrustedOne_thenTheOlderServesMeanwhile()
            throws IOException {
        trust(host.drop(FixturePlugin.payment("acme").version("1.0.0"), "acme-1.0.0.jar"));
        host.rescan();

        trust(host.drop(FixturePlugin.payment("acme").version("1.0.1")
                .create("throw new IllegalStateException(\"1.0.1 is broken\");"), "acme-1.0.1.jar"));
        host.rescan();

        assertEquals("1.0.0", host.command("acme", ProviderType.PAYMENT, "version"));
        PluginEntry failed = only("acme-1.0.1.jar");
        assertEquals(PluginState.FAILED, failed.state());
        assertTrue(failed.reason().orElseThrow().contains("1.0.1 is broken"), failed.toString());
        assertTrue(failed.reason().orElseThrow().contains("acme-1.0.0.jar (version 1.0.0) serves"), failed.toString());
    }

    @Test
    void givenAnUpgradedProviderSwitchedOff_whenScanned_thenNeitherVersionIsHandedOut() throws IOException {
        trust(host.drop(FixturePlugin.payment("acme").version("1.0.0"), "acme-1.0.0.jar"));
        trust(host.drop(FixturePlugin.payment("acme").version("1.0.1"), "acme-1.0.1.jar"));
        host.registry().disable("acme");

        host.rescan();

        assertEquals(Optional.empty(), host.registry().acquire("acme", ProviderType.PAYMENT));
        assertEquals(PluginState.DISABLED, only("acme-1.0.1.jar").state());

        host.registry().enable("acme");
        assertEquals("1.0.1", host.command("acme", ProviderType.PAYMENT, "version"));
    }

    private void trust(Path jar) throws IOException {
        Files.writeString(allowList, Files.readString(allowList) + JarStaging.sha256Of(jar) + "  "
                + jar.getFileName() + "\n");
    }

    private PluginEntry only(String jarFileName) {
        List<PluginEntry> entries = host.entriesOf(jarFileName);
        assertEquals(1, entries.size(), entries.toString());
        return entries.get(0);
    }

    private static List<String> ids(List<io.tijarat.spi.ProviderDescriptor> descriptors) {
        return descriptors.stream().map(io.tijarat.spi.ProviderDescriptor::id).toList();
    }
}
