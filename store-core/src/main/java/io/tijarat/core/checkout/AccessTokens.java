package io.tijarat.core.checkout;

import io.tijarat.core.crypto.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/** Order access tokens: 256 random bits, URL-safe; stored only as a SHA-256 hash. */
public final class AccessTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AccessTokens() {
    }

    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        return Sha256.hex(token);
    }
}
