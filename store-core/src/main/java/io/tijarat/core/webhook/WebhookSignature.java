package io.tijarat.core.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature header of a delivery: {@code v1=<hex HMAC-SHA256(secret, id + "." + timestamp + "." + body)>}
 * (as Standard Webhooks signs), where {@code id} is the {@code Tijarat-Webhook-Id} header (the event id),
 * {@code timestamp} the {@code Tijarat-Webhook-Timestamp} header (Unix seconds) and {@code body} the exact
 * bytes sent. Signing the timestamp lets a receiver refuse old (replayed) requests; signing the id means a
 * captured request cannot be replayed under a new id to slip past the receiver's duplicate check. The
 * version prefix leaves room for another scheme later. Stateless.
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "Tijarat-Webhook-Id";
    public static final String TIMESTAMP_HEADER = "Tijarat-Webhook-Timestamp";
    public static final String SIGNATURE_HEADER = "Tijarat-Webhook-Signature";

    private WebhookSignature() {
    }

    /** The header value for event {@code id}'s {@code body} sent at {@code unixSeconds}. */
    public static String sign(WebhookSecret secret, String id, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            mac.update((id + "." + unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
