package io.tijarat.web.testing;

import io.tijarat.core.testsupport.TestDatabase;
import io.tijarat.server.PayaraMicroOptions;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Prepares what the Arquillian container needs before it boots Payara Micro: the database (external when
 * {@code tijarat.test.db.url} is set, else an embedded MariaDB), a system-properties file pointing the
 * server at it, and the options that keep every socket on 127.0.0.1 (STACK.md pitfall 5). Runs once per
 * test JVM; does nothing inside the server, where JUnit also evaluates the annotation.
 */
public final class PayaraTestServer implements BeforeAllCallback {

    private static boolean prepared;

    /** The real WAR the reactor built, as Arquillian deploys it. */
    public static WebArchive realWar() {
        String war = System.getProperty("tijarat.it.war");
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(war))
                .addClasses(TijaratIT.class, PayaraTestServer.class);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        prepare();
    }

    /** A fresh plugin directory holding the bundled plugin jars, as the run command installs them. */
    private static Path installBundledPlugins(Path pluginDir) {
        try {
            if (java.nio.file.Files.exists(pluginDir)) {
                try (var old = java.nio.file.Files.list(pluginDir)) {
                    for (Path p : old.toList()) {
                        java.nio.file.Files.delete(p);
                    }
                }
            }
            java.nio.file.Files.createDirectories(pluginDir);
            try (var jars = java.nio.file.Files.list(Path.of(System.getProperty("tijarat.it.bundledPlugins")))) {
                // WhatsApp is installed by WhatsAppIT while it runs (as an admin drops a jar in): with it active, the
                // other tests' customers would hear by WhatsApp instead of SMS
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar"))
                        .filter(p -> !p.getFileName().toString().equals(MessagingStubs.WHATSAPP_JAR)).toList()) {
                    java.nio.file.Files.copy(jar, pluginDir.resolve(jar.getFileName()));
                }
            }
            return pluginDir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static synchronized void prepare() {
        String workdir = System.getProperty("tijarat.it.workdir");
        if (prepared || workdir == null) {
            return;
        }
        TestDatabase db = TestDatabase.get();
        Path dir = Path.of(workdir).toAbsolutePath();
        Path pluginDir = installBundledPlugins(dir.resolve("plugins"));
        Path preboot = PayaraMicroOptions.writePrebootCommands(dir, "127.0.0.1", "tijarat-it-" + ProcessHandle.current().pid());
        Map<String, String> properties = new java.util.HashMap<>(PaymentStubs.serverProperties());
        properties.putAll(CourierStubs.serverProperties());
        properties.putAll(MessagingStubs.serverProperties());
        properties.putAll(Map.of(
                "tijarat.db.url", db.url(),
                "tijarat.db.user", db.user(),
                "tijarat.db.password", db.password(),
                "tijarat.mode", "test",
                "tijarat.plugins.dir", pluginDir.toString(),
                "tijarat.plugins.poll-ms", "1000",
                "tijarat.tracking.min-interval-seconds", "1",
                "tijarat.reconciler.in-flight-seconds", "1",
                "tijarat.demo-catalog", "true"));
        properties.putAll(Map.of("tijarat.webhooks.interval-seconds", "1", "tijarat.webhooks.retry-scale", "1000",
                "tijarat.webhooks.secret-grace-seconds", "30"));
        // ProviderIsolationIT's "test-tight" plugin: fault-tolerance values of its own
        properties.putAll(Map.of("tijarat.provider.test-tight.ft.start.timeout-ms", "1500",
                "tijarat.provider.test-tight.ft.start.bulkhead", "2"));
        // Rate limits: the tests reach the server through 127.0.0.1, configured as a trusted proxy, so a test that
        // floods sends X-Forwarded-For addresses of its own and never empties another test's bucket; the limits
        // hold the suite's own bursts (fifty concurrent checkouts) and refill one a second.
        properties.putAll(Map.of("tijarat.http.trusted-proxies", "127.0.0.1",
                "tijarat.checkout.per-address-per-minute", "60", "tijarat.checkout.per-address-burst", "100",
                "tijarat.checkout.per-phone-per-minute", "60", "tijarat.checkout.per-phone-burst", "100",
                "tijarat.cod.release-interval-seconds", "1"));
        Path systemProperties = PayaraMicroOptions.writeSystemProperties(dir.resolve("system.properties"), properties);
        List<String> jvm = new ArrayList<>(PayaraMicroOptions.JVM_OPTIONS);
        jvm.addAll(List.of(System.getProperty("tijarat.it.payara.jvm", "").trim().split("\\s+")));
        System.setProperty("tijarat.it.cmdOptions", String.join(" ", jvm).trim());
        System.setProperty("tijarat.it.microOptions",
                String.join(" ", PayaraMicroOptions.microOptions(preboot, systemProperties)));
        prepared = true;
    }
}
