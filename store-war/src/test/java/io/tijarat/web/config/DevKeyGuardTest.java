package io.tijarat.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.tijarat.core.config.Mode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DEV-ONLY admin key is refused in production however its location is written: the guard reads the
 * location the way Payara Micro does (class path with or without a leading slash, file:, http(s): URLs) and
 * also as a plain file, and compares what it finds.
 */
class DevKeyGuardTest {

    private static final String OWN_KEY = """
            -----BEGIN PUBLIC KEY-----
            MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo
            4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u
            -----END PUBLIC KEY-----
            """;

    @TempDir
    Path temp;

    private final ClassLoader app = DevKeyGuardTest.class.getClassLoader();

    @Test
    void givenTheDevKeyOnTheClassPathWithoutTheLeadingSlash_whenStartingInProduction_thenRefused() {
        assertRefused(Optional.of("META-INF/dev-jwt/publicKey.pem"));
    }

    @Test
    void givenTheDevKeyOnTheClassPathWithTheLeadingSlash_orNoLocationAtAll_whenStartingInProduction_thenRefused() {
        assertRefused(Optional.of("/META-INF/dev-jwt/publicKey.pem"));
        assertRefused(Optional.of("  /META-INF/dev-jwt/publicKey.pem "));
        assertRefused(Optional.empty());
    }

    @Test
    void givenACopyOfTheDevKeyAsAFileUrlOrAPlainPath_whenStartingInProduction_thenRefused() throws IOException {
        Path copy = Files.writeString(temp.resolve("innocent-looking.pem"), devKey());

        assertRefused(Optional.of(copy.toUri().toString()));
        assertRefused(Optional.of("file:" + copy.toAbsolutePath()));
        assertRefused(Optional.of(copy.toAbsolutePath().toString()));
    }

    @Test
    void givenTheDevKeyServedOverHttp_whenStartingInProduction_thenRefused() throws IOException {
        HttpServer server = serving(devKey());
        try {
            assertRefused(Optional.of("http://127.0.0.1:" + server.getAddress().getPort() + "/keys/public.pem"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void givenTheDevKeyInsideAJarOnTheApplicationsClassPath_whenStartingInProduction_thenRefused() throws IOException {
        Path classes = Files.createDirectories(temp.resolve("classes/keys"));
        Files.writeString(classes.resolve("admin.pem"), devKey());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {temp.resolve("classes").toUri().toURL()}, null)) {
            String problem = DevKeyGuard.problem(Mode.PRODUCTION, Optional.empty(), Optional.of("keys/admin.pem"), loader)
                    .orElseThrow();
            assertTrue(problem.contains("DEV-ONLY"), problem);
        }
    }

    @Test
    void givenTheDevKeyInline_whenStartingInProduction_thenRefused() {
        String problem = DevKeyGuard.problem(Mode.PRODUCTION, Optional.of(devKey()), Optional.empty(), app).orElseThrow();

        assertTrue(problem.contains("mp.jwt.verify.publickey"), problem);
    }

    @Test
    void givenTheShopsOwnKeyInAnyForm_whenStartingInProduction_thenItStarts() throws IOException {
        Path own = Files.writeString(temp.resolve("own.pem"), OWN_KEY);
        HttpServer server = serving(OWN_KEY);
        try {
            assertStarts(Optional.of(own.toUri().toString()));
            assertStarts(Optional.of(own.toAbsolutePath().toString()));
            assertStarts(Optional.of("http://127.0.0.1:" + server.getAddress().getPort() + "/keys/public.pem"));
        } finally {
            server.stop(0);
        }
        assertEquals(Optional.empty(), DevKeyGuard.problem(Mode.PRODUCTION, Optional.of(OWN_KEY), Optional.empty(), app));
    }

    @Test
    void givenALocationNothingCanRead_whenStartingInProduction_thenRefusedNamingTheKey() {
        String problem = DevKeyGuard.problem(Mode.PRODUCTION, Optional.empty(),
                Optional.of(temp.resolve("missing.pem").toString()), app).orElseThrow();

        assertTrue(problem.contains("mp.jwt.verify.publickey.location"), problem);
        assertTrue(problem.contains("cannot be read"), problem);
    }

    @Test
    void givenDevOrTestMode_whenStartingWithTheDevKey_thenItStarts() {
        assertEquals(Optional.empty(), DevKeyGuard.problem(Mode.DEV, Optional.empty(),
                Optional.of("META-INF/dev-jwt/publicKey.pem"), app));
        assertEquals(Optional.empty(), DevKeyGuard.problem(Mode.TEST, Optional.empty(), Optional.empty(), app));
    }

    private void assertRefused(Optional<String> location) {
        String problem = DevKeyGuard.problem(Mode.PRODUCTION, Optional.empty(), location, app)
                .orElseThrow(() -> new AssertionError("the DEV-ONLY key passed the guard as " + location));
        assertTrue(problem.contains("DEV-ONLY"), problem);
    }

    private void assertStarts(Optional<String> location) {
        assertEquals(Optional.empty(), DevKeyGuard.problem(Mode.PRODUCTION, Optional.empty(), location, app),
                () -> "refused " + location);
    }

    private static String devKey() {
        try (InputStream in = DevKeyGuardTest.class.getResourceAsStream(DevKeyGuard.DEV_KEY)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static HttpServer serving(String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/keys/public.pem", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }
}
