package io.tijarat.core.plugin;

import io.tijarat.spi.ProviderKind;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the plugin report: a provider a jar declares, or the jar itself when the host could not
 * get as far as its providers. Immutable.
 *
 * @param jarFileName        the file in the plugin directory
 * @param sha256             of the jar's bytes, when the file could be read
 * @param declaredSpiVersion the manifest's {@code Tijarat-SPI-Version}, as written
 * @param pluginVersion      the descriptor's plugin version, else the manifest's {@code Implementation-Version}
 * @param providerId         the descriptor's id, once the factory has produced a descriptor
 * @param kind               from the factory interface the jar lists the provider under
 * @param displayName        the descriptor's display name
 * @param state              see {@link PluginState}
 * @param reason             why it is not {@link PluginState#ACTIVE}, for the operator; empty when active
 */
public record PluginEntry(String jarFileName, Optional<String> sha256, Optional<String> declaredSpiVersion,
                          Optional<String> pluginVersion, Optional<String> providerId, Optional<ProviderKind> kind,
                          Optional<String> displayName, PluginState state, Optional<String> reason) {

    public PluginEntry {
        Objects.requireNonNull(jarFileName, "jarFileName");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(declaredSpiVersion, "declaredSpiVersion");
        Objects.requireNonNull(pluginVersion, "pluginVersion");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
    }

    /** A one-line summary for logs. */
    public String summary() {
        return state + " " + providerId.orElse("?") + " (" + kind.map(Enum::name).orElse("?") + ", "
                + pluginVersion.orElse("?") + ") from " + jarFileName + reason.map(text -> ": " + text).orElse("");
    }
}
