package io.tijarat.core.plugin.classloading;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one plugin jar and the libraries it bundles.
 *
 * <h2>Where a name is looked up, in order</h2>
 * <ol>
 *   <li>The JDK (the platform class loader). A plugin cannot replace a JDK class: a bundled copy of,
 *       say, {@code org.w3c.dom} would make the JDK's XML parser hand it objects of a different
 *       {@code Node} class ({@code LinkageError}); Tomcat applies the same rule to Java SE classes.</li>
 *   <li>The {@linkplain ExposedPackages#SPI_PACKAGES SPI}, from the server: the plugin and the core must
 *       share one {@code PaymentProvider} class. A copy the plugin wrongly bundles is ignored.</li>
 *   <li>The plugin's own jar, then its bundled libraries ({@code lib/*.jar}), in that order.</li>
 * </ol>
 * Relative to the server this is child-first: the plugin's own classes are the only non-JDK, non-SPI
 * classes it can see, so its bundled Jackson or Gson always wins, and never clashes with the server's
 * copy or another plugin's. Nothing else of the server is visible ({@link ExposedPackages}).
 *
 * <p>Resources are looked up in the plugin first, then in the JDK and SPI; so a plugin's
 * {@code META-INF/services} lists only its own providers.
 *
 * <p>Thread-safe (parallel capable). {@link #close()} releases the jar files; classes already loaded
 * keep working, new ones can no longer be loaded, so close only after the plugin's last call.
 */
public final class PluginClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    /**
     * @param name      for diagnostics, typically the jar file name
     * @param urls      the plugin jar first, then its bundled libraries
     * @param spiLoader the server's loader of the SPI classes, e.g.
     *                  {@code ProviderFactory.class.getClassLoader()}
     */
    public PluginClassLoader(String name, List<URL> urls, ClassLoader spiLoader) {
        super(name, urls.toArray(URL[]::new), new SpiGatewayClassLoader(spiLoader));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = loadFromParentOrOwn(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> loadFromParentOrOwn(String name) throws ClassNotFoundException {
        try {
            // The parent answers only for the JDK and the SPI; for everything else it throws quickly.
            return getParent().loadClass(name);
        } catch (ClassNotFoundException notJdkOrSpi) {
            if (ExposedPackages.isSpiClass(name) || name.startsWith("java.")) {
                throw notJdkOrSpi;
            }
            try {
                return findClass(name);
            } catch (ClassNotFoundException notBundled) {
                notBundled.addSuppressed(notJdkOrSpi);
                throw notBundled;
            }
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        all.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(all);
    }

    @Override
    public String toString() {
        return "PluginClassLoader[" + getName() + "]";
    }
}
