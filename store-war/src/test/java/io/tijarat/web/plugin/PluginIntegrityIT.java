package io.tijarat.web.plugin;

import static io.tijarat.web.testing.Http.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.plugin.testkit.Eventually;
import io.tijarat.core.plugin.testkit.TestPluginJars;
import io.tijarat.web.testing.Http;
import io.tijarat.web.testing.PayaraTestServer;
import io.tijarat.web.testing.Shop;
import io.tijarat.web.testing.TestPlugins;
import io.tijarat.web.testing.TijaratIT;
import io.tijarat.web.testing.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Jar swaps in the running server: a broken copy over a working plugin leaves it in checkout, and an upgrade
 * with a versioned file name takes over without a restart.
 */
@TijaratIT
@RunAsClient
class PluginIntegrityIT {

    private static final String ID = "test-swap";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PayaraTestServer.realWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void a_broken_copy_over_a_working_jar_leaves_it_in_checkout_and_a_newer_versioned_jar_takes_over() {
        var http = new Http(base);
        var shop = new Shop(http);
        try {
            // Given a working plugin in checkout
            install("test-swap.jar", jar("1.0.0", "1.0"));
            Eventually.await(Duration.ofSeconds(30), "the plugin is active", () -> "ACTIVE".equals(TestPlugins.state(http, ID)));
            assertEquals("test-swap 1.0.0 declines", answer(shop));

            // When a broken build (another SPI major) is copied over its file
            install("test-swap.jar", jar("6.6.6", "9.0"));
            Eventually.await(Duration.ofSeconds(30), "the broken copy is reported", () -> plugins(http).contains("keeps serving"));

            // Then the working version is still in checkout
            assertEquals("test-swap 1.0.0 declines", answer(shop));
            assertEquals("ACTIVE", TestPlugins.state(http, ID));

            // When a newer version arrives under a versioned file name, new checkouts go to it
            install("test-swap-1.0.1.jar", jar("1.0.1", "1.0"));
            // (entries are listed by file name: test-swap-1.0.1.jar's comes first)
            Eventually.await(Duration.ofSeconds(30), "the newer version is active",
                    () -> "1.0.1".equals(TestPlugins.field(http, ID, "version")) && "ACTIVE".equals(TestPlugins.state(http, ID)));
            assertEquals("test-swap 1.0.1 declines", answer(shop));
            assertTrue(plugins(http).contains("superseded"), plugins(http));
        } finally {
            delete("test-swap-1.0.1.jar");
            delete("test-swap.jar");
        }
    }

    private static String answer(Shop shop) {
        var response = shop.checkout(ID);
        assertEquals(201, response.statusCode(), response.body());
        String message = field(response.body(), "order.payment.message");
        return message.substring(0, message.indexOf(" declines") + " declines".length());
    }

    private static String plugins(Http http) {
        return http.get("/api/admin/plugins", "Authorization", Tokens.admin()).body();
    }

    private static byte[] jar(String version, String spiVersion) {
        String pkg = "com.example.testswap.v" + version.replace('.', '_');
        return TestPluginJars.jar()
                .spiVersion(spiVersion)
                .source(pkg + ".Factory", """
                        package %PKG%;
                        import io.tijarat.spi.*;
                        import io.tijarat.spi.payment.*;
                        public class Factory implements PaymentProviderFactory {
                            public ProviderDescriptor descriptor() {
                                return ProviderDescriptor.builder("test-swap", ProviderKind.PAYMENT).displayName("Swap")
                                        .pluginVersion("%VERSION%").defaultTimeout(java.time.Duration.ofSeconds(10)).build();
                            }
                            public PaymentProvider create(ProviderContext context) {
                                return new PaymentProvider() {
                                    public PaymentOutcome start(PaymentRequest request) {
                                        return new PaymentOutcome.Declined("SWAP", "test-swap %VERSION% declines " + request.orderNumber());
                                    }
                                };
                            }
                        }
                        """.replace("%PKG%", pkg).replace("%VERSION%", version))
                .service("io.tijarat.spi.payment.PaymentProviderFactory", pkg + ".Factory")
                .bytes();
    }

    /** As an admin installs one: written next to the directory, then moved in. */
    private static void install(String fileName, byte[] jar) {
        try {
            Path tmp = TestPlugins.pluginDir().resolveSibling(fileName + ".part");
            Files.write(tmp, jar);
            Files.move(tmp, TestPlugins.pluginDir().resolve(fileName), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(String fileName) {
        try {
            Files.deleteIfExists(TestPlugins.pluginDir().resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
