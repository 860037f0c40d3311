package io.tijarat.core.plugin;

import io.tijarat.core.plugin.context.ProviderContextFactory;
import io.tijarat.spi.ProviderFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the plugin host is set up: where plugin jars are, where it keeps its private copies, the
 * optional allow-list, and how provider contexts are built. Build one with
 * {@link #builder(Path, ProviderContextFactory)}; immutable and thread-safe.
 */
public final class PluginHostSettings {

    private final Path pluginDirectory;
    private final Path stagingDirectory;
    private final Optional<Path> allowListFile;
    private final ProviderContextFactory contexts;
    private final ClassLoader spiClassLoader;
    private final Set<String> initiallyDisabled;

    private PluginHostSettings(Builder builder) {
        this.pluginDirectory = builder.pluginDirectory;
        this.stagingDirectory = builder.stagingDirectory != null ? builder.stagingDirectory : newTempStaging();
        this.allowListFile = builder.allowListFile;
        this.contexts = builder.contexts;
        this.spiClassLoader = builder.spiClassLoader;
        this.initiallyDisabled = Set.copyOf(builder.initiallyDisabled);
    }

    /**
     * @param pluginDirectory where operators drop plugin jars ({@code *.jar}; other files are ignored)
     * @param contexts        builds each provider's context
     */
    public static Builder builder(Path pluginDirectory, ProviderContextFactory contexts) {
        return new Builder(pluginDirectory, contexts);
    }

    public Path pluginDirectory() {
        return pluginDirectory;
    }

    /** Where the host copies jars before loading them; only the host writes there. */
    public Path stagingDirectory() {
        return stagingDirectory;
    }

    /** When present, a jar whose SHA-256 is not listed in this file is refused. */
    public Optional<Path> allowListFile() {
        return allowListFile;
    }

    public ProviderContextFactory contexts() {
        return contexts;
    }

    /** The loader the SPI classes come from, shared with every plugin. */
    public ClassLoader spiClassLoader() {
        return spiClassLoader;
    }

    /** Provider ids that start disabled. */
    public Set<String> initiallyDisabled() {
        return initiallyDisabled;
    }

    private static Path newTempStaging() {
        try {
            return Files.createTempDirectory("tijarat-plugins-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging directory for plugin jars in the temp directory;"
                    + " set one with PluginHostSettings.Builder.stagingDirectory", e);
        }
    }

    /** Collects the settings; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private final Path pluginDirectory;
        private final ProviderContextFactory contexts;
        private Path stagingDirectory;
        private Optional<Path> allowListFile = Optional.empty();
        private ClassLoader spiClassLoader = ProviderFactory.class.getClassLoader();
        private final Set<String> initiallyDisabled = new LinkedHashSet<>();

        private Builder(Path pluginDirectory, ProviderContextFactory contexts) {
            this.pluginDirectory = Objects.requireNonNull(pluginDirectory, "pluginDirectory");
            this.contexts = Objects.requireNonNull(contexts, "contexts");
        }

        /** Default: a new directory under the system temp directory. Must not be the plugin directory. */
        public Builder stagingDirectory(Path stagingDirectory) {
            this.stagingDirectory = Objects.requireNonNull(stagingDirectory, "stagingDirectory");
            return this;
        }

        /** Turns on hash checking: only jars listed in this file (as {@code sha256sum} prints) load. */
        public Builder allowListFile(Path allowListFile) {
            this.allowListFile = Optional.of(allowListFile);
            return this;
        }

        /** Default: the loader of the SPI classes the host itself uses; change only in tests. */
        public Builder spiClassLoader(ClassLoader spiClassLoader) {
            this.spiClassLoader = Objects.requireNonNull(spiClassLoader, "spiClassLoader");
            return this;
        }

        /** Starts this provider id disabled (see {@link PluginRegistry#disable}). */
        public Builder disabled(String providerId) {
            this.initiallyDisabled.add(Objects.requireNonNull(providerId, "providerId"));
            return this;
        }

        /** @throws IllegalArgumentException if the staging directory is the plugin directory or inside it */
        public PluginHostSettings build() {
            if (stagingDirectory != null
                    && stagingDirectory.toAbsolutePath().normalize().startsWith(pluginDirectory.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("the plugin staging directory " + stagingDirectory
                        + " must be outside the plugin directory " + pluginDirectory
                        + ": the host's copies would be scanned as plugins");
            }
            return new PluginHostSettings(this);
        }
    }
}
