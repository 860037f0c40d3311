package io.tijarat.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TijaratSettingsTest {

    private static TijaratSettings settings(Map<String, String> values) {
        return TijaratSettings.from(key -> Optional.ofNullable(values.get(key)));
    }

    private static final String KEY = "k1:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

    /** Production settings with {@code values} and the secrets key production requires. */
    private static TijaratSettings keyed(Map<String, String> values) {
        var all = new java.util.HashMap<>(values);
        all.put("tijarat.secrets.key", KEY);
        return settings(all);
    }

    @Test
    void unset_keys_take_the_documented_defaults_and_an_unset_mode_is_production() {
        var settings = settings(Map.of("tijarat.secrets.key", KEY));

        assertEquals(Mode.PRODUCTION, settings.mode());
        assertEquals(Duration.ofSeconds(30), settings.reconcilerInterval());
        assertEquals(Duration.ofMinutes(30), settings.unpaidExpiry());
        assertEquals(Duration.ofSeconds(5), settings.outboxInterval());
        assertEquals(10, settings.outboxMaxAttempts());
        assertEquals(Duration.ofHours(48), settings.idempotencyRetention());
        assertEquals(Optional.empty(), settings.publicUrl());
        assertEquals(Duration.ofHours(24), settings.webhooksSecretGrace());
        assertEquals("k1", settings.secretBox().currentKeyId());
    }

    @Test
    void production_refuses_to_start_without_a_secrets_key_of_its_own_and_dev_and_test_get_the_dev_only_key() {
        var missing = assertThrows(InvalidSettingsException.class, () -> settings(Map.of()));
        assertTrue(missing.getMessage().contains("tijarat.secrets.key must be set in production mode"), missing.getMessage());
        var devKey = assertThrows(InvalidSettingsException.class, () -> settings(Map.of("tijarat.secrets.key",
                "dev:" + KEY.substring(3))));
        assertTrue(devKey.getMessage().contains("DEV-ONLY"), devKey.getMessage());
        var malformed = assertThrows(InvalidSettingsException.class, () -> settings(Map.of("tijarat.mode", "dev",
                "tijarat.secrets.key", "k1:dG9vLXNob3J0LXNlY3JldA==")));
        assertTrue(malformed.getMessage().contains("tijarat.secrets.key") && !malformed.getMessage().contains("dG9vLXNob3J0"),
                malformed.getMessage());

        assertTrue(settings(Map.of("tijarat.mode", "test")).secretBox().holdsDevKey());
        assertEquals(Duration.ofSeconds(5), settings(Map.of("tijarat.mode", "dev",
                "tijarat.webhooks.secret-grace-seconds", "5")).webhooksSecretGrace());
    }

    @Test
    void values_are_read_typed_and_the_mode_in_any_case() {
        var settings = settings(Map.of("tijarat.mode", " Dev ", "tijarat.reconciler.interval-seconds", "0",
                "tijarat.public-url", "https://shop.example.pk", "tijarat.storefront.return-url",
                "https://shop.example.pk/orders/{orderNumber}?payment={outcome}"));

        assertEquals(Mode.DEV, settings.mode());
        assertTrue(settings.mode().allowsShortcuts());
        assertEquals(Duration.ZERO, settings.reconcilerInterval(), "0 switches the job off");
        assertEquals(Optional.of("https://shop.example.pk"), settings.publicUrl());
        assertEquals(Optional.of("https://shop.example.pk/orders/{orderNumber}?payment={outcome}"),
                settings.storefrontReturnUrl());
    }

    @Test
    void every_bad_value_is_named_with_its_key_and_expected_form_in_one_refusal() {
        var refused = assertThrows(InvalidSettingsException.class, () -> settings(Map.of(
                "tijarat.mode", "staging",
                "tijarat.reconciler.interval-seconds", "thirty",
                "tijarat.idempotency.retention-hours", "2",
                "tijarat.demo-catalog", "yes",
                "tijarat.public-url", "shop.example.pk")));

        assertEquals(5, refused.problems().size(), refused.getMessage());
        assertTrue(refused.getMessage().contains("tijarat.mode must be dev, test or production, was 'staging'"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("tijarat.reconciler.interval-seconds must be a whole number of seconds"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("tijarat.idempotency.retention-hours must be a whole number of hours, at least 24"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("tijarat.demo-catalog must be true or false, was 'yes'"), refused.getMessage());
        assertTrue(refused.getMessage().contains("tijarat.public-url must be an absolute http(s) URL"), refused.getMessage());
    }

    @Test
    void trusted_proxies_are_addresses_or_cidr_ranges_and_a_host_name_is_refused_by_key() {
        var settings = keyed(Map.of("tijarat.http.trusted-proxies", "10.0.0.0/8, 127.0.0.1 ,::1,2001:db8::/32"));

        assertTrue(settings.trustedProxies().contains("10.200.3.4"));
        assertTrue(settings.trustedProxies().contains("127.0.0.1"));
        assertTrue(settings.trustedProxies().contains("0:0:0:0:0:0:0:1"));
        assertTrue(settings.trustedProxies().contains("2001:db8:1::5"));
        assertTrue(!settings.trustedProxies().contains("11.0.0.1") && !settings.trustedProxies().contains("127.0.0.2"));
        assertTrue(keyed(Map.of()).trustedProxies().isEmpty(), "by default no proxy is trusted");

        var refused = assertThrows(InvalidSettingsException.class, () -> keyed(Map.of(
                "tijarat.http.trusted-proxies", "10.0.0.0/8,proxy.internal",
                "tijarat.checkout.per-phone-per-minute", "0")));
        assertTrue(refused.getMessage().contains("tijarat.http.trusted-proxies must be a comma-separated list"), refused.getMessage());
        assertTrue(refused.getMessage().contains("'proxy.internal' is not an IP address"), refused.getMessage());
        assertTrue(refused.getMessage().contains("tijarat.checkout.per-phone-per-minute"), refused.getMessage());
    }

    @Test
    void abuse_limits_have_documented_defaults() {
        var settings = keyed(Map.of());

        assertEquals(10.0, settings.checkoutPerAddressPerMinute());
        assertEquals(20, settings.checkoutPerAddressBurst());
        assertEquals(1.0, settings.checkoutPerPhonePerMinute());
        assertEquals(5, settings.checkoutPerPhoneBurst());
        assertEquals(Duration.ofHours(48), settings.codConfirmWithin());
        assertEquals(Duration.ofSeconds(10), settings.eventConfirmBackoff());
        assertEquals(50_000, settings.rateLimitMaxKeys());
    }
}
