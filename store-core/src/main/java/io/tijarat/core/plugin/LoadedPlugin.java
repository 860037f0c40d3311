package io.tijarat.core.plugin;

import io.tijarat.core.plugin.classloading.PluginClassLoader;
import io.tijarat.core.plugin.context.Redactor;
import io.tijarat.core.plugin.jar.JarStaging;
import io.tijarat.core.plugin.jar.PluginJar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One plugin jar in memory: its class loader, the factories it declared, and what went wrong with the
 * others. Counts the leases on its providers, so that it is closed only after the last call that
 * started on it has ended.
 *
 * <h2>Lifecycle</h2>
 * Live, then {@linkplain #retire() retired} (replaced, removed or refused: no new leases), then closed
 * (factories closed, class loader closed, staged files deleted) when both retired and without leases —
 * by whichever of {@link #retire()} and the last {@link #release()} comes second. Thread-safe: the
 * counters are guarded by this object's monitor; plugin code is never called while holding it.
 */
final class LoadedPlugin {

    private static final Logger LOG = Logger.getLogger(LoadedPlugin.class.getName());

    private final PluginJar jar;
    private final PluginClassLoader loader;
    private final Path libraryDirectory;
    private final List<DiscoveredFactory> factories;
    private final List<PluginEntry> problems;

    private int leases;
    private boolean retired;
    private boolean closed;

    LoadedPlugin(PluginJar jar, PluginClassLoader loader, Path libraryDirectory, List<DiscoveredFactory> factories,
                 List<PluginEntry> problems) {
        this.jar = jar;
        this.loader = loader;
        this.libraryDirectory = libraryDirectory;
        this.factories = List.copyOf(factories);
        this.problems = List.copyOf(problems);
    }

    PluginJar jar() {
        return jar;
    }

    ClassLoader loader() {
        return loader;
    }

    List<DiscoveredFactory> factories() {
        return factories;
    }

    /** Entries for the factories of this jar that could not be used (FAILED or REFUSED). */
    List<PluginEntry> problems() {
        return problems;
    }

    /** Takes a lease, unless the plugin is retired: then the caller looks again in the newer registry state. */
    synchronized boolean tryRetain() {
        if (retired) {
            return false;
        }
        leases++;
        return true;
    }

    void release() {
        boolean closeNow;
        synchronized (this) {
            if (leases <= 0) {
                throw new IllegalStateException("more releases than leases on " + jar.fileName());
            }
            leases--;
            closeNow = retired && leases == 0 && !closed;
            closed |= closeNow;
        }
        if (closeNow) {
            close();
        }
    }

    /** No new leases from now on; closes now if none are out, else when the last one is released. */
    void retire() {
        boolean closeNow;
        synchronized (this) {
            if (retired) {
                return;
            }
            retired = true;
            closeNow = leases == 0;
            closed |= closeNow;
        }
        if (closeNow) {
            close();
        }
    }

    synchronized int leases() {
        return leases;
    }

    synchronized boolean isRetired() {
        return retired;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private void close() {
        for (DiscoveredFactory discovered : factories) {
            try {
                PluginCode.run(loader, discovered.factory()::close);
            } catch (Throwable e) {
                Failures.rethrowIfFatal(e);
                LOG.log(Level.WARNING, "factory " + discovered.className() + " of " + jar.fileName()
                        + " failed to close; closing its class loader anyway", Redactor.PERSONAL_DATA.redact(e));
            }
        }
        try {
            loader.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not close the class loader of " + jar.fileName(), e);
        }
        JarStaging.deleteQuietly(jar.staged().copy());
        JarStaging.deleteQuietly(libraryDirectory);
        LOG.info(() -> "unloaded plugin " + jar.fileName() + " (sha256 " + jar.sha256() + ")");
    }

    @Override
    public String toString() {
        return jar.fileName() + "@" + jar.sha256().substring(0, 12);
    }
}
