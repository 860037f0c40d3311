package io.tijarat.plugin.jazzcash.stub;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The stub's own implementation of JazzCash's {@code pp_SecureHash}, written apart from the plugin's on
 * purpose: if both were one class, a mistake in it would sign and verify consistently and no test would
 * notice. The known-answer tests pin both to values computed outside Java (openssl).
 *
 * <p>Rule: the non-empty values of the fields named {@code pp_*} or {@code ppmpf_*} (not
 * {@code pp_SecureHash}), ordered by field name in ASCII order, after the integrity salt, joined with
 * {@code &}; HMAC-SHA256 keyed with the salt; upper-case hex.
 */
public final class StubHash {

    private StubHash() {
    }

    /** The hash of {@code fields} under {@code salt}. */
    public static String of(String salt, Map<String, String> fields) {
        List<String> names = new ArrayList<>();
        for (String name : fields.keySet()) {
            boolean covered = name.startsWith("pp_") || name.startsWith("ppmpf_");
            String value = fields.get(name);
            if (covered && !name.equals("pp_SecureHash") && value != null && !value.isEmpty()) {
                names.add(name);
            }
        }
        names.sort(null); // String order is ASCII order for these names
        StringBuilder text = new StringBuilder(salt);
        for (String name : names) {
            text.append('&').append(fields.get(name));
        }
        return hmac(salt, text.toString());
    }

    private static String hmac(String salt, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(digest.length * 2);
            for (byte b : digest) {
                hex.append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
            return hex.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The hash of an answer in the unprefixed shape ({@code responseCode}, …): the same rule over every
     * non-empty field but {@code secureHash}, ordered by name.
     */
    public static String ofUnprefixed(String salt, Map<String, String> fields) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (!field.getKey().equals("secureHash") && field.getValue() != null && !field.getValue().isEmpty()) {
                names.add(field.getKey());
            }
        }
        names.sort(null);
        StringBuilder text = new StringBuilder(salt);
        for (String name : names) {
            text.append('&').append(fields.get(name));
        }
        return hmac(salt, text.toString());
    }

    /** {@code fields} plus {@code secureHash}, in their order: an answer in the unprefixed shape. */
    public static Map<String, String> signedUnprefixed(String salt, Map<String, String> fields) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.remove("secureHash");
        copy.put("secureHash", ofUnprefixed(salt, copy));
        return copy;
    }

    /** {@code fields} plus {@code pp_SecureHash}, in their order. */
    public static Map<String, String> signed(String salt, Map<String, String> fields) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.remove("pp_SecureHash");
        copy.put("pp_SecureHash", of(salt, copy));
        return copy;
    }

    /** Whether {@code fields} carry a hash that matches, compared in constant time and ignoring case. */
    public static boolean verifies(String salt, Map<String, String> fields) {
        String given = fields.get("pp_SecureHash");
        if (given == null || given.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(of(salt, fields).getBytes(StandardCharsets.US_ASCII),
                given.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
