package io.tijarat.core.plugin;

import java.util.function.Supplier;

/**
 * Runs plugin code with the plugin's class loader as the thread's context class loader: libraries a
 * plugin bundles (JSON binders, XML factories) look up their own parts through it, and would otherwise
 * find the server's. Used for factory construction, {@code descriptor}, {@code create} and {@code close},
 * which the host calls; provider calls from the core run with the core's context class loader.
 */
final class PluginCode {

    private PluginCode() {
    }

    static <T> T call(ClassLoader pluginLoader, Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(pluginLoader);
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static void run(ClassLoader pluginLoader, Runnable action) {
        call(pluginLoader, () -> {
            action.run();
            return null;
        });
    }
}
