package io.tijarat.core.plugin.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.spi.ConfigProperty;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderKind;
import io.tijarat.spi.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ScopedProviderConfigTest {

    private static final ProviderDescriptor JAZZCASH = ProviderDescriptor.builder("jazzcash", ProviderKind.PAYMENT)
            .displayName("JazzCash").pluginVersion("1.0.0")
            .property(ConfigProperty.required("merchant-id", "Merchant ID"))
            .property(ConfigProperty.secret("password", "API password"))
            .property(ConfigProperty.withDefault("base-url", "API host", "https://sandbox.jazzcash.com.pk"))
            .property(ConfigProperty.optional("refund.mpin-hint", "Optional hint"))
            .defaultTimeout(Duration.ofSeconds(60))
            .build();

    private final Map<String, String> server = new HashMap<>(Map.of(
            "tijarat.provider.jazzcash.merchant-id", "MC123",
            "tijarat.provider.jazzcash.password", "S3cr3t-JC-pass",
            "tijarat.provider.easypaisa.password", "EP-secret",
            "tijarat.db.password", "db-root-pass"));
    private final List<String> asked = new ArrayList<>();
    private final Function<String, Optional<String>> lookup = key -> {
        asked.add(key);
        return Optional.ofNullable(server.get(key));
    };

    @Test
    void givenAProvider_whenItsConfigIsRead_thenOnlyItsOwnDeclaredKeysAreLookedUp() {
        ScopedProviderConfig.read(JAZZCASH, lookup);

        assertEquals(List.of("tijarat.provider.jazzcash.merchant-id", "tijarat.provider.jazzcash.password",
                "tijarat.provider.jazzcash.base-url", "tijarat.provider.jazzcash.refund.mpin-hint"), asked);
    }

    @Test
    void givenAnotherProvidersOrTheServersKey_whenAsked_thenIllegalArgumentAndNothingIsRead() {
        ScopedProviderConfig config = ScopedProviderConfig.read(JAZZCASH, lookup);
        asked.clear();

        for (String name : List.of("easypaisa.password", "../easypaisa.password", "tijarat.db.password", "db.password",
                "password ", "")) {
            assertThrows(IllegalArgumentException.class, () -> config.get(name), name);
            assertThrows(IllegalArgumentException.class, () -> config.findSecret(name), name);
        }
        assertThrows(IllegalArgumentException.class, () -> config.get(null));
        assertTrue(asked.isEmpty(), "a snapshot: no lookups after creation, " + asked);
    }

    @Test
    void givenDeclaredProperties_whenRead_thenValueElseDefaultElseEmpty() {
        ScopedProviderConfig config = ScopedProviderConfig.read(JAZZCASH, lookup);

        assertEquals(Optional.of("MC123"), config.get("merchant-id"));
        assertEquals(Optional.of("https://sandbox.jazzcash.com.pk"), config.get("base-url"));
        assertEquals(Optional.empty(), config.get("refund.mpin-hint"));
        assertEquals("MC123", config.require("merchant-id"));
        assertEquals("tijarat.provider.jazzcash.merchant-id", config.keyFor("merchant-id"));
    }

    @Test
    void givenABlankValue_whenRead_thenItCountsAsNotSet() {
        server.put("tijarat.provider.jazzcash.base-url", "   ");
        server.put("tijarat.provider.jazzcash.merchant-id", "");

        ScopedProviderConfig config = ScopedProviderConfig.read(JAZZCASH, lookup);

        assertEquals(Optional.of("https://sandbox.jazzcash.com.pk"), config.get("base-url"));
        PermanentProviderException e = assertThrows(PermanentProviderException.class,
                () -> config.require("merchant-id"));
        assertTrue(e.getMessage().contains("tijarat.provider.jazzcash.merchant-id"), e.getMessage());
    }

    @Test
    void givenASecret_whenReadAsText_thenIllegalArgument() {
        ScopedProviderConfig config = ScopedProviderConfig.read(JAZZCASH, lookup);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> config.get("password"));
        assertFalse(e.getMessage().contains("S3cr3t"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> config.require("password"));
    }

    @Test
    void givenAPlainProperty_whenReadAsASecret_thenIllegalArgument() {
        ScopedProviderConfig config = ScopedProviderConfig.read(JAZZCASH, lookup);

        assertThrows(IllegalArgumentException.class, () -> config.findSecret("merchant-id"));
    }

    @Test
    void givenASecret_whenRead_thenItPrintsAsStarsAndRevealsItsValue() {
        ScopedProviderConfig config = ScopedProviderConfig.read(JAZZCASH, lookup);

        Secret password = config.secret("password");

        assertEquals("***", password.toString());
        assertEquals("S3cr3t-JC-pass", password.reveal());
    }

    @Test
    void givenAConfig_whenPrinted_thenSecretsAreMaskedAndPlainValuesShown() {
        String text = ScopedProviderConfig.read(JAZZCASH, lookup).toString();

        assertFalse(text.contains("S3cr3t"), text);
        assertTrue(text.contains("password=***"), text);
        assertTrue(text.contains("merchant-id=MC123"), text);
    }

    @Test
    void givenAMissingRequiredProperty_whenChecked_thenItsFullKeyIsListed() {
        server.remove("tijarat.provider.jazzcash.password");

        List<String> missing = ScopedProviderConfig.read(JAZZCASH, lookup).missingRequired();

        assertEquals(List.of("tijarat.provider.jazzcash.password (API password)"), missing);
    }

    @Test
    void givenTwoReads_whenNothingChanged_thenEqual_andWhenAValueChanged_thenNot() {
        ScopedProviderConfig first = ScopedProviderConfig.read(JAZZCASH, lookup);
        ScopedProviderConfig second = ScopedProviderConfig.read(JAZZCASH, lookup);
        server.put("tijarat.provider.jazzcash.password", "rotated-password");
        ScopedProviderConfig third = ScopedProviderConfig.read(JAZZCASH, lookup);

        assertEquals(first, second);
        assertNotEquals(first, third);
    }

    @Test
    void givenTextQuotingASecret_whenMasked_thenTheSecretIsStars() {
        ScopedProviderConfig config = ScopedProviderConfig.read(JAZZCASH, lookup);

        assertEquals("login with *** refused", config.maskSecrets("login with S3cr3t-JC-pass refused"));
    }

    @Test
    void givenValuesOfTheWrongForm_whenChecked_thenEachKeyIsNamedWithTheFormExpectedAndNoValueIsQuoted() {
        ProviderDescriptor typed = ProviderDescriptor.builder("acme-pay", ProviderKind.PAYMENT)
                .displayName("Acme").pluginVersion("1.0.0")
                .property(ConfigProperty.withDefault("mode", "sandbox or live", "sandbox")
                        .ofType(io.tijarat.spi.ConfigType.oneOf("sandbox", "live")))
                .property(ConfigProperty.withDefault("base-url", "API host", "https://api.acme.example")
                        .ofType(io.tijarat.spi.ConfigType.httpsUrl()))
                .property(ConfigProperty.withDefault("retries", "How often", "2")
                        .ofType(io.tijarat.spi.ConfigType.integer(0, 5)))
                .defaultTimeout(Duration.ofSeconds(10))
                .build();
        server.put("tijarat.provider.acme-pay.mode", "production");
        server.put("tijarat.provider.acme-pay.base-url", "http://api.acme.example");

        List<String> malformed = ScopedProviderConfig.read(typed, lookup).malformed();

        assertEquals(List.of(
                "tijarat.provider.acme-pay.base-url: expected an https URL (http only for a stub on 127.0.0.1 or localhost)",
                "tijarat.provider.acme-pay.mode: expected one of live, sandbox"), malformed);
        server.put("tijarat.provider.acme-pay.mode", "LIVE");
        server.put("tijarat.provider.acme-pay.base-url", "https://api.acme.example");
        assertEquals(List.of(), ScopedProviderConfig.read(typed, lookup).malformed(), "the defaults and fixed values pass");
    }
}
