package io.tijarat.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.plugin.testkit.FixturePlugin;
import io.tijarat.core.plugin.testkit.RegistryHarness;
import io.tijarat.core.plugin.testkit.TestPluginJars;
import io.tijarat.spi.payment.PaymentProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adding, replacing and removing jars while the server runs; scans are triggered directly. */
class HotDropInTest {

    @TempDir
    Path temp;

    private RegistryHarness host;

    @BeforeEach
    void start() {
        host = RegistryHarness.in(temp);
    }

    @AfterEach
    void close() {
        host.close();
    }

    @Test
    void givenARunningRegistry_whenANewJarIsDropped_thenTheNextScanLoadsIt() {
        host.drop(FixturePlugin.payment("cod"), "cod.jar");
        host.rescan();

        host.drop(FixturePlugin.payment("jazzcash"), "jazzcash.jar");
        host.rescan();

        assertEquals("1.0.0", host.command("jazzcash", ProviderType.PAYMENT, "version"));
        assertEquals("1.0.0", host.command("cod", ProviderType.PAYMENT, "version"));
    }

    @Test
    void givenACallInFlight_whenTheJarIsReplaced_thenTheCallFinishesOnTheOldVersionAndNewCallsGetTheNew() {
        host.drop(FixturePlugin.payment("jazzcash").version("1.0.0"), "jazzcash.jar");
        host.rescan();
        ProviderLease<PaymentProvider> inFlight = host.registry().acquire("jazzcash", ProviderType.PAYMENT).orElseThrow();
        Function<String, String> oldProvider = RegistryHarness.commands(inFlight.provider());

        host.drop(FixturePlugin.payment("jazzcash").version("2.0.0"), "jazzcash.jar");
        host.rescan();

        assertEquals("2.0.0", host.command("jazzcash", ProviderType.PAYMENT, "version"), "new calls: new version");
        assertEquals(Optional.of("2.0.0"), host.entry("jazzcash").pluginVersion());
        // The old class loader is still open: the old version can still load classes it never used.
        assertEquals("lazy 1.0.0", oldProvider.apply("lazy"));
        assertEquals(List.of("jazzcash.jar"), host.registry().draining().stream().map(DrainingPlugin::jarFileName).toList());
        assertEquals(1, host.registry().draining().get(0).leases());

        inFlight.close();

        assertEquals(List.of(), host.registry().draining());
        String afterClose = oldProvider.apply("later");
        assertTrue(afterClose.startsWith("java.lang.NoClassDefFoundError"),
                "after the last lease the old loader is closed: " + afterClose);
        assertEquals(1, host.stagedFiles(), "only the new version's copy is left");
    }

    @Test
    void givenNoCallInFlight_whenTheJarIsReplaced_thenTheOldVersionIsClosedAtOnce() {
        String closed = "fixture.closed." + UUID.randomUUID();
        host.drop(FixturePlugin.payment("jazzcash").version("1.0.0").close("System.setProperty(\"" + closed + "\", \"yes\");"),
                "jazzcash.jar");
        host.rescan();

        host.drop(FixturePlugin.payment("jazzcash").version("2.0.0"), "jazzcash.jar");
        host.rescan();

        assertEquals("yes", System.clearProperty(closed), "the old factory was closed");
        assertEquals(List.of(), host.registry().draining());
    }

    @Test
    void givenACallInFlight_whenTheJarIsRemoved_thenNewCallsFindNothingAndTheCallFinishes() throws Exception {
        String closed = "fixture.closed." + UUID.randomUUID();
        host.drop(FixturePlugin.payment("jazzcash").close("System.setProperty(\"" + closed + "\", \"yes\");"),
                "jazzcash.jar");
        host.rescan();
        ProviderLease<PaymentProvider> inFlight = host.registry().acquire("jazzcash", ProviderType.PAYMENT).orElseThrow();

        Files.delete(host.pluginDirectory().resolve("jazzcash.jar"));
        host.rescan();

        assertEquals(Optional.empty(), host.registry().acquire("jazzcash", ProviderType.PAYMENT));
        assertEquals(List.of(), host.registry().entries());
        assertEquals("lazy 1.0.0", RegistryHarness.commands(inFlight.provider()).apply("lazy"));
        assertEquals(null, System.getProperty(closed), "not closed while a call is in flight");

        inFlight.close();

        assertEquals("yes", System.clearProperty(closed));
        assertEquals(0, host.stagedFiles());
    }

    @Test
    void givenAJarStillBeingCopied_whenScanned_thenItIsRetriedAndLoadsOnceComplete() throws Exception {
        byte[] whole = FixturePlugin.payment("jazzcash").jar().entry("padding.bin", new byte[20_000]).bytes();
        Path target = host.pluginDirectory().resolve("jazzcash.jar");
        Files.write(target, Arrays.copyOf(whole, whole.length / 3));

        host.rescan();

        PluginEntry partial = host.entriesOf("jazzcash.jar").get(0);
        assertEquals(PluginState.FAILED, partial.state());
        assertTrue(partial.reason().orElseThrow().contains("not a readable jar"), partial.toString());

        host.rescan(); // unchanged and still incomplete: tried again, not a final verdict
        Files.write(target, whole);
        host.rescan();

        assertEquals(PluginState.ACTIVE, host.entry("jazzcash").state());
        assertEquals("1.0.0", host.command("jazzcash", ProviderType.PAYMENT, "version"));
    }

    @Test
    void givenAnInPlaceOverwriteInProgress_whenScanned_thenThePreviousVersionKeepsServingUntilItIsComplete()
            throws Exception {
        host.drop(FixturePlugin.payment("jazzcash").version("1.0.0"), "jazzcash.jar");
        host.rescan();
        byte[] v2 = FixturePlugin.payment("jazzcash").version("2.0.0").jar().bytes();
        Path target = host.pluginDirectory().resolve("jazzcash.jar");

        Files.write(target, Arrays.copyOf(v2, v2.length / 2));
        host.rescan();

        assertEquals("1.0.0", host.command("jazzcash", ProviderType.PAYMENT, "version"));
        assertTrue(host.entriesOf("jazzcash.jar").stream().anyMatch(entry -> entry.state() == PluginState.FAILED
                && entry.reason().orElseThrow().contains("keeps serving")), host.registry().entries().toString());

        Files.write(target, v2);
        host.rescan();

        assertEquals("2.0.0", host.command("jazzcash", ProviderType.PAYMENT, "version"));
        assertEquals(1, host.entriesOf("jazzcash.jar").size());
    }

    @Test
    void givenAJarThatIsOnlyTouched_whenRescanned_thenTheSameProviderKeepsServing() throws Exception {
        Path jar = host.drop(FixturePlugin.payment("jazzcash"), "jazzcash.jar");
        host.rescan();
        Object before = provider("jazzcash");

        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        host.rescan();

        assertTrue(before == provider("jazzcash"), "same bytes: not reloaded");
        assertEquals(List.of(), host.registry().draining());
    }

    @Test
    void givenAReplacementThatIsRefused_whenScanned_thenTheLoadedVersionKeepsServingAndTheReportSaysWhy() {
        host.drop(FixturePlugin.payment("jazzcash").version("1.0.0"), "jazzcash.jar");
        host.rescan();

        host.drop(FixturePlugin.payment("jazzcash").version("2.0.0").jar().spiVersion("9.0"), "jazzcash.jar");
        host.rescan();

        assertEquals("1.0.0", host.command("jazzcash", ProviderType.PAYMENT, "version"), "still in checkout");
        assertTrue(host.entriesOf("jazzcash.jar").stream().anyMatch(entry -> entry.state() == PluginState.REFUSED
                && entry.reason().orElseThrow().contains("built for SPI 9.0")
                && entry.reason().orElseThrow().contains("version 1.0.0) keeps serving")), host.registry().entries().toString());
        assertEquals(PluginState.ACTIVE, host.entry("jazzcash").state());

        host.drop(FixturePlugin.payment("jazzcash").version("2.0.0"), "jazzcash.jar"); // fixed in place
        host.rescan();

        assertEquals("2.0.0", host.command("jazzcash", ProviderType.PAYMENT, "version"));
        assertEquals(1, host.entriesOf("jazzcash.jar").size(), host.registry().entries().toString());
    }

    @Test
    void givenAReplacementWithoutAnyUsableFactory_whenScanned_thenTheLoadedVersionKeepsServing() {
        host.drop(FixturePlugin.payment("jazzcash").version("1.0.0"), "jazzcash.jar");
        host.rescan();
        FixturePlugin broken = FixturePlugin.payment("jazzcash").version("2.0.0");

        host.drop(broken.jar().omitClass(broken.factoryClassName()), "jazzcash.jar");
        host.rescan();

        assertEquals("1.0.0", host.command("jazzcash", ProviderType.PAYMENT, "version"));
    }

    @Test
    void givenARefusedJar_whenItIsFixedInPlace_thenTheNextScanLoadsIt() {
        host.drop(FixturePlugin.payment("jazzcash").jar().withoutSpiVersion(), "jazzcash.jar");
        host.rescan();
        assertEquals(PluginState.REFUSED, host.entriesOf("jazzcash.jar").get(0).state());

        host.drop(FixturePlugin.payment("jazzcash"), "jazzcash.jar");
        host.rescan();

        assertEquals(PluginState.ACTIVE, host.entry("jazzcash").state());
    }

    @Test
    void givenTheSameJarUnderTwoNames_whenScanned_thenEachHasItsOwnLoaderAndOnlyTheFirstServes() {
        byte[] bytes = FixturePlugin.payment("jazzcash").jar().bytes();
        TestPluginJars.write(host.pluginDirectory().resolve("a.jar"), bytes);
        TestPluginJars.write(host.pluginDirectory().resolve("b.jar"), bytes);

        host.rescan();

        assertEquals(PluginState.ACTIVE, host.entriesOf("a.jar").get(0).state());
        assertEquals(PluginState.REFUSED, host.entriesOf("b.jar").get(0).state());
        assertNotEquals(host.entriesOf("a.jar").get(0).jarFileName(), host.entriesOf("b.jar").get(0).jarFileName());
    }

    private Object provider(String id) {
        try (ProviderLease<PaymentProvider> lease = host.registry().acquire(id, ProviderType.PAYMENT).orElseThrow()) {
            return lease.provider();
        }
    }
}
