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

    @Test
    void unset_keys_take_the_documented_defaults_and_an_unset_mode_is_production() {
        var settings = settings(Map.of());

        assertEquals(Mode.PRODUCTION, settings.mode());
        assertEquals(Duration.ofSeconds(30), settings.reconcilerInterval());
        assertEquals(Duration.ofMinutes(30), settings.unpaidExpiry());
        assertEquals(Duration.ofSeconds(5), settings.outboxInterval());
        assertEquals(10, settings.outboxMaxAttempts());
        assertEquals(Duration.ofHours(48), settings.idempotencyRetention());
        assertEquals(Optional.empty(), settings.publicUrl());
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
}
