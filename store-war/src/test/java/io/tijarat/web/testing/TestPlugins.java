package io.tijarat.web.testing;

import io.tijarat.core.plugin.testkit.TestPluginJars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Third-party payment plugins made on the fly and dropped into the running test server's plugin
 * directory, the way an admin installs one: written next to it and moved in, so never half a jar.
 */
public final class TestPlugins {

    private TestPlugins() {
    }

    /**
     * @param capabilities e.g. {@code "PaymentCapability.REFUND"} (comma-separated, may be empty)
     * @param providerBody the members of an anonymous {@code PaymentProvider}, e.g. a {@code start} method
     */
    public static void dropPayment(String id, String capabilities, String providerBody) {
        drop("payment", "Payment", id, capabilities, providerBody);
    }

    /** A notification plugin; {@code providerBody} holds the members of an anonymous {@code NotificationProvider}. */
    public static void dropNotification(String id, String capabilities, String providerBody) {
        drop("notification", "Notification", id, capabilities, providerBody);
    }

    /** A shipping plugin; {@code providerBody} holds the members of an anonymous {@code ShippingProvider}. */
    public static void dropShipping(String id, String capabilities, String providerBody) {
        drop("shipping", "Shipping", id, capabilities, providerBody);
    }

    /** A shipping plugin that declares the SPI version it uses ({@code "1.1"} for tracking webhooks). */
    public static void dropShipping(String id, String spiVersion, String capabilities, String providerBody) {
        drop("shipping", "Shipping", id, spiVersion, capabilities, providerBody);
    }

    private static void drop(String kindPackage, String kind, String id, String capabilities, String providerBody) {
        drop(kindPackage, kind, id, "1.0", capabilities, providerBody);
    }

    private static void drop(String kindPackage, String kind, String id, String spiVersion, String capabilities,
                             String providerBody) {
        String pkg = "com.example." + id.replace("-", "");
        byte[] jar = TestPluginJars.jar()
                .spiVersion(spiVersion)
                .source(pkg + ".Factory", """
                        package %PKG%;
                        import io.tijarat.spi.*;
                        import io.tijarat.spi.%KINDPKG%.*;
                        public class Factory implements %KIND%ProviderFactory {
                            public ProviderDescriptor descriptor() {
                                return ProviderDescriptor.builder("%ID%", ProviderKind.%KINDUP%).displayName("%ID%")
                                        .pluginVersion("1.0.0").capabilities(%CAPS%)
                                        .defaultTimeout(java.time.Duration.ofSeconds(10)).build();
                            }
                            public %KIND%Provider create(ProviderContext context) {
                                return new %KIND%Provider() { %BODY% };
                            }
                        }
                        """.replace("%PKG%", pkg).replace("%ID%", id).replace("%CAPS%", capabilities)
                        .replace("%KINDPKG%", kindPackage).replace("%KINDUP%", kind.toUpperCase()).replace("%KIND%", kind)
                        .replace("%BODY%", providerBody))
                .service("io.tijarat.spi." + kindPackage + "." + kind + "ProviderFactory", pkg + ".Factory")
                .bytes();
        try {
            Path tmp = pluginDir().resolveSibling(id + ".jar.part");
            Files.write(tmp, jar);
            Files.move(tmp, pluginDir().resolve(id + ".jar"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path pluginDir() {
        return Path.of(System.getProperty("tijarat.it.workdir"), "plugins");
    }

    /** The plugin's state as the admin API reports it ("ACTIVE", "REFUSED", …), or null if not listed. */
    public static String state(Http http, String id) {
        return field(http, id, "state");
    }

    public static String field(Http http, String id, String name) {
        String body = http.get("/api/admin/plugins", "Authorization", Tokens.admin()).body();
        for (var value : jakarta.json.Json.createReader(new java.io.StringReader(body)).readArray()) {
            var plugin = value.asJsonObject();
            if (id.equals(plugin.getString("providerId", null))) {
                return plugin.getString(name, null);
            }
        }
        return null;
    }
}
