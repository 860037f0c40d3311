package io.tijarat.plugin.easypaisa.stub;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the stub's EasyPaisa checks {@code merchantHashedReq}: it <em>decrypts</em> what the merchant sent
 * (AES-128-ECB, PKCS5, the store's hash key) and compares the plain text with the posted fields. Written
 * apart from the plugin's encryption on purpose, so that a mistake there is not simply mirrored here.
 */
final class StubCrypto {

    private StubCrypto() {
    }

    /** The posted fields as EasyPaisa expects them encrypted: sorted by name, empty ones and the hash left out. */
    static String expectedPlainText(Map<String, String> posted) {
        return new TreeMap<>(posted).entrySet().stream()
                .filter(field -> !field.getKey().equals("merchantHashedReq") && !field.getValue().isEmpty())
                .map(field -> field.getKey() + "=" + field.getValue())
                .collect(Collectors.joining("&"));
    }

    /** The decrypted text, or empty if it is not base64 or does not decrypt under the key. */
    static Optional<String> decrypt(String merchantHashedReq, String hashKey) {
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(hashKey.getBytes(StandardCharsets.US_ASCII), "AES"));
            byte[] plain = cipher.doFinal(Base64.getDecoder().decode(merchantHashedReq.strip()));
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
