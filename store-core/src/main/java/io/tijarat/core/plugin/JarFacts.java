package io.tijarat.core.plugin;

import io.tijarat.core.plugin.jar.PluginJar;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderKind;
import java.util.Optional;

/** What is known about a jar when an entry is written about it; builds the entries. Immutable. */
record JarFacts(String fileName, Optional<String> sha256, Optional<String> declaredSpiVersion,
                Optional<String> implementationVersion) {

    static JarFacts of(PluginJar jar) {
        return new JarFacts(jar.fileName(), Optional.of(jar.sha256()), jar.declaredSpiVersion(),
                jar.implementationVersion());
    }

    static JarFacts unread(String fileName, Optional<String> sha256) {
        return new JarFacts(fileName, sha256, Optional.empty(), Optional.empty());
    }

    /** About the jar, or a provider of a known kind whose descriptor is not known. */
    PluginEntry entry(Optional<ProviderKind> kind, PluginState state, String reason) {
        return new PluginEntry(fileName, sha256, declaredSpiVersion, implementationVersion, Optional.empty(), kind,
                Optional.empty(), state, Optional.of(reason));
    }

    /** About a provider whose descriptor is known; {@code reason} is empty only for ACTIVE. */
    PluginEntry entry(ProviderDescriptor descriptor, PluginState state, Optional<String> reason) {
        return new PluginEntry(fileName, sha256, declaredSpiVersion, Optional.of(descriptor.pluginVersion()),
                Optional.of(descriptor.id()), Optional.of(descriptor.kind()), Optional.of(descriptor.displayName()),
                state, reason);
    }
}
