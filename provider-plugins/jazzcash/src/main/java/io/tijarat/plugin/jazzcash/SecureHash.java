package io.tijarat.plugin.jazzcash;

import io.tijarat.spi.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * JazzCash's {@code pp_SecureHash}, exactly as documented:
 * <ol>
 *   <li>take every field whose name starts with {@code pp_} or {@code ppmpf_}, except
 *       {@code pp_SecureHash} itself, and drop those whose value is empty;</li>
 *   <li>sort them by field name, in ASCII order;</li>
 *   <li>build {@code IntegritySalt&value1&value2&…} — the salt first, then the values only;</li>
 *   <li>HMAC-SHA256 of that text, keyed with the integrity salt, as upper-case hex.</li>
 * </ol>
 * The same rule signs our requests and verifies JazzCash's responses, the customer's return POST and
 * the IPN. Verification compares in constant time ({@link MessageDigest#isEqual}) and ignores the case
 * of the received hex.
 *
 * <p>Newer JazzCash API versions answer with unprefixed names ({@code responseCode}, {@code responseMessage},
 * {@code secureHash}; JazzCash's v4.2 API reference,
 * https://sandbox.jazzcash.com.pk/SandboxDocumentation/v4.2/ApiReferences.html).
 * Such an answer is verified by {@link #verifyUnprefixed} with the same rule: every non-empty field except
 * {@code secureHash}, in ASCII order of the names, after the salt, joined with {@code &}. No public source shows
 * an unprefixed answer's hash being computed; this is the documented rule applied to the names the answer
 * has, which for lower-camel names ({@code responseCode} and {@code pp_ResponseCode} alike) gives the same
 * values in the same order.
 *
 * <p>Tolerance: the notes disagree on whether echoed {@code ppmbf_*} fields are covered. The documented
 * rule leaves them out; if that does not verify and the message has non-empty {@code ppmbf_*} fields, the
 * hash is also tried with them. Either way only someone holding the salt can produce a matching hash,
 * and this plugin reads no {@code ppmbf_*} field.
 *
 * <p>Immutable and thread-safe: a {@link Mac} is made per call.
 */
final class SecureHash {

    /** The field that carries the hash. */
    static final String FIELD = "pp_SecureHash";

    /** The field that carries the hash in an answer in the unprefixed shape. */
    static final String UNPREFIXED_FIELD = "secureHash";

    private static final String ALGORITHM = "HmacSHA256";

    /** How a received hash compares with the one we compute. */
    enum Verdict {
        /** It matches: the fields come from someone who holds the integrity salt. */
        VALID,
        /** There is no hash (absent or empty). */
        MISSING,
        /** There is one, and it does not match. */
        INVALID
    }

    private final Secret salt;

    SecureHash(Secret salt) {
        this.salt = salt;
    }

    /** The hash of {@code fields} under this salt, as upper-case hex. */
    String sign(Map<String, String> fields) {
        return hmac(salt.reveal(), message(salt.reveal(), fields, false));
    }

    /** Checks the {@code pp_SecureHash} among {@code fields} against the others. */
    Verdict verify(Map<String, String> fields) {
        String received = fields.getOrDefault(FIELD, "");
        if (received.isEmpty()) {
            return Verdict.MISSING;
        }
        byte[] given = received.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        String key = salt.reveal();
        if (MessageDigest.isEqual(hmac(key, message(key, fields, false)).getBytes(StandardCharsets.US_ASCII), given)) {
            return Verdict.VALID;
        }
        boolean hasBankFields = fields.entrySet().stream()
                .anyMatch(field -> field.getKey().startsWith("ppmbf_") && !field.getValue().isEmpty());
        if (hasBankFields && MessageDigest.isEqual(
                hmac(key, message(key, fields, true)).getBytes(StandardCharsets.US_ASCII), given)) {
            return Verdict.VALID;
        }
        return Verdict.INVALID;
    }

    /**
     * Checks the {@code secureHash} of an answer in the unprefixed shape against all its other non-empty
     * fields, ordered by name, in constant time and ignoring case.
     */
    Verdict verifyUnprefixed(Map<String, String> fields) {
        String received = fields.getOrDefault(UNPREFIXED_FIELD, "");
        if (received.isEmpty()) {
            return Verdict.MISSING;
        }
        byte[] given = received.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        String key = salt.reveal();
        byte[] expected = hmac(key, unprefixedMessage(key, fields)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Verdict.VALID : Verdict.INVALID;
    }

    /** The text that is MACed for an unprefixed answer; contains the salt, never logged. */
    static String unprefixedMessage(String salt, Map<String, String> fields) {
        TreeMap<String, String> sorted = new TreeMap<>();
        fields.forEach((name, value) -> {
            if (!name.equals(UNPREFIXED_FIELD) && value != null && !value.isEmpty()) {
                sorted.put(name, value);
            }
        });
        StringBuilder text = new StringBuilder(salt);
        sorted.values().forEach(value -> text.append('&').append(value));
        return text.toString();
    }

    /** Whether a field takes part in the hash under the documented rule (its value aside). */
    static boolean isCovered(String name) {
        return (name.startsWith("pp_") || name.startsWith("ppmpf_")) && !name.equals(FIELD);
    }

    /**
     * The text that is MACed: the salt, then the non-empty covered values in ASCII order of their names,
     * joined with {@code &}. Package-visible for the known-answer tests; it contains the salt, so it is
     * never logged.
     */
    static String message(String salt, Map<String, String> fields, boolean withBankFields) {
        TreeMap<String, String> sorted = new TreeMap<>();
        fields.forEach((name, value) -> {
            boolean covered = isCovered(name) || (withBankFields && name.startsWith("ppmbf_"));
            if (covered && value != null && !value.isEmpty()) {
                sorted.put(name, value);
            }
        });
        StringBuilder text = new StringBuilder(salt);
        sorted.values().forEach(value -> text.append('&').append(value));
        return text.toString();
    }

    private static String hmac(String key, String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return HexFormat.of().withUpperCase().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            // Every Java platform must offer HmacSHA256; getting here means a broken JDK, not a bad answer.
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "SecureHash[HMAC-SHA256, salt " + salt + "]";
    }
}
