package io.tijarat.core.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"id\":\"e1\",\"type\":\"order.paid\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void the_signature_is_v1_and_the_hex_hmac_sha256_of_id_dot_timestamp_dot_body_keyed_by_the_secret_text()
            throws Exception {
        WebhookSecret secret = WebhookSecret.of("whsec_test-secret");

        String header = WebhookSignature.sign(secret, "e1", 1_767_225_600L, BODY);

        // what a receiver writes, independently of our code
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("whsec_test-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal(
                ("e1.1767225600." + new String(BODY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));
        assertEquals("v1=" + expected, header);
        assertTrue(header.matches("v1=[0-9a-f]{64}"), header);
    }

    @Test
    void a_fixed_vector_computed_with_openssl_stays_the_same() {
        // printf '%s' 'evt_1.1767225600.{"id":"evt_1","type":"order.paid"}' \
        //   | openssl dgst -sha256 -hmac 'whsec_MfKQ9r8GKYqrTx2Nx1Ag2b3JgqGZ5RqD6X7qQ0yXdJQ'
        String header = WebhookSignature.sign(WebhookSecret.of("whsec_MfKQ9r8GKYqrTx2Nx1Ag2b3JgqGZ5RqD6X7qQ0yXdJQ"),
                "evt_1", 1_767_225_600L, "{\"id\":\"evt_1\",\"type\":\"order.paid\"}".getBytes(StandardCharsets.UTF_8));

        assertEquals("v1=f01db0298d365bf2685d07c7628d67f6b7cfd9b6d2c82080cc055b9e13a09fe9", header);
    }

    @Test
    void the_id_the_timestamp_and_every_byte_of_the_body_are_signed() {
        WebhookSecret secret = WebhookSecret.generate();
        String signature = WebhookSignature.sign(secret, "e1", 1000, BODY);

        assertNotEquals(signature, WebhookSignature.sign(secret, "e2", 1000, BODY));
        assertNotEquals(signature, WebhookSignature.sign(secret, "e1", 1001, BODY));
        byte[] changed = BODY.clone();
        changed[changed.length - 2] ^= 1;
        assertNotEquals(signature, WebhookSignature.sign(secret, "e1", 1000, changed));
        assertNotEquals(signature, WebhookSignature.sign(WebhookSecret.generate(), "e1", 1000, BODY));
    }

    @Test
    void secrets_are_32_random_bytes_with_a_prefix_and_never_show_in_to_string() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 100; i++) {
            WebhookSecret secret = WebhookSecret.generate();
            String text = secret.reveal();
            assertTrue(text.startsWith("whsec_"), text);
            assertEquals(32, Base64.getUrlDecoder().decode(text.substring("whsec_".length())).length);
            assertTrue(seen.add(text), "secrets do not repeat");
            assertFalse(secret.toString().contains(text.substring(6, 12)), secret.toString());
        }
    }

    @Test
    void during_a_rotation_the_header_carries_one_signature_per_secret_space_separated_the_new_one_first() {
        WebhookSecret fresh = WebhookSecret.of("whsec_new");
        WebhookSecret old = WebhookSecret.of("whsec_old");

        String header = WebhookSignature.sign(java.util.List.of(fresh, old), "e1", 1000, BODY);

        String[] entries = header.split(" ");
        assertEquals(2, entries.length, header);
        assertEquals(WebhookSignature.sign(fresh, "e1", 1000, BODY), entries[0]);
        assertEquals(WebhookSignature.sign(old, "e1", 1000, BODY), entries[1]);
        assertEquals(WebhookSignature.sign(fresh, "e1", 1000, BODY), WebhookSignature.sign(java.util.List.of(fresh), "e1", 1000, BODY));
    }
}
