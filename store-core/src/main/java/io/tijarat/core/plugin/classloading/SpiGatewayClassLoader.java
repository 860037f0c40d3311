package io.tijarat.core.plugin.classloading;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Objects;

/**
 * The parent of every {@link PluginClassLoader}: the platform class loader (the JDK), plus the
 * {@linkplain ExposedPackages#SPI_PACKAGES SPI packages} taken from the server's SPI loader. Every
 * other name fails with {@link ClassNotFoundException}, and every other resource is absent, even when
 * the server's class path has it.
 *
 * <p>It defines no classes itself, so one instance could serve many plugins; each plugin gets its own
 * anyway, which keeps a plugin's loader graph independent of the others. Thread-safe (parallel
 * capable, and stateless).
 */
final class SpiGatewayClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader spiLoader;

    SpiGatewayClassLoader(ClassLoader spiLoader) {
        // The platform loader, not the system loader: the system loader is the application class path.
        super("tijarat-plugin-parent", ClassLoader.getPlatformClassLoader());
        this.spiLoader = Objects.requireNonNull(spiLoader, "spiLoader");
    }

    /** Reached only when the JDK does not have the class: the SPI, or nothing. */
    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (ExposedPackages.isSpiClass(name)) {
            return spiLoader.loadClass(name);
        }
        throw new ClassNotFoundException(name + " is not visible to plugins: a plugin sees only the JDK and "
                + ExposedPackages.SPI_PACKAGES + "; bundle any other library inside the plugin jar");
    }

    @Override
    protected URL findResource(String name) {
        return ExposedPackages.isSpiResource(name) ? spiLoader.getResource(name) : null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return ExposedPackages.isSpiResource(name) ? spiLoader.getResources(name) : Collections.emptyEnumeration();
    }
}
