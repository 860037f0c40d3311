package io.tijarat.plugin.easypaisa;

import io.tijarat.spi.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * EasyPaisa's {@code merchantHashedReq}: the hosted checkout's request parameters as
 * {@code key=value&…} in alphabetical key order, <b>encrypted</b> (not hashed, not MACed) with
 * AES-128-ECB and PKCS5 padding under the 16-character hash key, then base64.
 *
 * <p>Which parameters: exactly the ones the form posts, except {@code merchantHashedReq} itself, and
 * except empty ones — the form leaves out an empty optional field, so the encrypted text must too, or
 * EasyPaisa's decryption would not match the form. Values go in raw (not URL-encoded), as posted.
 *
 * <p>ECB is EasyPaisa's choice, not ours: it leaks equal blocks, which is why nothing secret goes in the
 * plain text. Stateless and thread-safe: a {@link Cipher} is made per call.
 */
final class MerchantHashedRequest {

    static final String FIELD = "merchantHashedReq";

    private static final String TRANSFORMATION = "AES/ECB/PKCS5Padding";

    private MerchantHashedRequest() {
    }

    /** The text EasyPaisa expects encrypted: {@code amount=…&autoRedirect=…&…&storeId=…}. */
    static String plainText(Map<String, String> formFields) {
        StringJoiner text = new StringJoiner("&");
        new TreeMap<>(formFields).forEach((name, value) -> {
            if (!name.equals(FIELD) && value != null && !value.isEmpty()) {
                text.add(name + "=" + value);
            }
        });
        return text.toString();
    }

    /** base64(AES-128-ECB-PKCS5(plainText, key = the hash key's 16 bytes)). */
    static String encrypt(String plainText, Secret hashKey) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(hashKey.reveal().getBytes(StandardCharsets.UTF_8), "AES"));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plainText.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // Every JDK has AES/ECB/PKCS5Padding, and the settings checked the key's length: this is a bug.
            throw new IllegalStateException("cannot encrypt merchantHashedReq with " + TRANSFORMATION, e);
        }
    }

    /** The value of {@code merchantHashedReq} for these form fields. */
    static String of(Map<String, String> formFields, Secret hashKey) {
        return encrypt(plainText(formFields), hashKey);
    }
}
