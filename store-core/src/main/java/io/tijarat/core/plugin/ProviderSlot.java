package io.tijarat.core.plugin;

import io.tijarat.core.plugin.context.ProviderContextFactory;
import io.tijarat.core.plugin.context.Redactor;
import io.tijarat.core.plugin.context.ScopedProviderConfig;
import io.tijarat.spi.ProviderDescriptor;
import java.util.List;
import java.util.Optional;

/**
 * The factory that serves a provider id, and the provider it created for the current configuration:
 * one provider per (factory, configuration), created again only when the configuration changes.
 *
 * <p>Not thread-safe: used only under the registry's lock. What the core sees of it is the immutable
 * {@link Servable} published in the registry's snapshot.
 */
final class ProviderSlot {

    /**
     * Starts the reason of a provider none of whose settings is set: a bundled plugin the shop does not use (yet).
     * Reported like any FAILED provider, but logged as information, not as a warning.
     */
    static final String NOT_CONFIGURED = "not configured; ";


    private final LoadedPlugin plugin;
    private final DiscoveredFactory factory;
    private ScopedProviderConfig config;
    private Object provider;
    private String failure;

    ProviderSlot(LoadedPlugin plugin, DiscoveredFactory factory) {
        this.plugin = plugin;
        this.factory = factory;
    }

    DiscoveredFactory factory() {
        return factory;
    }

    /**
     * Reads the configuration and makes sure the provider matches it: keeps the provider (or the
     * failure) when nothing changed, else checks required properties and calls {@code create}.
     *
     * @return why there is no working provider, if there is none
     */
    Optional<String> refresh(ProviderContextFactory contexts) {
        ProviderDescriptor descriptor = factory.descriptor();
        ScopedProviderConfig current;
        try {
            current = contexts.readConfig(descriptor);
        } catch (RuntimeException e) {
            // Not remembered: the next scan reads again.
            return Optional.of("the configuration of provider " + descriptor.id() + " could not be read: "
                    + Failures.describe(e));
        }
        if (!current.equals(config)) {
            config = current;
            provider = null;
            failure = create(contexts, current);
        }
        return Optional.ofNullable(failure);
    }

    /** Masks the secrets of the configuration last read (personal data only before the first read). */
    Redactor redactor() {
        return config == null ? Redactor.PERSONAL_DATA : config.redactor();
    }

    /** What the core may use; call only after {@link #refresh} returned no failure. */
    Servable servable() {
        return new Servable(factory.type(), plugin, factory.descriptor(), provider);
    }

    private String create(ProviderContextFactory contexts, ScopedProviderConfig config) {
        ProviderDescriptor descriptor = factory.descriptor();
        List<String> missing = config.missingRequired();
        if (!missing.isEmpty()) {
            return (config.nothingSet() ? NOT_CONFIGURED : "") + "required configuration is not set: "
                    + String.join(", ", missing);
        }
        List<String> malformed = config.malformed();
        if (!malformed.isEmpty()) {
            return "configuration is malformed: " + String.join("; ", malformed);
        }
        try {
            Object created = PluginCode.call(plugin.loader(),
                    () -> factory.factory().create(contexts.create(descriptor, config)));
            if (created == null) {
                return factory.className() + ".create returned null";
            }
            if (!factory.type().providerInterface().isInstance(created)) {
                return factory.className() + ".create returned a " + created.getClass().getName() + ", not a "
                        + factory.type().providerInterface().getSimpleName();
            }
            provider = created;
            return null;
        } catch (Throwable e) {
            Failures.rethrowIfFatal(e);
            return config.maskSecrets("creating provider " + descriptor.id() + " failed: " + Failures.describe(e));
        }
    }

    /** A working provider as published to the core. Immutable (the provider itself is thread-safe per the SPI). */
    record Servable(ProviderType<?> type, LoadedPlugin plugin, ProviderDescriptor descriptor, Object provider) {
    }
}
