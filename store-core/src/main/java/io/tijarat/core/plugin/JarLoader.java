package io.tijarat.core.plugin;

import io.tijarat.core.plugin.classloading.PluginClassLoader;
import io.tijarat.core.plugin.jar.JarStaging;
import io.tijarat.core.plugin.jar.PluginJar;
import io.tijarat.core.plugin.jar.StagedJar;
import io.tijarat.core.plugin.jar.UnreadableJarException;
import io.tijarat.spi.SpiVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Takes one file from the plugin directory as far as it can go: staged copy and hash, allow-list,
 * manifest, SPI version, then a class loader and its factories. Each check runs before any of the
 * jar's code does; a jar refused on the way never gets a class loader. Stateless apart from the
 * staging directory; called under the registry's lock.
 */
final class JarLoader {

    private final JarStaging staging;
    private final ClassLoader spiLoader;

    JarLoader(JarStaging staging, ClassLoader spiLoader) {
        this.staging = staging;
        this.spiLoader = spiLoader;
    }

    /** What became of a file. */
    sealed interface Outcome {
    }

    /** Loaded, with at least one usable factory. */
    record Loaded(LoadedPlugin plugin) implements Outcome {
    }

    /** Refused or failed as a whole; the verdict holds until the file (or the allow-list) changes. */
    record Rejected(List<PluginEntry> entries) implements Outcome {
    }

    /** Not readable yet (still being copied?): tried again on the next scan. */
    record Unreadable(PluginEntry entry) implements Outcome {
    }

    /** The same bytes as the copy already loaded (the file was only touched). */
    record Unchanged() implements Outcome {
    }

    /**
     * @param loadedSha256 the hash of the copy of this file that is loaded now, if any
     */
    Outcome load(Path file, Optional<String> loadedSha256, AllowListState allowList) {
        String fileName = file.getFileName().toString();
        StagedJar staged;
        try {
            staged = staging.stage(file);
        } catch (IOException e) {
            return new Unreadable(JarFacts.unread(fileName, Optional.empty()).entry(Optional.empty(), PluginState.FAILED,
                    fileName + " cannot be read: " + Failures.describe(e) + "; trying again on the next scan"));
        }
        Optional<String> refusal = allowList.refusal(fileName, staged.sha256());
        if (refusal.isPresent()) {
            JarStaging.deleteQuietly(staged.copy());
            return new Rejected(List.of(JarFacts.unread(fileName, Optional.of(staged.sha256()))
                    .entry(Optional.empty(), PluginState.REFUSED, refusal.get())));
        }
        if (loadedSha256.filter(staged.sha256()::equals).isPresent()) {
            JarStaging.deleteQuietly(staged.copy());
            return new Unchanged();
        }
        return inspect(staged);
    }

    private Outcome inspect(StagedJar staged) {
        Path libraryDirectory = staged.copy().resolveSibling(staged.copy().getFileName() + ".lib");
        PluginJar jar;
        try {
            jar = PluginJar.read(staged, libraryDirectory);
        } catch (UnreadableJarException e) {
            discard(staged, libraryDirectory);
            return new Unreadable(JarFacts.unread(staged.fileName(), Optional.of(staged.sha256())).entry(Optional.empty(),
                    PluginState.FAILED, e.getMessage() + "; trying again on the next scan"));
        }
        JarFacts facts = JarFacts.of(jar);
        Optional<String> refusal = refusal(jar);
        if (refusal.isPresent()) {
            discard(staged, libraryDirectory);
            return new Rejected(entriesPerDeclaredFactory(jar, facts, refusal.get()));
        }
        PluginClassLoader loader = new PluginClassLoader(jar.fileName(), urls(jar), spiLoader);
        FactoryDiscovery.Discovery discovery = FactoryDiscovery.discover(loader, facts, jar.services());
        if (discovery.factories().isEmpty()) {
            closeQuietly(loader);
            discard(staged, libraryDirectory);
            return new Rejected(discovery.problems().isEmpty()
                    ? List.of(facts.entry(Optional.empty(), PluginState.REFUSED, jar.fileName()
                    + " lists no provider factory class of its own in META-INF/services"))
                    : discovery.problems());
        }
        return new Loaded(new LoadedPlugin(jar, loader, libraryDirectory, discovery.factories(), discovery.problems()));
    }

    /** Jar-level reasons not to run any of its code. */
    private static Optional<String> refusal(PluginJar jar) {
        if (jar.declaredSpiVersion().isEmpty()) {
            return Optional.of(jar.fileName() + " has no " + SpiVersion.MANIFEST_ATTRIBUTE
                    + " in its manifest: rebuild it against integrations-spi and declare '"
                    + SpiVersion.MANIFEST_ATTRIBUTE + ": " + SpiVersion.CURRENT + "'");
        }
        String declared = jar.declaredSpiVersion().get();
        SpiVersion version;
        try {
            version = SpiVersion.parse(declared);
        } catch (IllegalArgumentException e) {
            return Optional.of(jar.fileName() + ": " + e.getMessage());
        }
        if (!SpiVersion.CURRENT.isCompatibleWith(version)) {
            return Optional.of(jar.fileName() + " was built for SPI " + version + ", and this server implements SPI "
                    + SpiVersion.CURRENT + (version.major() != SpiVersion.CURRENT.major()
                    ? ": a different major version may break anything" : ": the plugin may use what this server lacks")
                    + "; use a build of the plugin for SPI " + SpiVersion.CURRENT.major() + ".x (x <= "
                    + SpiVersion.CURRENT.minor() + ")");
        }
        if (!jar.classPathDeclarations().isEmpty()) {
            return Optional.of(jar.fileName() + " declares a manifest Class-Path (" + String.join("; ",
                    jar.classPathDeclarations()) + "), which would load files from outside the plugin;"
                    + " bundle libraries inside the jar (shaded, or as lib/*.jar) instead");
        }
        if (declaredFactoryKinds(jar).isEmpty()) {
            return Optional.of(jar.fileName() + " declares no provider factory: list it in META-INF/services/"
                    + ProviderType.PAYMENT.factoryInterface().getName() + " (or the shipping or notification one)");
        }
        return Optional.empty();
    }

    /** One entry per factory class the jar lists, so the report shows what was refused. */
    private static List<PluginEntry> entriesPerDeclaredFactory(PluginJar jar, JarFacts facts, String reason) {
        List<PluginEntry> entries = new ArrayList<>();
        for (ProviderType<?> type : declaredFactoryKinds(jar)) {
            for (String ignored : jar.services().get(type.factoryInterface().getName())) {
                entries.add(facts.entry(Optional.of(type.kind()), PluginState.REFUSED, reason));
            }
        }
        return entries.isEmpty() ? List.of(facts.entry(Optional.empty(), PluginState.REFUSED, reason)) : entries;
    }

    private static List<ProviderType<?>> declaredFactoryKinds(PluginJar jar) {
        return ProviderType.all().stream()
                .filter(type -> !jar.services().getOrDefault(type.factoryInterface().getName(), List.of()).isEmpty())
                .toList();
    }

    private static List<URL> urls(PluginJar jar) {
        List<URL> urls = new ArrayList<>();
        urls.add(url(jar.staged().copy()));
        jar.bundledLibraries().forEach(library -> urls.add(url(library)));
        return urls;
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException("a file path did not convert to a URL: " + path, e);
        }
    }

    private static void discard(StagedJar staged, Path libraryDirectory) {
        JarStaging.deleteQuietly(staged.copy());
        JarStaging.deleteQuietly(libraryDirectory);
    }

    private static void closeQuietly(PluginClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // Nothing was loaded through it that anybody holds; the staged file goes anyway.
        }
    }
}
