package io.tijarat.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final byte[] K1 = new byte[32];
    private static final byte[] K2 = "0123456789abcdef0123456789abcdef".getBytes();
    private static final String KEY_1 = "k1:" + Base64.getEncoder().encodeToString(K1);
    private static final String KEY_2 = "k2:" + Base64.getEncoder().encodeToString(K2);

    @Test
    void a_sealed_value_is_aes_gcm_with_a_fresh_nonce_and_opens_only_in_its_own_context() throws Exception {
        SecretBox box = SecretBox.parse(KEY_1, "");

        SecretBox.Sealed a = box.seal("whsec_secret", "row-1");
        SecretBox.Sealed b = box.seal("whsec_secret", "row-1");

        assertEquals("k1", a.keyId());
        assertNotEquals(a.ciphertext(), b.ciphertext(), "a fresh nonce each time");
        assertFalse(a.ciphertext().contains("secret"));
        assertEquals("whsec_secret", box.open(a, "row-1"));
        // what any AES-GCM implementation reads: nonce (12 bytes) || ciphertext || tag, the context as AAD
        byte[] all = Base64.getDecoder().decode(a.ciphertext());
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(K1, "AES"), new GCMParameterSpec(128, all, 0, 12));
        cipher.updateAAD("row-1".getBytes());
        assertEquals("whsec_secret", new String(cipher.doFinal(all, 12, all.length - 12)));
        // copied into another row, or altered: refused
        assertThrows(SecretBox.CannotOpenException.class, () -> box.open(a, "row-2"));
        all[20] ^= 1;
        var altered = new SecretBox.Sealed("k1", Base64.getEncoder().encodeToString(all));
        assertThrows(SecretBox.CannotOpenException.class, () -> box.open(altered, "row-1"));
    }

    @Test
    void a_new_current_key_seals_while_previous_keys_still_open_and_an_unknown_key_id_is_named() {
        SecretBox old = SecretBox.parse(KEY_1, "");
        SecretBox.Sealed sealedByOld = old.seal("whsec_x", "c");

        SecretBox rotated = SecretBox.parse(KEY_2, KEY_1);

        assertEquals("k2", rotated.currentKeyId());
        assertFalse(rotated.isCurrent(sealedByOld));
        assertEquals("whsec_x", rotated.open(sealedByOld, "c"));
        assertTrue(rotated.isCurrent(rotated.seal("whsec_x", "c")));
        var refused = assertThrows(SecretBox.CannotOpenException.class,
                () -> SecretBox.parse(KEY_2, "").open(sealedByOld, "c"));
        assertTrue(refused.getMessage().contains("'k1'"), refused.getMessage());
    }

    @Test
    void malformed_keys_are_refused_without_repeating_them_and_the_dev_key_is_recognised() {
        for (String bad : new String[] {"no-id-here", ":" + KEY_1.substring(3), "k1:c2hvcnQ=", "k 1:" + KEY_1.substring(3),
                "k1:not base64!!"}) {
            var refused = assertThrows(IllegalArgumentException.class, () -> SecretBox.parse(bad, ""), bad);
            assertFalse(refused.getMessage().contains(bad.substring(Math.max(0, bad.indexOf(':') + 1))) && bad.length() > 12,
                    refused.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> SecretBox.parse(KEY_1, KEY_1), "an id given twice");
        assertTrue(SecretBox.dev().holdsDevKey());
        assertFalse(SecretBox.parse(KEY_2, KEY_1).holdsDevKey());
        assertFalse(SecretBox.parse(KEY_1, "").toString().contains(KEY_1.substring(3)));
    }
}
