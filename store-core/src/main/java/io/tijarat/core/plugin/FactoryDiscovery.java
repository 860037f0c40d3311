package io.tijarat.core.plugin;

import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * Finds and instantiates the factories one plugin jar declares, of all three kinds, through
 * {@link ServiceLoader} on the plugin's class loader. Every failure is contained to the factory it
 * concerns and becomes an entry; the jar's other factories still load.
 *
 * <p>Only classes defined by the plugin's own loader count: anything visible through the parent (a
 * JDK or SPI class listed by mistake) is ignored. Runs plugin code (constructors, {@code descriptor()})
 * with the plugin's context class loader. Stateless.
 */
final class FactoryDiscovery {

    private static final Logger LOG = Logger.getLogger(FactoryDiscovery.class.getName());

    record Discovery(List<DiscoveredFactory> factories, List<PluginEntry> problems) {
    }

    private FactoryDiscovery() {
    }

    /**
     * @param declared the jar's service files (interface name to listed classes), to bound the search:
     *                 ServiceLoader's iterator skips a broken entry and goes on, and there cannot be more
     *                 errors than listed classes
     */
    static Discovery discover(ClassLoader pluginLoader, JarFacts jar, Map<String, List<String>> declared) {
        List<DiscoveredFactory> factories = new ArrayList<>();
        List<PluginEntry> problems = new ArrayList<>();
        for (ProviderType<?> type : ProviderType.all()) {
            int listed = declared.getOrDefault(type.factoryInterface().getName(), List.of()).size();
            if (listed > 0) {
                PluginCode.run(pluginLoader, () -> discover(type, listed, pluginLoader, jar, factories, problems));
            }
        }
        return new Discovery(factories, problems);
    }

    private static <F extends ProviderFactory<?>> void discover(ProviderType<?> type, int listed,
                                                                ClassLoader pluginLoader, JarFacts jar,
                                                                List<DiscoveredFactory> factories,
                                                                List<PluginEntry> problems) {
        @SuppressWarnings("unchecked")
        Class<F> service = (Class<F>) type.factoryInterface();
        Iterator<ServiceLoader.Provider<F>> candidates = ServiceLoader.load(service, pluginLoader).stream().iterator();
        for (int errors = 0; errors < listed; ) {
            try {
                if (!candidates.hasNext()) {
                    return;
                }
                ServiceLoader.Provider<F> candidate = candidates.next();
                if (candidate.type().getClassLoader() != pluginLoader) {
                    LOG.warning(() -> jar.fileName() + " lists " + candidate.type().getName() + " as a "
                            + service.getSimpleName() + ", but that class is not in the plugin; ignored");
                    continue;
                }
                accept(type, candidate.type().getName(), candidate.get(), jar, factories, problems);
            } catch (Throwable e) {
                // ServiceConfigurationError (class missing, not a factory, constructor threw),
                // NoClassDefFoundError and other LinkageErrors, or anything descriptor() threw.
                Failures.rethrowIfFatal(e);
                errors++;
                problems.add(jar.entry(Optional.of(type.kind()), PluginState.FAILED,
                        "a " + service.getSimpleName() + " in " + jar.fileName() + " could not be loaded: "
                                + Failures.describe(e)));
            }
        }
    }

    /** Reads and checks the descriptor of a freshly made factory; closes the factory if it is not used. */
    private static void accept(ProviderType<?> type, String className, ProviderFactory<?> factory, JarFacts jar,
                               List<DiscoveredFactory> factories, List<PluginEntry> problems) {
        ProviderDescriptor descriptor;
        try {
            descriptor = factory.descriptor();
        } catch (Throwable e) {
            Failures.rethrowIfFatal(e);
            closeQuietly(factory);
            problems.add(jar.entry(Optional.of(type.kind()), PluginState.FAILED,
                    className + ".descriptor() failed: " + Failures.describe(e)));
            return;
        }
        if (descriptor == null) {
            closeQuietly(factory);
            problems.add(jar.entry(Optional.of(type.kind()), PluginState.FAILED, className + ".descriptor() returned null"));
        } else if (descriptor.kind() != type.kind()) {
            closeQuietly(factory);
            problems.add(jar.entry(descriptor, PluginState.REFUSED, Optional.of(className + " is a "
                    + type.factoryInterface().getSimpleName() + " but its descriptor declares kind " + descriptor.kind()
                    + "; a " + descriptor.kind() + " provider must implement "
                    + ProviderType.of(descriptor.kind()).factoryInterface().getSimpleName())));
        } else {
            factories.add(new DiscoveredFactory(type, factory, descriptor));
        }
    }

    private static void closeQuietly(ProviderFactory<?> factory) {
        try {
            factory.close();
        } catch (Throwable e) {
            Failures.rethrowIfFatal(e);
        }
    }
}
