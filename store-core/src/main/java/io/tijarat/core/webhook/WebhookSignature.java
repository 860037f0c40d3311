package io.tijarat.core.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature header of a delivery: {@code v1=<hex HMAC-SHA256(secret, id + "." + timestamp + "." + body)>}
 * (as Standard Webhooks signs), where {@code id} is the {@code Tijarat-Webhook-Id} header (the event id),
 * {@code timestamp} the {@code Tijarat-Webhook-Timestamp} header (Unix seconds) and {@code body} the exact
 * bytes sent. Signing the timestamp lets a receiver refuse old (replayed) requests; signing the id means a
 * captured request cannot be replayed under a new id to slip past the receiver's duplicate check. The
 * version prefix leaves room for another scheme later.
 *
 * <p>While a rotated-out secret is in its grace period the header carries one signature per valid secret,
 * separated by a space, the new secret's first ({@code v1=<hex> v1=<hex>}), as Standard Webhooks does: a
 * receiver accepts the request when any entry matches the secret it holds. Stateless.
 */
public final class WebhookSignature {

    public static final String ID_HEADER = "Tijarat-Webhook-Id";
    public static final String TIMESTAMP_HEADER = "Tijarat-Webhook-Timestamp";
    public static final String SIGNATURE_HEADER = "Tijarat-Webhook-Signature";

    private WebhookSignature() {
    }

    /** The header value signed with each of {@code secrets}, space-separated, in their order. */
    public static String sign(List<WebhookSecret> secrets, String id, long unixSeconds, byte[] body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a delivery is signed with at least one secret");
        }
        return secrets.stream().map(s -> sign(s, id, unixSeconds, body)).collect(Collectors.joining(" "));
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
