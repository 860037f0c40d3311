package io.tijarat.core.plugin.testkit;

import io.tijarat.core.plugin.PluginEntry;
import io.tijarat.core.plugin.PluginHostSettings;
import io.tijarat.core.plugin.PluginRegistry;
import io.tijarat.core.plugin.ProviderLease;
import io.tijarat.core.plugin.ProviderType;
import io.tijarat.core.plugin.context.ProviderContextFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A registry over a temporary plugin directory, with a mutable configuration map, a fixed clock and
 * plain http allowed to loopback. Close it after each test.
 */
public final class RegistryHarness implements AutoCloseable {

    public static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    private final Path pluginDirectory;
    private final Path stagingDirectory;
    private final Map<String, String> config = new ConcurrentHashMap<>();
    private final PluginRegistry registry;

    private RegistryHarness(Path root, UnaryOperator<ProviderContextFactory.Builder> contextCustomizer,
                            Consumer<PluginHostSettings.Builder> customizer) {
        try {
            this.pluginDirectory = Files.createDirectories(root.resolve("plugins"));
            this.stagingDirectory = Files.createDirectories(root.resolve("staging"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProviderContextFactory contexts = contextCustomizer.apply(
                ProviderContextFactory.builder(key -> Optional.ofNullable(config.get(key)))
                        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                        .allowInsecureLoopback(true))
                .build();
        PluginHostSettings.Builder settings = PluginHostSettings.builder(pluginDirectory, contexts)
                .stagingDirectory(stagingDirectory);
        customizer.accept(settings);
        this.registry = new PluginRegistry(settings.build());
    }

    public static RegistryHarness in(Path root) {
        return new RegistryHarness(root, contexts -> contexts, settings -> { });
    }

    public static RegistryHarness in(Path root, Consumer<PluginHostSettings.Builder> customizer) {
        return new RegistryHarness(root, contexts -> contexts, customizer);
    }

    /** With extra context settings (correlation ids, call listener) on top of the defaults. */
    public static RegistryHarness withContexts(Path root, UnaryOperator<ProviderContextFactory.Builder> contexts) {
        return new RegistryHarness(root, contexts, settings -> { });
    }

    public PluginRegistry registry() {
        return registry;
    }

    public Path pluginDirectory() {
        return pluginDirectory;
    }

    public Path stagingDirectory() {
        return stagingDirectory;
    }

    public Map<String, String> config() {
        return config;
    }

    /** Writes a fixture plugin's jar into the plugin directory. */
    public Path drop(FixturePlugin plugin, String fileName) {
        return plugin.jar().writeTo(pluginDirectory, fileName);
    }

    public Path drop(TestPluginJars.Builder jar, String fileName) {
        return jar.writeTo(pluginDirectory, fileName);
    }

    public RegistryHarness rescan() {
        registry.rescan();
        return this;
    }

    /** Runs a fixture command on the provider, through a lease that is closed afterwards. */
    public String command(String providerId, ProviderType<?> type, String command) {
        try (ProviderLease<?> lease = registry.acquire(providerId, type)
                .orElseThrow(() -> new AssertionError("no working provider " + providerId + "; entries: "
                        + registry.entries()))) {
            return commands(lease.provider()).apply(command);
        }
    }

    /** The fixture's command interface of a provider. */
    @SuppressWarnings("unchecked")
    public static Function<String, String> commands(Object provider) {
        return (Function<String, String>) provider;
    }

    /** The only entry for a provider id. */
    public PluginEntry entry(String providerId) {
        List<PluginEntry> matching = registry.entries().stream()
                .filter(entry -> entry.providerId().equals(Optional.of(providerId))).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected one entry for " + providerId + ", got " + registry.entries());
        }
        return matching.get(0);
    }

    /** The entries of one jar file. */
    public List<PluginEntry> entriesOf(String jarFileName) {
        return registry.entries().stream().filter(entry -> entry.jarFileName().equals(jarFileName)).toList();
    }

    /** Files left in the staging directory (copies of loaded or draining jars). */
    public long stagedFiles() {
        try (var files = Files.list(stagingDirectory)) {
            return files.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        registry.close();
    }
}
