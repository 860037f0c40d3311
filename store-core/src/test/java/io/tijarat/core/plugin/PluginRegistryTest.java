package io.tijarat.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.plugin.jar.JarStaging;
import io.tijarat.core.plugin.testkit.FixturePlugin;
import io.tijarat.core.plugin.testkit.RegistryHarness;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderKind;
import io.tijarat.spi.payment.Customer;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentProvider;
import io.tijarat.spi.payment.PaymentRequest;
import io.tijarat.spi.shipping.ShippingProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginRegistryTest {

    @TempDir
    Path temp;

    private RegistryHarness host;

    @AfterEach
    void close() {
        if (host != null) {
            host.close();
        }
    }

    @Test
    void givenAPaymentPluginJar_whenScanned_thenItsProviderWorksThroughALease() {
        host = RegistryHarness.in(temp);
        host.drop(FixturePlugin.payment("jazzcash"), "jazzcash.jar");

        host.rescan();

        try (ProviderLease<PaymentProvider> lease = host.registry().acquire("jazzcash", ProviderType.PAYMENT).orElseThrow()) {
            PaymentOutcome outcome = lease.provider().start(PaymentRequest.builder()
                    .attemptId(IdempotencyKey.of("ATT12345")).orderNumber("1042").amount(Money.pkr(150_000))
                    .description("Order 1042").customer(new Customer("Ayesha", Optional.empty(), Optional.empty()))
                    .build());

            PaymentOutcome.Declined declined = assertInstanceOf(PaymentOutcome.Declined.class, outcome);
            assertEquals("jazzcash 1.0.0 declines 1042", declined.customerMessage());
            assertEquals("jazzcash", lease.descriptor().id());
            assertEquals("jazzcash.jar", lease.jarFileName());
        }
    }

    @Test
    void givenAnActivePlugin_whenListed_thenItsEntryHasEveryFact() throws Exception {
        host = RegistryHarness.in(temp);
        Path jar = host.drop(FixturePlugin.payment("jazzcash").version("1.2.0").jar()
                .manifest("Implementation-Version", "1.2.0-build7"), "jazzcash-1.2.0.jar");

        host.rescan();

        PluginEntry entry = host.entry("jazzcash");
        assertEquals(PluginState.ACTIVE, entry.state());
        assertEquals(Optional.of(ProviderKind.PAYMENT), entry.kind());
        assertEquals(Optional.of("Fixture jazzcash"), entry.displayName());
        assertEquals(Optional.of("1.2.0"), entry.pluginVersion(), "the descriptor's version wins over the manifest's");
        assertEquals(Optional.of("1.0"), entry.declaredSpiVersion());
        assertEquals("jazzcash-1.2.0.jar", entry.jarFileName());
        assertEquals(Optional.of(JarStaging.sha256Of(jar)), entry.sha256());
        assertEquals(Optional.empty(), entry.reason());
    }

    @Test
    void givenPluginsOfAllThreeKinds_whenScanned_thenEachIsHandedOutOnlyAsItsKind() {
        host = RegistryHarness.in(temp);
        host.drop(FixturePlugin.payment("cod"), "cod.jar");
        host.drop(FixturePlugin.shipping("tcs"), "tcs.jar");
        host.drop(FixturePlugin.notification("sms-jazz"), "sms.jar");

        host.rescan();

        assertTrue(host.registry().acquire("cod", ProviderType.PAYMENT).isPresent());
        try (ProviderLease<ShippingProvider> tcs = host.registry().acquire("tcs", ProviderType.SHIPPING).orElseThrow()) {
            assertEquals("Karachi", tcs.provider().coverage("Karachi").city());
        }
        assertTrue(host.registry().acquire("sms-jazz", ProviderType.NOTIFICATION).isPresent());
        assertEquals(Optional.empty(), host.registry().acquire("tcs", ProviderType.PAYMENT));
        assertEquals(Optional.empty(), host.registry().acquire("nobody", ProviderType.PAYMENT));
        assertEquals(List.of("cod"), ids(host.registry().activeDescriptors(ProviderType.PAYMENT)));
        assertEquals(List.of("tcs"), ids(host.registry().activeDescriptors(ProviderType.SHIPPING)));
    }

    @Test
    void givenOneJarWithFactoriesOfTwoKinds_whenScanned_thenBothServe() {
        host = RegistryHarness.in(temp);
        host.drop(FixturePlugin.payment("leopards-cod").jar()
                .source("fixture.twin.ShippingTwin", SHIPPING_TWIN)
                .service(io.tijarat.spi.shipping.ShippingProviderFactory.class, "fixture.twin.ShippingTwin"),
                "leopards.jar");

        host.rescan();

        assertEquals(PluginState.ACTIVE, host.entry("leopards-cod").state());
        assertEquals(PluginState.ACTIVE, host.entry("leopards").state());
    }

    @Test
    void givenAProvider_whenAcquiredRepeatedlyAndFromSeveralThreads_thenOneInstanceServesAll() throws Exception {
        host = RegistryHarness.in(temp);
        host.drop(FixturePlugin.payment("jazzcash"), "jazzcash.jar");
        host.rescan();

        Object first;
        try (ProviderLease<PaymentProvider> lease = host.registry().acquire("jazzcash", ProviderType.PAYMENT).orElseThrow()) {
            first = lease.provider();
        }
        Object[] fromOtherThread = new Object[1];
        Thread other = new Thread(() -> {
            try (ProviderLease<PaymentProvider> lease = host.registry().acquire("jazzcash", ProviderType.PAYMENT)
                    .orElseThrow()) {
                fromOtherThread[0] = lease.provider();
            }
        });
        other.start();
        other.join(10_000);
        host.rescan();

        try (ProviderLease<PaymentProvider> lease = host.registry().acquire("jazzcash", ProviderType.PAYMENT).orElseThrow()) {
            assertSame(first, lease.provider(), "a rescan without changes keeps the provider");
        }
        assertSame(first, fromOtherThread[0]);
    }

    @Test
    void givenAProvider_whenItsContextIsUsed_thenItHasItsIdAndTheInjectedClock() {
        host = RegistryHarness.in(temp);
        host.drop(FixturePlugin.payment("jazzcash"), "jazzcash.jar");
        host.rescan();

        assertEquals("jazzcash", host.command("jazzcash", ProviderType.PAYMENT, "id"));
        assertEquals(RegistryHarness.NOW.toString(), host.command("jazzcash", ProviderType.PAYMENT, "clock"));
    }

    @Test
    void givenAClosedLease_whenTheProviderIsAskedFor_thenIllegalState() {
        host = RegistryHarness.in(temp);
        host.drop(FixturePlugin.payment("jazzcash"), "jazzcash.jar");
        host.rescan();
        ProviderLease<PaymentProvider> lease = host.registry().acquire("jazzcash", ProviderType.PAYMENT).orElseThrow();

        lease.close();
        lease.close(); // idempotent

        assertThrows(IllegalStateException.class, lease::provider);
    }

    @Test
    void givenAServiceFileListingAClassOfTheServer_whenScanned_thenOnlyThePluginsOwnFactoryCounts() throws Exception {
        // A server whose SPI loader also has a factory in an SPI package: visible to plugins, but not theirs.
        Path serverJar = Files.write(temp.resolve("server.jar"), io.tijarat.core.plugin.testkit.TestPluginJars.jar()
                .source("io.tijarat.spi.payment.ServerOwnFactory", SERVER_OWN_FACTORY).bytes());
        try (java.net.URLClassLoader server = new java.net.URLClassLoader(new java.net.URL[] {serverJar.toUri().toURL()},
                getClass().getClassLoader())) {
            host = RegistryHarness.in(temp.resolve("host"), settings -> settings.spiClassLoader(server));
            host.drop(FixturePlugin.payment("jazzcash").jar()
                    .service(io.tijarat.spi.payment.PaymentProviderFactory.class, "io.tijarat.spi.payment.ServerOwnFactory"),
                    "jazzcash.jar");

            host.rescan();

            assertEquals(1, host.registry().entries().size(), host.registry().entries().toString());
            assertEquals(PluginState.ACTIVE, host.entry("jazzcash").state());
            assertEquals(Optional.empty(), host.registry().acquire("server-own", ProviderType.PAYMENT));
            host.close();
            host = null;
        }
    }

    @Test
    void givenNonJarAndHiddenFiles_whenScanned_thenTheyAreIgnored() throws Exception {
        host = RegistryHarness.in(temp);
        Files.writeString(host.pluginDirectory().resolve("README.txt"), "not a plugin");
        FixturePlugin.payment("hidden").jar().writeTo(host.pluginDirectory(), ".hidden.jar");
        Files.write(host.pluginDirectory().resolve("copying.jar.part"), new byte[] {1, 2, 3});

        host.rescan();

        assertEquals(List.of(), host.registry().entries());
    }

    @Test
    void givenAClosedRegistry_whenAskedForAProvider_thenNoneAndTheStagedCopiesAreGone() {
        host = RegistryHarness.in(temp);
        host.drop(FixturePlugin.payment("jazzcash"), "jazzcash.jar");
        host.rescan();

        host.registry().close();
        host.rescan();

        assertEquals(Optional.empty(), host.registry().acquire("jazzcash", ProviderType.PAYMENT));
        assertEquals(List.of(), host.registry().entries());
        assertEquals(0, host.stagedFiles());
    }

    private static List<String> ids(List<ProviderDescriptor> descriptors) {
        return descriptors.stream().map(ProviderDescriptor::id).toList();
    }

    private static final String SERVER_OWN_FACTORY = """
            package io.tijarat.spi.payment;

            import io.tijarat.spi.*;
            import java.time.Duration;

            public class ServerOwnFactory implements PaymentProviderFactory {
                public ProviderDescriptor descriptor() {
                    return ProviderDescriptor.builder("server-own", ProviderKind.PAYMENT).displayName("Server")
                            .pluginVersion("1").defaultTimeout(Duration.ofSeconds(1)).build();
                }

                public PaymentProvider create(ProviderContext context) {
                    return request -> new PaymentOutcome.Declined("X", "server");
                }
            }
            """;

    private static final String SHIPPING_TWIN = """
            package fixture.twin;

            import io.tijarat.spi.*;
            import io.tijarat.spi.shipping.*;
            import java.time.Duration;

            public class ShippingTwin implements ShippingProviderFactory {
                private static final ProviderDescriptor DESCRIPTOR = ProviderDescriptor.builder("leopards", ProviderKind.SHIPPING)
                        .displayName("Leopards").pluginVersion("1.0.0").defaultTimeout(Duration.ofSeconds(20)).build();

                @Override
                public ProviderDescriptor descriptor() {
                    return DESCRIPTOR;
                }

                @Override
                public ShippingProvider create(ProviderContext context) {
                    return new ShippingProvider() {
                        public CityCoverage coverage(String city) { return CityCoverage.notCovered(city); }
                        public BookingOutcome book(ShipmentRequest request) { return new BookingOutcome.Unknown("x"); }
                    };
                }
            }
            """;
}
