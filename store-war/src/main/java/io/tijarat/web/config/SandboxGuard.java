package io.tijarat.web.config;

import io.tijarat.core.config.Mode;
import io.tijarat.spi.ConfigProperty;
import io.tijarat.spi.ProviderDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Refuses to start in production mode while an active provider runs against its sandbox. A provider that
 * has a sandbox declares a {@code mode} property ({@code sandbox} or {@code live}, as the bundled JazzCash and
 * EasyPaisa plugins do); in production each active one must be {@code live}. Sandbox "payments" are not
 * money, and a shop that ships goods for them loses the goods: the plugins already refuse sandbox hosts in
 * live mode, and this guard refuses the live server that forgot to leave sandbox mode.
 */
final class SandboxGuard {

    static final String MODE_PROPERTY = "mode";

    private SandboxGuard() {
    }

    /** Called at start-up once the plugins are loaded (by {@link ApplicationStartup}); throws to stop it. */
    static void check(Mode mode, List<ProviderDescriptor> active, Function<String, Optional<String>> config) {
        problem(mode, active, config).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
    }

    /** Why the server must not start, if it must not. */
    static Optional<String> problem(Mode mode, List<ProviderDescriptor> active, Function<String, Optional<String>> config) {
        if (mode.allowsShortcuts()) {
            return Optional.empty();
        }
        List<String> sandboxed = new ArrayList<>();
        for (ProviderDescriptor descriptor : active) {
            Optional<ConfigProperty> modeProperty = descriptor.configProperties().stream()
                    .filter(p -> p.name().equals(MODE_PROPERTY)).findFirst();
            if (modeProperty.isEmpty()) {
                continue;
            }
            String key = "tijarat.provider." + descriptor.id() + "." + MODE_PROPERTY;
            String value = config.apply(key).map(String::strip).filter(v -> !v.isEmpty())
                    .or(() -> modeProperty.get().defaultValue()).orElse("");
            if (!value.toLowerCase(Locale.ROOT).equals("live")) {
                sandboxed.add(key + "=" + (value.isEmpty() ? "(unset)" : value));
            }
        }
        if (sandboxed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Refusing to start in " + mode + " mode with providers that are not live: "
                + String.join(", ", sandboxed) + ". Set each to live with the provider's live credentials, or"
                + " disable the provider (or remove its jar) until it is ready; use tijarat.mode=test to try"
                + " sandboxes.");
    }
}
