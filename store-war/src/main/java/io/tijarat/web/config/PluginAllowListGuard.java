package io.tijarat.web.config;

import io.tijarat.core.config.Mode;
import io.tijarat.core.plugin.jar.AllowList;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Refuses to start in production mode without a readable plugin allow-list ({@code tijarat.plugins.allow-list}).
 * Without one any jar that reaches the plugin directory runs inside the server with the shop's gateway
 * credentials; with one only the jars whose SHA-256 the operator listed do. Runs before the plugin directory
 * is loaded.
 */
final class PluginAllowListGuard {

    static final String KEY = "tijarat.plugins.allow-list";

    private PluginAllowListGuard() {
    }

    /** Called at start-up (by {@link ApplicationStartup}) before any plugin loads; throws to stop the deployment. */
    static void check(Mode mode, Optional<String> allowList) {
        problem(mode, allowList).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
    }

    /** Why the server must not start, if it must not. */
    static Optional<String> problem(Mode mode, Optional<String> allowList) {
        if (mode.allowsShortcuts()) {
            return Optional.empty();
        }
        String value = allowList.map(String::strip).orElse("");
        if (value.isEmpty()) {
            return Optional.of("Refusing to start in " + mode + " mode without " + KEY + ": any jar copied into the"
                    + " plugin directory would run with the shop's gateway credentials. List the plugin jars you trust"
                    + " (e.g. 'sha256sum plugins/*.jar > /etc/tijarat/plugins.sha256') and set " + KEY
                    + " to that file (README: The plugin directory).");
        }
        try {
            AllowList list = AllowList.read(Path.of(value));
            if (!list.problems().isEmpty()) {
                return Optional.of(KEY + "=" + value + " has lines that are not '<sha256>  <file name>': "
                        + String.join("; ", list.problems()));
            }
        } catch (IOException | RuntimeException e) {
            return Optional.of("Refusing to start in " + mode + " mode: " + KEY + "=" + value + " cannot be read ("
                    + e.getClass().getSimpleName() + "), so no plugin would be trusted");
        }
        return Optional.empty();
    }
}
