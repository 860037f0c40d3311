package io.tijarat.core.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets that the server must read back (merchant webhook signing secrets) before they are stored:
 * AES-256-GCM with a random 96-bit nonce per value, and a <em>context</em> (e.g. the row's id) as additional
 * authenticated data, so a ciphertext copied into another row does not open. Each value records the id of the
 * key that sealed it; the ring holds the current key (used to seal) and any previous keys (only opened with),
 * which is how keys are rotated: add a new current key, keep the old one as previous until every value has been
 * sealed again with the new one, then drop it.
 *
 * <p>Keys come from configuration ({@code tijarat.secrets.key}, {@code tijarat.secrets.previous-keys}) in the
 * form {@code <key id>:<Base64 of 32 random bytes>}; {@link #dev()} is the DEV-ONLY ring used when dev or test
 * mode sets none. Immutable and thread-safe. Never logs or shows a key or a plain value.
 */
public final class SecretBox {

    /** The id of the DEV-ONLY key: refused in production. */
    public static final String DEV_KEY_ID = "dev";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    // Derived from a phrase in this public source code, so it protects nothing: only for dev and test mode.
    private static final byte[] DEV_KEY = hexSha256("tijarat DEV-ONLY secrets key: anyone can read this");

    private final String currentId;
    private final Map<String, SecretKey> keys;

    /** A sealed value: the id of the key that sealed it and Base64(nonce || ciphertext || tag). */
    public record Sealed(String keyId, String ciphertext) {
        public Sealed {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(ciphertext, "ciphertext");
        }
    }

    /** A value sealed with a key this ring does not hold (its id is named), or altered. */
    public static final class CannotOpenException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        CannotOpenException(String message) {
            super(message);
        }
    }

    private SecretBox(String currentId, Map<String, SecretKey> keys) {
        this.currentId = currentId;
        this.keys = Map.copyOf(keys);
    }

    /** The DEV-ONLY ring: one fixed key, id {@value #DEV_KEY_ID}, whose bytes are in the public source code. */
    public static SecretBox dev() {
        return new SecretBox(DEV_KEY_ID, Map.of(DEV_KEY_ID, new SecretKeySpec(DEV_KEY, "AES")));
    }

    /**
     * A ring from configuration values.
     *
     * @param current  {@code <id>:<Base64 of 32 bytes>}, the key that seals
     * @param previous the same form, comma-separated (may be empty): keys only opened with
     * @throws IllegalArgumentException naming what is wrong (never the key itself)
     */
    public static SecretBox parse(String current, String previous) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String currentId = add(keys, current);
        if (previous != null) {
            for (String entry : previous.split(",")) {
                if (!entry.isBlank()) {
                    add(keys, entry);
                }
            }
        }
        return new SecretBox(currentId, keys);
    }

    private static String add(Map<String, SecretKey> keys, String entry) {
        String text = entry.strip();
        int colon = text.indexOf(':');
        String id = colon < 0 ? "" : text.substring(0, colon);
        if (!id.matches("[A-Za-z0-9._-]{1,32}")) {
            throw new IllegalArgumentException("<key id>:<Base64 of 32 random bytes>, the id 1 to 32 letters, digits,"
                    + " '.', '_' or '-' (e.g. k1:$(openssl rand -base64 32))");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.substring(colon + 1).strip());
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != 32) {
            throw new IllegalArgumentException("<key id>:<Base64 of 32 random bytes> (openssl rand -base64 32); the key of '"
                    + id + "' is not 32 bytes of Base64");
        }
        if (keys.putIfAbsent(id, new SecretKeySpec(key, "AES")) != null) {
            throw new IllegalArgumentException("keys with distinct ids; '" + id + "' is given twice");
        }
        return id;
    }

    /** The id of the key that seals. */
    public String currentKeyId() {
        return currentId;
    }

    /** The ids of every key held, current first. */
    public Set<String> keyIds() {
        return keys.keySet();
    }

    /** Whether any key held is the DEV-ONLY key (by id or by bytes). */
    public boolean holdsDevKey() {
        return keys.containsKey(DEV_KEY_ID) || keys.values().stream()
                .anyMatch(k -> java.security.MessageDigest.isEqual(k.getEncoded(), DEV_KEY));
    }

    /** Whether {@code sealed} is sealed with the current key (else it should be sealed again). */
    public boolean isCurrent(Sealed sealed) {
        return sealed.keyId().equals(currentId);
    }

    /** Seals {@code plain} with the current key, bound to {@code context}. */
    public Sealed seal(String plain, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return new Sealed(currentId, Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /**
     * Opens {@code sealed}, which must have been sealed with the same {@code context}.
     *
     * @throws CannotOpenException when its key is not held, or it was altered or belongs to another context
     */
    public String open(Sealed sealed, String context) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new CannotOpenException("a secret is sealed with key id '" + sealed.keyId() + "', which is not configured;"
                    + " add it to tijarat.secrets.previous-keys (current: '" + currentId + "')");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.ciphertext());
            if (all.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new CannotOpenException("a sealed secret is too short to be one");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new CannotOpenException("a sealed secret does not open with key id '" + sealed.keyId()
                    + "': altered, from another row, or a different key under the same id");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private static byte[] hexSha256(String text) {
        return java.util.HexFormat.of().parseHex(Sha256.hex(text));
    }

    @Override
    public String toString() {
        return "SecretBox[current=" + currentId + ", keys=" + keys.keySet() + "]";
    }
}
