package io.tijarat.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Typed configuration: an operator's typo is named at start, with the form expected, never the value. */
class ConfigTypeTest {

    @Test
    void gateway_urls_must_be_https_except_a_stub_on_this_machine() {
        ConfigType url = ConfigType.httpsUrl();
        assertEquals(Optional.empty(), url.problem("https://sandbox.jazzcash.com.pk/ApplicationAPI"));
        assertEquals(Optional.empty(), url.problem("http://127.0.0.1:8089"));
        assertEquals(Optional.empty(), url.problem("http://localhost:8089/"));
        assertTrue(url.problem("http://payments.jazzcash.com.pk").orElseThrow().contains("https"));
        assertTrue(url.problem("sandbox.jazzcash.com.pk").isPresent());
        assertTrue(url.problem("ftp://example.com").isPresent());
        assertEquals(Optional.empty(), ConfigType.url().problem("http://payments.example.pk"));
    }

    @Test
    void durations_money_numbers_enums_phones_and_lists() {
        assertEquals(Duration.ofMillis(500), ConfigType.parseDuration("500ms"));
        assertEquals(Duration.ofSeconds(30), ConfigType.parseDuration(" 30s "));
        assertEquals(Duration.ofMinutes(5), ConfigType.parseDuration("PT5M"));
        assertTrue(ConfigType.duration().problem("30 seconds").isPresent());
        assertEquals(Money.of(150_050, "PKR"), ConfigType.parseRupees("1,500.50"));
        assertTrue(ConfigType.money().problem("1500.505").isPresent());
        assertTrue(ConfigType.money().problem("-5").isPresent());
        assertEquals(Optional.empty(), ConfigType.integer(1, 100).problem("100"));
        assertTrue(ConfigType.integer(1, 100).problem("101").orElseThrow().contains("from 1 to 100"));
        assertEquals(Optional.empty(), ConfigType.oneOf("sandbox", "live").problem("LIVE"));
        assertTrue(ConfigType.oneOf("sandbox", "live").problem("production").orElseThrow().contains("live, sandbox"));
        assertEquals(Optional.empty(), ConfigType.phone().problem("0300-1234567"));
        assertEquals(Optional.empty(), ConfigType.phone().problem("+442071234567"));
        assertTrue(ConfigType.phone().problem("12345").isPresent());
        assertEquals(Optional.empty(), ConfigType.bool().problem("TRUE"));
        assertTrue(ConfigType.bool().problem("yes").isPresent());
        assertEquals(List.of("Lahore", "Karachi"), ConfigType.parseList(" Lahore, ,Karachi "));
        assertTrue(ConfigType.listOf(ConfigType.integer(0, 9)).problem("1,2,x").isPresent());
    }

    @Test
    void a_problem_never_quotes_the_value() {
        String secretLooking = "hunter2-secret-value";
        assertTrue(ConfigType.integer(0, 1).problem(secretLooking).filter(p -> !p.contains(secretLooking)).isPresent());
    }

    @Test
    void a_property_declared_with_a_type_refuses_a_malformed_default() {
        var timeout = ConfigProperty.withDefault("timeout", "How long to wait", "30s").ofType(ConfigType.duration());
        assertEquals(ConfigType.duration().expected(), timeout.type().expected());
        assertThrows(IllegalArgumentException.class,
                () -> ConfigProperty.withDefault("timeout", "How long to wait", "soon").ofType(ConfigType.duration()));
        assertEquals("text", ConfigProperty.required("merchant-id", "The merchant id").type().expected(),
                "declared before 1.2: any text");
    }
}
