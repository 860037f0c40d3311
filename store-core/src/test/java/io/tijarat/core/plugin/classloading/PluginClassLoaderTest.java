package io.tijarat.core.plugin.classloading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.plugin.testkit.TestPluginJars;
import io.tijarat.spi.payment.PaymentProviderFactory;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Class by class: what plugin code can and cannot load (PF4J tests its loaders the same way). */
class PluginClassLoaderTest {

    private static final String PROBE = """
            package probe;

            import java.util.function.Function;

            /** Loads a class the way plugin code does: Class.forName, with its own loader. */
            public class Probe implements Function<String, String> {
                @Override
                public String apply(String name) {
                    try {
                        Class<?> type = Class.forName(name);
                        return "loaded";
                    } catch (ClassNotFoundException e) {
                        return "ClassNotFoundException";
                    }
                }
            }
            """;

    @TempDir
    Path temp;

    private final List<PluginClassLoader> loaders = new ArrayList<>();

    @AfterEach
    void closeLoaders() throws IOException {
        for (PluginClassLoader loader : loaders) {
            loader.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "org.hibernate.Session",
            "jakarta.persistence.EntityManager",
            "jakarta.enterprise.inject.spi.BeanManager",
            "org.flywaydb.core.Flyway",
            "org.eclipse.microprofile.config.Config",
            "org.junit.jupiter.api.Test",
            "io.tijarat.core.plugin.PluginRegistry",
            "io.tijarat.core.plugin.classloading.PluginClassLoader",
            "io.tijarat.spi.internal.Checks"})
    void givenAClassOnTheServersClassPath_whenPluginCodeLoadsIt_thenClassNotFound(String hostClass) throws Exception {
        Class.forName(hostClass); // the premise: the server has it, so the plugin not seeing it means isolation

        Function<String, String> probe = probe(TestPluginJars.jar().source("probe.Probe", PROBE));

        assertEquals("ClassNotFoundException", probe.apply(hostClass));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "io.tijarat.spi.Money",
            "io.tijarat.spi.ProviderContext",
            "io.tijarat.spi.payment.PaymentProvider",
            "io.tijarat.spi.shipping.ShippingProvider",
            "io.tijarat.spi.notification.NotificationProvider",
            "java.net.http.HttpClient",
            "java.sql.Connection",
            "javax.net.ssl.SSLContext",
            "javax.crypto.Mac",
            "org.w3c.dom.Document"})
    void givenAnSpiOrJdkClass_whenPluginCodeLoadsIt_thenItGetsTheServersVeryClass(String shared) throws Exception {
        PluginClassLoader loader = loader(TestPluginJars.jar().source("probe.Probe", PROBE));

        assertEquals("loaded", probeIn(loader).apply(shared));
        assertSame(Class.forName(shared), loader.loadClass(shared), "one class shared, not a copy");
    }

    @Test
    void givenAPluginThatBundlesACopyOfAnSpiClass_whenItIsLoaded_thenTheServersCopyWins() throws Exception {
        PluginClassLoader loader = loader(TestPluginJars.jar().withoutSpi()
                .source("io.tijarat.spi.Money", "package io.tijarat.spi; public final class Money { }"));

        assertSame(io.tijarat.spi.Money.class, loader.loadClass("io.tijarat.spi.Money"));
    }

    @Test
    void givenThePluginsOwnClass_whenLoaded_thenThePluginLoaderDefinesIt() throws Exception {
        PluginClassLoader loader = loader(TestPluginJars.jar().source("probe.Probe", PROBE));

        assertSame(loader, loader.loadClass("probe.Probe").getClassLoader());
        assertEquals("loaded", probeIn(loader).apply("probe.Probe"));
    }

    @Test
    void givenTwoPluginsBundlingDifferentVersionsOfOneLibraryClass_whenEachCallsIt_thenEachGetsItsOwn() throws Exception {
        String caller = """
                package probe;
                public class Caller implements java.util.function.Function<String, String> {
                    public String apply(String ignored) { return shared.lib.Greeter.greet(); }
                }
                """;
        byte[] greeterV2 = TestPluginJars.jar().withoutSpiVersion()
                .source("shared.lib.Greeter", greeter("v2")).bytes();
        // One shades the library into its jar; the other bundles it as lib/greeter.jar.
        PluginClassLoader shaded = loader(TestPluginJars.jar().source("shared.lib.Greeter", greeter("v1"))
                .source("probe.Caller", caller));
        PluginClassLoader bundled = loader(TestPluginJars.jar().source("shared.lib.Greeter", greeter("v2"))
                .source("probe.Caller", caller).omitClass("shared.lib.Greeter"), greeterV2);

        assertEquals("hello from v1", call(shaded, "probe.Caller"));
        assertEquals("hello from v2", call(bundled, "probe.Caller"));
        assertNotEquals(shaded.loadClass("shared.lib.Greeter"), bundled.loadClass("shared.lib.Greeter"));
    }

    @Test
    void givenServiceFilesOnTheServersClassPath_whenThePluginListsServices_thenItSeesOnlyItsOwn() throws Exception {
        Path hostRoot = Files.createDirectories(temp.resolve("host/META-INF/services")).getParent().getParent();
        String service = "META-INF/services/" + PaymentProviderFactory.class.getName();
        Files.writeString(hostRoot.resolve(service), "host.Factory\n");
        Files.writeString(hostRoot.resolve("host-only.properties"), "a=b\n");
        try (URLClassLoader host = new URLClassLoader(new URL[] {hostRoot.toUri().toURL()}, getClass().getClassLoader())) {
            assertNotNull(host.getResource(service), "premise: the host sees its service file");
            PluginClassLoader loader = track(new PluginClassLoader("plugin.jar", List.of(jarUrl(TestPluginJars.jar()
                    .service(PaymentProviderFactory.class, "plugin.Factory"))), host));

            List<URL> visible = Collections.list(loader.getResources(service));

            assertEquals(1, visible.size(), visible.toString());
            assertTrue(visible.get(0).toString().contains("plugin"), visible.toString());
            assertNull(loader.getResource("host-only.properties"));
        }
    }

    @Test
    void givenTheServersLibraryResources_whenThePluginLooksThemUp_thenTheyAreAbsent() throws Exception {
        String hibernateServices = "META-INF/services/jakarta.persistence.spi.PersistenceProvider";
        assertNotNull(getClass().getClassLoader().getResource(hibernateServices), "premise: the host has it");
        PluginClassLoader loader = loader(TestPluginJars.jar().source("probe.Probe", PROBE));

        assertNull(loader.getResource(hibernateServices));
        assertNull(loader.getResource("org/hibernate/Session.class"));
        assertNull(loader.getResource("io/tijarat/core/plugin/PluginRegistry.class"));
        assertEquals(0, Collections.list(loader.getResources(hibernateServices)).size());
    }

    @Test
    void givenAnSpiResource_whenThePluginLooksItUp_thenItIsVisible() throws Exception {
        PluginClassLoader loader = loader(TestPluginJars.jar().source("probe.Probe", PROBE));

        assertNotNull(loader.getResource("io/tijarat/spi/spi-version.properties"));
        assertNotNull(loader.getResource("io/tijarat/spi/Money.class"));
        assertNull(loader.getResource("io/tijarat/spi/internal/Checks.class"));
    }

    @Test
    void givenAClosedLoader_whenANewClassIsLoaded_thenItFails() throws Exception {
        PluginClassLoader loader = loader(TestPluginJars.jar().source("probe.Probe", PROBE));

        loader.close();

        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("probe.Probe"));
    }

    private static String greeter(String version) {
        return "package shared.lib; public final class Greeter { public static String greet() { return \"hello from "
                + version + "\"; } }";
    }

    private Function<String, String> probe(TestPluginJars.Builder jar) throws Exception {
        return probeIn(loader(jar));
    }

    @SuppressWarnings("unchecked")
    private static Function<String, String> probeIn(ClassLoader loader) throws Exception {
        return (Function<String, String>) loader.loadClass("probe.Probe").getConstructor().newInstance();
    }

    @SuppressWarnings("unchecked")
    private static String call(ClassLoader loader, String className) throws Exception {
        return ((Function<String, String>) loader.loadClass(className).getConstructor().newInstance()).apply("");
    }

    private PluginClassLoader loader(TestPluginJars.Builder jar, byte[]... libraries) throws IOException {
        List<URL> urls = new ArrayList<>(List.of(jarUrl(jar)));
        for (byte[] library : libraries) {
            Path file = Files.createTempFile(temp, "lib-", ".jar");
            Files.write(file, library);
            urls.add(file.toUri().toURL());
        }
        return track(new PluginClassLoader("test-plugin", urls, io.tijarat.spi.ProviderFactory.class.getClassLoader()));
    }

    private URL jarUrl(TestPluginJars.Builder jar) throws IOException {
        Path file = Files.createTempFile(temp, "plugin-", ".jar");
        Files.write(file, jar.bytes());
        return file.toUri().toURL();
    }

    private PluginClassLoader track(PluginClassLoader loader) {
        loaders.add(loader);
        return loader;
    }
}
