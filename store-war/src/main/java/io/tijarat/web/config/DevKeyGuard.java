package io.tijarat.web.config;

import io.tijarat.core.config.Mode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start outside dev and test mode while admin tokens would be verified with the bundled
 * DEV-ONLY public key, whose private half is in the public repository: anyone could mint an admin token.
 *
 * <p>The key location is resolved the way Payara Micro's MicroProfile JWT reads it
 * ({@code JwtKeyStoreUtils.readKeyFromLocation}: a class path resource through the context class loader,
 * else a {@link URL} such as {@code file:}, {@code jar:}, {@code http(s):}), with or without a leading slash
 * (the web application's class loader finds {@code /META-INF/x} and {@code META-INF/x} alike), and, to be
 * safe, also as a plain file path. The guard refuses when <em>any</em> of these readings yields the DEV-ONLY
 * key, and when none of them yields anything: then the server would have no key for admin tokens at all.
 */
final class DevKeyGuard {

    static final String DEV_KEY = "/META-INF/dev-jwt/publicKey.pem";
    static final String LOCATION_KEY = "mp.jwt.verify.publickey.location";
    static final String INLINE_KEY = "mp.jwt.verify.publickey";

    private static final int URL_TIMEOUT_MILLIS = 10_000;

    private DevKeyGuard() {
    }

    /** Called first thing at start-up (by {@link ApplicationStartup}); throws to stop the deployment. */
    static void check(Mode mode) {
        Config config = ConfigProvider.getConfig();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        problem(mode, config.getOptionalValue(INLINE_KEY, String.class),
                config.getOptionalValue(LOCATION_KEY, String.class),
                context != null ? context : DevKeyGuard.class.getClassLoader()).ifPresent(problem -> {
                    throw new IllegalStateException(problem);
                });
    }

    /**
     * Why the server must not start, if it must not.
     *
     * @param classLoader the loader the runtime reads class path locations through (the application's)
     */
    static Optional<String> problem(Mode mode, Optional<String> inline, Optional<String> location,
                                    ClassLoader classLoader) {
        if (mode.allowsShortcuts()) {
            return Optional.empty();
        }
        String devKey = normalise(readResource(DevKeyGuard.class.getClassLoader(), DEV_KEY)
                .orElseThrow(() -> new IllegalStateException("the WAR lacks " + DEV_KEY)));
        Optional<String> inlineKey = inline.map(String::strip).filter(value -> !value.isEmpty());
        if (inlineKey.isPresent()) {
            // Payara prefers an inline key to the location.
            return normalise(inlineKey.get()).equals(devKey) ? Optional.of(refusal(mode, INLINE_KEY)) : Optional.empty();
        }
        String where = location.map(String::strip).filter(value -> !value.isEmpty()).orElse(DEV_KEY);
        List<String> readings = readings(where, classLoader);
        if (readings.stream().map(DevKeyGuard::normalise).anyMatch(devKey::equals)) {
            return Optional.of(refusal(mode, LOCATION_KEY + "=" + where));
        }
        if (readings.isEmpty()) {
            return Optional.of("Refusing to start in " + mode + " mode: " + LOCATION_KEY + "=" + where + " cannot be read"
                    + " (neither a class path resource nor a readable file:, http(s): URL or file), so no admin token"
                    + " could be verified. Point it at your public key, e.g. file:/etc/tijarat/tijarat-admin-public.pem"
                    + " (README: Admin API tokens).");
        }
        return Optional.empty();
    }

    private static String refusal(Mode mode, String setting) {
        return "Refusing to start in " + mode + " mode with the DEV-ONLY admin token key (" + setting + "). "
                + "Generate your own key pair and set " + LOCATION_KEY + " to its public key "
                + "(README: Admin API tokens), or set tijarat.mode=dev for local development.";
    }

    /** Every text the location yields, read each way the runtime (or a careless reading of it) could. */
    static List<String> readings(String location, ClassLoader classLoader) {
        Set<String> texts = new LinkedHashSet<>();
        readResource(classLoader, location).ifPresent(texts::add);
        readUrl(location).ifPresent(texts::add);
        readFile(location).ifPresent(texts::add);
        return new ArrayList<>(texts);
    }

    /** A class path resource, as the application's loader finds it with or without the leading slash. */
    private static Optional<String> readResource(ClassLoader loader, String location) {
        String name = location.startsWith("/") ? location.substring(1) : location;
        if (name.isEmpty() || loader == null) {
            return Optional.empty();
        }
        URL resource = loader.getResource(name);
        return resource == null ? Optional.empty() : readUrl(resource);
    }

    private static Optional<String> readUrl(String location) {
        try {
            return readUrl(new URL(location));
        } catch (MalformedURLException notAUrl) {
            return Optional.empty();
        }
    }

    private static Optional<String> readUrl(URL url) {
        try {
            URLConnection connection = url.openConnection();
            connection.setConnectTimeout(URL_TIMEOUT_MILLIS);
            connection.setReadTimeout(URL_TIMEOUT_MILLIS);
            connection.setUseCaches(false);
            try (InputStream in = connection.getInputStream()) {
                // A public key is a few hundred bytes; never read more than a generous bound.
                return Optional.of(new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8));
            }
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private static Optional<String> readFile(String location) {
        try {
            Path path = Path.of(location);
            return Files.isRegularFile(path) ? Optional.of(Files.readString(path)) : Optional.empty();
        } catch (InvalidPathException notAPath) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LOCATION_KEY + " " + location, e);
        }
    }

    private static String normalise(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }
}
