package io.tijarat.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tijarat.core.plugin.testkit.Eventually;
import io.tijarat.core.plugin.testkit.FixturePlugin;
import io.tijarat.core.plugin.testkit.RegistryHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher drives rescan(); timing is polled with a bound, never slept on. */
class PluginDirectoryWatcherTest {

    private static final Duration LIMIT = Duration.ofSeconds(20);

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
    void givenAWatchedDirectory_whenJarsAreAddedReplacedAndRemoved_thenTheRegistryFollows() throws Exception {
        // A poll interval far beyond the test's limit: only directory events can make this pass.
        PluginDirectoryWatcher watcher = PluginDirectoryWatcher.start(host.registry(), host.pluginDirectory(),
                Duration.ofHours(1), Duration.ofMillis(100));
        try {
            host.drop(FixturePlugin.payment("jazzcash").version("1.0.0"), "jazzcash.jar");
            Eventually.await(LIMIT, "jazzcash 1.0.0 is served",
                    () -> host.registry().acquire("jazzcash", ProviderType.PAYMENT).isPresent());

            host.drop(FixturePlugin.payment("jazzcash").version("2.0.0"), "jazzcash.jar");
            Eventually.await(LIMIT, "jazzcash 2.0.0 is served",
                    () -> "2.0.0".equals(host.command("jazzcash", ProviderType.PAYMENT, "version")));

            Files.delete(host.pluginDirectory().resolve("jazzcash.jar"));
            Eventually.await(LIMIT, "jazzcash is gone",
                    () -> host.registry().acquire("jazzcash", ProviderType.PAYMENT).isEmpty());
        } finally {
            watcher.close();
        }
    }

    @Test
    void givenNoDirectoryEvents_whenThePollIntervalPasses_thenTheRegistryIsRescannedAnyway() throws Exception {
        host.config().put("tijarat.provider.cod.note", "first");
        host.drop(FixturePlugin.payment("cod").property("ConfigProperty.optional(\"note\", \"A note\")"), "cod.jar");
        host.rescan();

        PluginDirectoryWatcher watcher = PluginDirectoryWatcher.start(host.registry(), host.pluginDirectory(),
                Duration.ofMillis(100), Duration.ofMillis(50));
        try {
            // A configuration change makes no file event; only the periodic scan can pick it up.
            host.config().put("tijarat.provider.cod.note", "second");

            Eventually.await(LIMIT, "the new configuration is in use",
                    () -> "second".equals(host.command("cod", ProviderType.PAYMENT, "config:note")));
        } finally {
            watcher.close();
        }
    }

    @Test
    void givenARunningWatcher_whenClosed_thenItsThreadEnds() throws Exception {
        AtomicReference<Thread> thread = new AtomicReference<>();
        PluginDirectoryWatcher watcher = PluginDirectoryWatcher.start(host.registry(), host.pluginDirectory(),
                Duration.ofHours(1), Duration.ofMillis(50), runnable -> {
                    Thread created = new Thread(runnable, "test-watcher");
                    thread.set(created);
                    return created;
                });

        watcher.close();

        thread.get().join(LIMIT.toMillis());
        assertFalse(thread.get().isAlive());
        assertEquals("test-watcher", thread.get().getName());
    }
}
