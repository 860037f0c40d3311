package io.tijarat.web.config;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

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
@WebListener
public class PublicUrlGuard implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var config = ConfigProvider.getConfig();
        String mode = config.getOptionalValue("tijarat.mode", String.class).orElse("production");
        problem(mode, config.getOptionalValue("tijarat.public-url", String.class)).ifPresent(problem -> {
            throw new IllegalStateException(problem);
        });
    }

    /** Why the server must not start, if it must not. */
    static Optional<String> problem(String mode, Optional<String> publicUrl) {
        if (DevKeyGuard.DEV_MODES.contains(mode)) {
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
