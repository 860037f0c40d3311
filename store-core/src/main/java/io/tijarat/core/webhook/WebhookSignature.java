package io.tijarat.core.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature header of a delivery: {@code v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}, where
 * {@code timestamp} is the {@code Tijarat-Webhook-Timestamp} header (Unix seconds) and {@code body} the
 * exact bytes sent. Signing the timestamp lets a receiver refuse old (replayed) requests; the version
 * prefix leaves room for another scheme later. Stateless.
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "Tijarat-Webhook-Id";
    public static final String TIMESTAMP_HEADER = "Tijarat-Webhook-Timestamp";
    public static final String SIGNATURE_HEADER = "Tijarat-Webhook-Signature";

    private WebhookSignature() {
    }

    /** The header value for {@code body} sent at {@code unixSeconds}. */
    public static String sign(WebhookSecret secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
