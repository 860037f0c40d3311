package io.tijarat.core.webhook;

import io.tijarat.core.config.Mode;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where webhooks may go. Host names are answered by a fake resolver (no DNS); IP literals are parsed
 * by the JDK without a lookup.
 */
class DestinationPolicyTest {

    /** A DNS stand-in: names map to literal addresses; any other name does not resolve. */
    private static final Map<String, List<String>> DNS = Map.of(
            "hooks.example.com", List.of("93.184.216.34"),
            "dual.example.com", List.of("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"),
            "rebind.example.com", List.of("93.184.216.34", "10.0.0.7"), // private: refused, never contacted
            "metadata.example.com", List.of("169.254.169.254"),
            "internal.example.com", List.of("192.168.1.20"), // private: refused, never contacted
            "ula.example.com", List.of("fd00::5"),
            "mapped.example.com", List.of("::ffff:127.0.0.1"),
            "cgnat.example.com", List.of("100.64.3.4"),
            "localhost", List.of("127.0.0.1", "::1"));

    private final List<String> lookups = new ArrayList<>();

    private InetAddress[] resolve(String host) throws UnknownHostException {
        lookups.add(host);
        if (!host.contains(":") && !DNS.containsKey(host) && !Character.isDigit(host.charAt(host.length() - 1))) {
            throw new UnknownHostException(host);
        }
        List<String> literals = DNS.getOrDefault(host, List.of(host));
        InetAddress[] addresses = new InetAddress[literals.size()];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = InetAddress.getByName(literals.get(i)); // literals only: no lookup
        }
        return addresses;
    }

    private final DestinationPolicy production = new DestinationPolicy(true, this::resolve);
    private final DestinationPolicy development = new DestinationPolicy(false, this::resolve);

    private String refusal(DestinationPolicy policy, String url) {
        var e = assertThrows(DestinationPolicy.RefusedException.class, () -> policy.admit(policy.parse(url)), url);
        return e.getMessage();
    }

    @Test
    void production_sends_to_public_https_hosts_on_every_address_they_have() throws Exception {
        assertEquals(1, production.admit(production.parse("https://hooks.example.com/tijarat?token=abc")).length);
        assertEquals(2, production.admit(production.parse("https://dual.example.com:8443/in")).length);
        assertEquals(1, production.admit(production.parse("https://93.184.216.34/in")).length);
        assertEquals(1, production.admit(production.parse("https://[2606:4700:4700::1111]/in")).length);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/hook", "https://localhost/hook", "https://[::1]/hook", "https://0.0.0.0/hook",
            "https://10.0.0.1/hook", "https://172.16.5.4/hook", "https://192.168.1.1/hook", "https://100.64.0.1/hook", // private: refused
            "https://169.254.169.254/latest/meta-data/", "https://[fe80::1]/hook", "https://[fd00::1]/hook",
            "https://[::ffff:169.254.169.254]/hook", "https://[::ffff:10.0.0.1]/hook", "https://[64:ff9b::a9fe:a9fe]/hook", // private: refused
            "https://224.0.0.1/hook", "https://255.255.255.255/hook",
            "https://metadata.example.com/computeMetadata/v1/", "https://internal.example.com/hook",
            "https://ula.example.com/hook", "https://mapped.example.com/hook", "https://cgnat.example.com/hook"})
    void production_refuses_every_non_public_address_whether_literal_or_resolved(String url) {
        String reason = refusal(production, url);
        assertTrue(reason.contains("only sent to public addresses"), reason);
    }

    @Test
    void one_private_address_among_public_ones_is_enough_to_refuse() {
        String reason = refusal(production, "https://rebind.example.com/hook");
        assertTrue(reason.contains("10.0.0.7") && reason.contains("private"), reason);
    }

    @Test
    void the_refusal_names_the_host_and_address_but_never_the_path_or_query() {
        String reason = refusal(production, "https://metadata.example.com/secret-path?token=s3cr3t");
        assertTrue(reason.contains("metadata.example.com") && reason.contains("169.254.169.254"), reason);
        assertTrue(reason.contains("link-local"), reason);
        assertFalse(reason.contains("secret-path") || reason.contains("s3cr3t"), reason);
    }

    @Test
    void production_refuses_plain_http_before_any_lookup() {
        assertTrue(refusal(production, "http://hooks.example.com/hook").contains("https"));
        assertTrue(refusal(production, "http://127.0.0.1:8080/hook").contains("https"));
        assertEquals(List.of(), lookups);
    }

    @Test
    void a_name_that_does_not_resolve_is_refused() {
        assertTrue(refusal(production, "https://nowhere.example.com/hook").contains("does not resolve"));
    }

    @Test
    void dev_and_test_mode_allow_loopback_over_http_or_https_and_nothing_else_more() throws Exception {
        assertEquals(1, development.admit(development.parse("http://127.0.0.1:9090/hook")).length);
        assertEquals(2, development.admit(development.parse("http://localhost:9090/hook")).length);
        assertEquals(1, development.admit(development.parse("https://[::1]:9443/hook")).length);
        assertEquals(1, development.admit(development.parse("https://hooks.example.com/hook")).length);

        assertTrue(refusal(development, "http://hooks.example.com/hook").contains("https"));
        assertTrue(refusal(development, "https://169.254.169.254/").contains("public addresses"));
        assertTrue(refusal(development, "http://192.168.1.1/").contains("public addresses")); // private: refused, never contacted
        assertTrue(refusal(development, "http://10.0.0.1/").contains("public addresses")); // private: refused
    }

    @Test
    void the_mode_decides_the_policy_and_anything_unknown_is_production() {
        assertFalse(DestinationPolicy.forMode(Mode.parse(Optional.of("dev"))).production());
        assertFalse(DestinationPolicy.forMode(Mode.parse(Optional.of("test"))).production());
        assertFalse(DestinationPolicy.forMode(Mode.parse(Optional.of(" TEST "))).production());
        assertTrue(DestinationPolicy.forMode(Mode.parse(Optional.of("production"))).production());
        assertTrue(DestinationPolicy.forMode(Mode.parse(Optional.empty())).production());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "hooks.example.com/hook", "ftp://hooks.example.com/", "file:///etc/passwd",
            "gopher://hooks.example.com/", "https:///no-host", "https://user:pass@hooks.example.com/hook",
            "https://hooks.example.com/hook#fragment", "https://exa mple.com/", "javascript:alert(1)",
            "https://127.1/hook", "https://2130706433/hook", "https://0177.0.0.1/hook", "https://0x7f.0.0.1/hook",
            "https://10.010.0.1/hook"}) // private: refused
    void malformed_or_unusual_urls_are_refused_as_malformed_without_a_lookup(String url) {
        var e = assertThrows(DestinationPolicy.RefusedException.class, () -> production.parse(url));
        assertTrue(e.malformed(), e.getMessage());
        assertEquals(List.of(), lookups);
    }

    @Test
    void an_overlong_url_is_refused() {
        String url = "https://hooks.example.com/" + "a".repeat(DestinationPolicy.MAX_LENGTH);
        var e = assertThrows(DestinationPolicy.RefusedException.class, () -> production.parse(url));
        assertTrue(e.getMessage().contains("at most"), e.getMessage());
    }

    @Test
    void ipv6_literals_are_looked_up_without_their_brackets() throws Exception {
        production.admit(URI.create("https://[2606:4700:4700::1111]/hook"));
        assertArrayEquals(new String[] {"2606:4700:4700::1111"}, lookups.toArray());
    }
}
