package io.tijarat.web.testing;

import io.tijarat.server.IssueToken;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;

/** Admin API tokens for tests, signed with the DEV-ONLY key (or a stranger's key, to be refused). */
public final class Tokens {

    private Tokens() {
    }

    public static String admin() {
        return bearer(devKey(), "admin", Duration.ofMinutes(30));
    }

    public static String staff() {
        return bearer(devKey(), "staff", Duration.ofMinutes(30));
    }

    public static String expiredAdmin() {
        return bearer(devKey(), "admin", Duration.ofMinutes(-10));
    }

    public static String adminSignedByAStranger() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return bearer(generator.generateKeyPair().getPrivate(), "admin", Duration.ofMinutes(30));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String bearer(PrivateKey key, String role, Duration lifetime) {
        try {
            return "Bearer " + IssueToken.issue(key, IssueToken.DEFAULT_ISSUER, "test-" + role, List.of(role), lifetime);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey devKey() {
        try {
            return IssueToken.readPrivateKey(Path.of(System.getProperty("tijarat.it.devKey")));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the dev key", e);
        }
    }
}
