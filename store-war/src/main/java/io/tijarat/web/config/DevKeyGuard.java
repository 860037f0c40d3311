package io.tijarat.web.config;

import io.tijarat.core.config.Mode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start outside dev and test mode while admin tokens would be verified with the bundled
 * DEV-ONLY public key, whose private half is in the public repository: anyone could mint an admin token.
 */
final class DevKeyGuard {

    static final String DEV_KEY = "/META-INF/dev-jwt/publicKey.pem";

    private DevKeyGuard() {
    }

    /** Called first thing at start-up (by {@link ApplicationStartup}); throws to stop the deployment. */
    static void check(Mode mode) {
        if (mode.allowsShortcuts()) {
            return;
        }
        Config config = ConfigProvider.getConfig();
        Optional<String> location = config.getOptionalValue("mp.jwt.verify.publickey.location", String.class);
        Optional<String> inline = config.getOptionalValue("mp.jwt.verify.publickey", String.class);
        String devKey = normalise(read(DevKeyGuard.class.getResourceAsStream(DEV_KEY)));
        boolean usesDevKey = inline.map(k -> normalise(k).equals(devKey)).orElseGet(() ->
                location.map(l -> l.equals(DEV_KEY) || normalise(readLocation(l)).equals(devKey)).orElse(true));
        if (usesDevKey) {
            throw new IllegalStateException("Refusing to start in " + mode + " mode with the DEV-ONLY admin token key. "
                    + "Generate your own key pair and set mp.jwt.verify.publickey.location to its public key "
                    + "(README: Admin API tokens), or set tijarat.mode=dev for local development.");
        }
    }

    private static String readLocation(String location) {
        if (location.startsWith("/") && DevKeyGuard.class.getResource(location) != null) {
            return read(DevKeyGuard.class.getResourceAsStream(location));
        }
        Path path = Path.of(location.startsWith("file:") ? location.substring(5) : location);
        try {
            return Files.exists(path) ? Files.readString(path) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String normalise(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }
}
