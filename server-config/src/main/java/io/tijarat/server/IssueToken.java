package io.tijarat.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Issues an admin API token: a MicroProfile JWT signed with RS256 by the shop owner's private key.
 *
 * <pre>
 * java -cp server-config/target/classes io.tijarat.server.IssueToken \
 *      --key my-private.pem --subject ayesha --role admin --hours 8 [--issuer https://shop.example.pk]
 * </pre>
 * Roles: {@code admin} (everything) or {@code staff} (orders, read-only catalog).
 */
public final class IssueToken {

    /** The issuer the server expects unless {@code mp.jwt.verify.issuer} says otherwise. */
    public static final String DEFAULT_ISSUER = "https://tijarat.io/issuer";

    private IssueToken() {
    }

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (!options.containsKey("--key") || !options.containsKey("--subject") || !options.containsKey("--role")) {
            System.err.println("usage: IssueToken --key <private.pem> --subject <name> --role admin|staff [--hours 8] [--issuer <url>]");
            System.exit(2);
        }
        PrivateKey key = readPrivateKey(Path.of(options.get("--key")));
        System.out.println(issue(key, options.getOrDefault("--issuer", DEFAULT_ISSUER), options.get("--subject"),
                List.of(options.get("--role")), Duration.ofHours(Long.parseLong(options.getOrDefault("--hours", "8")))));
    }

    /** A signed token for {@code subject} with {@code groups} (MP JWT's roles), valid for {@code lifetime}. */
    public static String issue(PrivateKey key, String issuer, String subject, List<String> groups, Duration lifetime)
            throws GeneralSecurityException {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":" + quote(issuer) + ",\"sub\":" + quote(subject) + ",\"upn\":" + quote(subject)
                + ",\"jti\":" + quote(UUID.randomUUID().toString()) + ",\"iat\":" + now + ",\"exp\":" + (now + lifetime.toSeconds())
                + ",\"groups\":[" + groups.stream().map(IssueToken::quote).collect(Collectors.joining(",")) + "]}";
        String signingInput = base64(header.getBytes(StandardCharsets.UTF_8)) + "." + base64(payload.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64(rsa.sign());
    }

    /** Reads an unencrypted PKCS#8 PEM file, as {@code openssl genpkey} writes it. */
    public static PrivateKey readPrivateKey(Path pem) throws IOException, GeneralSecurityException {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String quote(String value) {
        if (!value.matches("[\\p{L}\\p{N} ._:/@-]{1,200}")) {
            throw new IllegalArgumentException("unsupported characters in " + value);
        }
        return "\"" + value + "\"";
    }
}
