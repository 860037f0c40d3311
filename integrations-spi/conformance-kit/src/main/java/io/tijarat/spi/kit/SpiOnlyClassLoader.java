package io.tijarat.spi.kit;

import java.util.Set;

/**
 * The parent a plugin's class loader gets in the plugin host, rebuilt for tests: the JDK (through the
 * platform class loader) and the four public SPI packages, nothing else. A plugin that needs any other
 * class from the host — a JSON library that happens to be on the test class path, the SPI's
 * {@code internal} helpers, this kit — fails to load here, as it would in the server.
 */
final class SpiOnlyClassLoader extends ClassLoader {

    /** Exactly what the host exposes; {@code io.tijarat.spi.internal} is not API, so plugins cannot see it. */
    private static final Set<String> SPI_PACKAGES = Set.of(
            "io.tijarat.spi", "io.tijarat.spi.payment", "io.tijarat.spi.shipping", "io.tijarat.spi.notification",
            "io.tijarat.spi.json",
            "io.tijarat.spi.geo",
            "io.tijarat.spi.text");

    private final ClassLoader spiLoader;

    SpiOnlyClassLoader(ClassLoader spiLoader) {
        super("tijarat-spi-only", ClassLoader.getPlatformClassLoader());
        this.spiLoader = spiLoader;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        int lastDot = name.lastIndexOf('.');
        if (lastDot > 0 && SPI_PACKAGES.contains(name.substring(0, lastDot))) {
            return spiLoader.loadClass(name);
        }
        // The platform loader answers for the JDK; anything else ends in findClass, which refuses it.
        return super.loadClass(name, resolve);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        throw new ClassNotFoundException(name + " is not visible to plugins: they see the JDK and the io.tijarat.spi"
                + " packages only, and must bundle everything else");
    }
}
