package io.tijarat.web.config;

import io.tijarat.core.config.Mode;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Refuses to start in production mode without {@code tijarat.public-url}. Gateways send customers back to,
 * and notify, the URLs checkout gives them; without the shop's public address those would be built from
 * whatever Host header a request carried — behind a TLS-terminating proxy an internal {@code http://}
 * address customers cannot reach, and in any case something a client chooses.
 */
final class PublicUrlGuard {

    private PublicUrlGuard() {
    }

    /** Called first thing at start-up (by {@link ApplicationStartup}); throws to stop the deployment. */
    static void check(Mode mode, Optional<String> publicUrl) {
        problem(mode, publicUrl).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
    }

    /** Why the server must not start, if it must not. */
    static Optional<String> problem(Mode mode, Optional<String> publicUrl) {
        if (mode.allowsShortcuts()) {
            return Optional.empty();
        }
        String value = publicUrl.map(String::strip).orElse("");
        if (value.isEmpty()) {
            return Optional.of("Refusing to start in " + mode + " mode without tijarat.public-url: set it to the shop's"
                    + " public https address (e.g. https://shop.example.pk), which payment gateways send customers"
                    + " back to and notify.");
        }
        try {
            URI uri = new URI(value);
            if (!"https".equals(String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT)) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return Optional.of("tijarat.public-url must be an https URL without query or fragment, like"
                        + " https://shop.example.pk");
            }
        } catch (URISyntaxException e) {
            return Optional.of("tijarat.public-url is not a URL (" + e.getReason() + ")");
        }
        return Optional.empty();
    }
}
