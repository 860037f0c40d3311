package io.tijarat.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.plugin.jar.JarStaging;
import io.tijarat.core.plugin.testkit.FixturePlugin;
import io.tijarat.core.plugin.testkit.RegistryHarness;
import io.tijarat.spi.ProviderKind;
import io.tijarat.spi.SpiVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every reason to refuse or fail a plugin, each while a healthy plugin next to it keeps serving. */
class PluginRefusalTest {

    @TempDir
    Path temp;

    private RegistryHarness host;

    @BeforeEach
    void healthyNeighbour() {
        host = RegistryHarness.in(temp);
        host.drop(FixturePlugin.payment("cod"), "cod.jar");
    }

    @AfterEach
    void close() {
        host.close();
    }

    @Test
    void givenAPluginForAnotherSpiMajor_whenScanned_thenRefusedBeforeAnyOfItsCodeRuns() {
        String ran = "fixture.ran." + UUID.randomUUID();
        host.drop(FixturePlugin.payment("jazzcash").constructor("System.setProperty(\"" + ran + "\", \"yes\");").jar()
                .spiVersion("2.0"), "jazzcash.jar");

        host.rescan();

        PluginEntry entry = only("jazzcash.jar");
        assertEquals(PluginState.REFUSED, entry.state());
        assertEquals(Optional.of(ProviderKind.PAYMENT), entry.kind(), "known from the service file, without loading");
        assertEquals(Optional.of("2.0"), entry.declaredSpiVersion());
        assertReason(entry, "built for SPI 2.0", "implements SPI " + SpiVersion.CURRENT, "major");
        assertNull(System.getProperty(ran), "the factory's constructor must not have run");
        assertNeighbourServes();
    }

    @Test
    void givenAPluginForANewerSpiMinor_whenScanned_thenRefused() {
        String newer = SpiVersion.CURRENT.major() + "." + (SpiVersion.CURRENT.minor() + 1);
        host.drop(FixturePlugin.payment("jazzcash").jar().spiVersion(newer), "jazzcash.jar");

        host.rescan();

        assertReason(only("jazzcash.jar"), "built for SPI " + newer, "may use what this server lacks");
        assertEquals(PluginState.REFUSED, only("jazzcash.jar").state());
        assertNeighbourServes();
    }

    @Test
    void givenAPluginBuiltForSpi10_whenScannedByThisNewerMinor_thenItServes() {
        host.drop(FixturePlugin.payment("jazzcash").jar().spiVersion("1.0"), "jazzcash.jar");

        host.rescan();

        assertEquals(PluginState.ACTIVE, only("jazzcash.jar").state(), () -> String.valueOf(only("jazzcash.jar")));
        assertEquals(Optional.of("1.0"), only("jazzcash.jar").declaredSpiVersion());
    }

    @Test
    void givenAJarWithoutTheSpiVersionAttribute_whenScanned_thenRefusedNamingTheAttribute() {
        host.drop(FixturePlugin.payment("jazzcash").jar().withoutSpiVersion(), "jazzcash.jar");

        host.rescan();

        PluginEntry entry = only("jazzcash.jar");
        assertEquals(PluginState.REFUSED, entry.state());
        assertEquals(Optional.empty(), entry.declaredSpiVersion());
        assertReason(entry, "no Tijarat-SPI-Version in its manifest");
        assertNeighbourServes();
    }

    @Test
    void givenAMalformedSpiVersion_whenScanned_thenRefusedNamingTheAttributeAndValue() {
        host.drop(FixturePlugin.payment("jazzcash").jar().spiVersion("v1.0"), "jazzcash.jar");

        host.rescan();

        assertEquals(PluginState.REFUSED, only("jazzcash.jar").state());
        assertReason(only("jazzcash.jar"), "Tijarat-SPI-Version must be major.minor", "'v1.0'");
        assertNeighbourServes();
    }

    @Test
    void givenTwoJarsWithTheSameProviderIdAndVersion_whenScanned_thenTheFirstByNameServesAndTheOtherIsRefusedNamingBoth() {
        host.drop(FixturePlugin.payment("jazzcash").version("1.0.0"), "b-jazzcash.jar");
        host.drop(FixturePlugin.payment("jazzcash").version("1.0.0"), "a-jazzcash.jar");

        host.rescan();

        PluginEntry refused = only("b-jazzcash.jar");
        assertEquals(PluginState.REFUSED, refused.state());
        assertEquals(Optional.of("jazzcash"), refused.providerId());
        assertReason(refused, "duplicate provider id 'jazzcash'", "a-jazzcash.jar", "b-jazzcash.jar");
        assertEquals(PluginState.ACTIVE, only("a-jazzcash.jar").state());
        assertEquals("1.0.0", host.command("jazzcash", ProviderType.PAYMENT, "version"));
        assertNeighbourServes();
    }

    @Test
    void givenADuplicateAcrossKinds_whenScanned_thenRefusedToo() {
        host.drop(FixturePlugin.shipping("cod"), "z-cod-courier.jar");

        host.rescan();

        assertEquals(PluginState.REFUSED, only("z-cod-courier.jar").state());
        assertReason(only("z-cod-courier.jar"), "cod.jar", "z-cod-courier.jar");
        assertNeighbourServes();
    }

    @Test
    void givenTheServingDuplicateIsRemoved_whenRescanned_thenTheOtherTakesOver() throws Exception {
        host.drop(FixturePlugin.payment("jazzcash").version("1.0.0"), "a-jazzcash.jar");
        host.drop(FixturePlugin.payment("jazzcash").version("2.0.0"), "b-jazzcash.jar");
        host.rescan();

        Files.delete(host.pluginDirectory().resolve("a-jazzcash.jar"));
        host.rescan();

        assertEquals(PluginState.ACTIVE, only("b-jazzcash.jar").state());
        assertEquals("2.0.0", host.command("jazzcash", ProviderType.PAYMENT, "version"));
    }

    @Test
    void givenAFactoryWhoseConstructorThrows_whenScanned_thenFailedWithTheCause() {
        host.drop(FixturePlugin.payment("jazzcash").constructor("if (true) throw new IllegalStateException(\"factory broken\");"),
                "jazzcash.jar");

        host.rescan();

        PluginEntry entry = only("jazzcash.jar");
        assertEquals(PluginState.FAILED, entry.state());
        assertEquals(Optional.of(ProviderKind.PAYMENT), entry.kind());
        assertReason(entry, "IllegalStateException: factory broken");
        assertNeighbourServes();
    }

    @Test
    void givenADescriptorThatThrows_whenScanned_thenFailed() {
        host.drop(FixturePlugin.payment("jazzcash").descriptor("throw new IllegalStateException(\"no descriptor\");"),
                "jazzcash.jar");

        host.rescan();

        assertEquals(PluginState.FAILED, only("jazzcash.jar").state());
        assertReason(only("jazzcash.jar"), "descriptor() failed", "no descriptor");
        assertNeighbourServes();
    }

    @Test
    void givenAFactoryUsingAClassMissingFromItsJar_whenScanned_thenFailedNamingTheClass() {
        FixturePlugin plugin = FixturePlugin.payment("jazzcash").constructor("new Helper();")
                .extraSource("Helper", "package %PKG%; class Helper { }");
        host.drop(plugin.jar().omitClass(plugin.packageName() + ".Helper"), "jazzcash.jar");

        host.rescan();

        assertEquals(PluginState.FAILED, only("jazzcash.jar").state());
        assertReason(only("jazzcash.jar"), "NoClassDefFoundError", plugin.packageName().replace('.', '/') + "/Helper");
        assertNeighbourServes();
    }

    @Test
    void givenAFactoryWhoseSuperclassIsMissing_whenScanned_thenFailedAsALinkageError() {
        FixturePlugin plugin = FixturePlugin.payment("jazzcash").factoryExtends("Base")
                .extraSource("Base", "package %PKG%; public class Base { }");
        host.drop(plugin.jar().omitClass(plugin.packageName() + ".Base"), "jazzcash.jar");

        host.rescan();

        assertEquals(PluginState.FAILED, only("jazzcash.jar").state());
        assertReason(only("jazzcash.jar"), "NoClassDefFoundError");
        assertNeighbourServes();
    }

    @Test
    void givenAServiceFileNamingAClassThatDoesNotExist_whenScanned_thenFailed() {
        host.drop(FixturePlugin.payment("jazzcash").jar()
                .service(io.tijarat.spi.payment.PaymentProviderFactory.class, "fixture.NoSuchFactory"), "jazzcash.jar");

        host.rescan();

        List<PluginEntry> entries = host.entriesOf("jazzcash.jar");
        assertEquals(2, entries.size(), entries.toString());
        assertTrue(entries.stream().anyMatch(entry -> entry.state() == PluginState.FAILED
                && entry.reason().orElseThrow().contains("fixture.NoSuchFactory")), entries.toString());
        assertEquals(PluginState.ACTIVE, host.entry("jazzcash").state(), "the jar's good factory still serves");
        assertNeighbourServes();
    }

    @Test
    void givenADescriptorWhoseKindDoesNotMatchItsFactory_whenScanned_thenRefused() {
        host.drop(FixturePlugin.payment("tcs").descriptorKind(ProviderKind.SHIPPING), "tcs.jar");

        host.rescan();

        PluginEntry entry = only("tcs.jar");
        assertEquals(PluginState.REFUSED, entry.state());
        assertReason(entry, "PaymentProviderFactory but its descriptor declares kind SHIPPING",
                "must implement ShippingProviderFactory");
        assertEquals(Optional.empty(), host.registry().acquire("tcs", ProviderType.SHIPPING));
        assertEquals(Optional.empty(), host.registry().acquire("tcs", ProviderType.PAYMENT));
        assertNeighbourServes();
    }

    @Test
    void givenAManifestClassPath_whenScanned_thenRefused() {
        host.drop(FixturePlugin.payment("jazzcash").jar().manifest("Class-Path", "../lib/hibernate-core.jar"),
                "jazzcash.jar");

        host.rescan();

        assertEquals(PluginState.REFUSED, only("jazzcash.jar").state());
        assertReason(only("jazzcash.jar"), "Class-Path", "hibernate-core.jar");
        assertNeighbourServes();
    }

    @Test
    void givenAJarThatDeclaresNoFactory_whenScanned_thenRefused() {
        host.drop(io.tijarat.core.plugin.testkit.TestPluginJars.jar().entry("readme.txt", "hello"), "library.jar");

        host.rescan();

        PluginEntry entry = only("library.jar");
        assertEquals(PluginState.REFUSED, entry.state());
        assertEquals(Optional.empty(), entry.kind());
        assertReason(entry, "declares no provider factory");
        assertNeighbourServes();
    }

    @Test
    void givenCreateThrowingWithASecretInItsMessage_whenScanned_thenFailedWithTheSecretMasked() {
        host.config().put("tijarat.provider.jazzcash.password", "Pa55-w0rd-XYZ");
        host.drop(FixturePlugin.payment("jazzcash")
                .property("ConfigProperty.secret(\"password\", \"API password\")")
                .create("throw new PermanentProviderException(\"gateway rejected \" + context.config().secret(\"password\")"
                        + ".reveal() + \" for 03001234567\");"), "jazzcash.jar");

        host.rescan();

        PluginEntry entry = host.entry("jazzcash");
        assertEquals(PluginState.FAILED, entry.state());
        assertReason(entry, "PermanentProviderException: gateway rejected ***");
        assertFalse(entry.reason().orElseThrow().contains("Pa55-w0rd-XYZ"));
        assertFalse(entry.reason().orElseThrow().contains("1234567"), "phone numbers are redacted too");
        assertNeighbourServes();
    }

    @Test
    void givenAMissingRequiredProperty_whenScanned_thenFailedWithoutCallingCreate() {
        String created = "fixture.created." + UUID.randomUUID();
        host.drop(FixturePlugin.payment("jazzcash")
                .property("ConfigProperty.required(\"merchant-id\", \"Merchant ID from the portal\")")
                .create("System.setProperty(\"" + created + "\", \"yes\"); return new Provider(context);"), "jazzcash.jar");

        host.rescan();

        assertEquals(PluginState.FAILED, host.entry("jazzcash").state());
        assertReason(host.entry("jazzcash"), "tijarat.provider.jazzcash.merchant-id (Merchant ID from the portal)");
        assertNull(System.getProperty(created));
        assertNeighbourServes();
    }

    @Test
    void givenAnAllowList_whenAJarIsNotListed_thenRefusedAsTamperedOrUnknown() throws Exception {
        host.close();
        Path allowList = temp.resolve("allow-list.txt");
        host = RegistryHarness.in(temp.resolve("with-allow-list"), settings -> settings.allowListFile(allowList));
        Path cod = host.drop(FixturePlugin.payment("cod"), "cod.jar");
        host.drop(FixturePlugin.payment("jazzcash"), "jazzcash.jar");
        Files.writeString(allowList, "# trusted\n" + JarStaging.sha256Of(cod) + "  cod.jar\n");

        host.rescan();

        PluginEntry entry = only("jazzcash.jar");
        assertEquals(PluginState.REFUSED, entry.state());
        assertReason(entry, "tampered or unknown jar", "not in the allow-list");
        assertNeighbourServes();
    }

    @Test
    void givenAnAllowListThatGainsTheHash_whenRescanned_thenTheJarLoads() throws Exception {
        host.close();
        Path allowList = temp.resolve("allow-list.txt");
        host = RegistryHarness.in(temp.resolve("with-allow-list"), settings -> settings.allowListFile(allowList));
        Path jar = host.drop(FixturePlugin.payment("jazzcash"), "jazzcash.jar");
        Files.writeString(allowList, "");
        host.rescan();

        Files.writeString(allowList, JarStaging.sha256Of(jar) + "  jazzcash.jar\n");
        host.rescan();

        assertEquals(PluginState.ACTIVE, host.entry("jazzcash").state());
    }

    @Test
    void givenAConfiguredAllowListThatCannotBeRead_whenScanned_thenEveryJarIsRefused() {
        host.close();
        host = RegistryHarness.in(temp.resolve("with-allow-list"),
                settings -> settings.allowListFile(temp.resolve("missing-allow-list.txt")));
        host.drop(FixturePlugin.payment("cod"), "cod.jar");

        host.rescan();

        assertEquals(PluginState.REFUSED, only("cod.jar").state());
        assertReason(only("cod.jar"), "cannot be read");
        assertEquals(Optional.empty(), host.registry().acquire("cod", ProviderType.PAYMENT));
    }

    private PluginEntry only(String jarFileName) {
        List<PluginEntry> entries = host.entriesOf(jarFileName);
        assertEquals(1, entries.size(), entries.toString());
        return entries.get(0);
    }

    private void assertNeighbourServes() {
        assertEquals(PluginState.ACTIVE, only("cod.jar").state(), host.registry().entries().toString());
        assertEquals("1.0.0", host.command("cod", ProviderType.PAYMENT, "version"));
    }

    private static void assertReason(PluginEntry entry, String... fragments) {
        String reason = entry.reason().orElseThrow(() -> new AssertionError("no reason: " + entry));
        for (String fragment : fragments) {
            assertTrue(reason.contains(fragment), "expected '" + fragment + "' in: " + reason);
        }
    }
}
