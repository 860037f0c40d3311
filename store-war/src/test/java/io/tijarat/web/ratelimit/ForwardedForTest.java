package io.tijarat.web.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tijarat.core.config.TrustedProxies;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardedForTest {

    private static final TrustedProxies PROXIES = TrustedProxies.parse("10.0.0.0/8, 127.0.0.1, 2001:db8:ffff::/48");

    @Test
    void without_trusted_proxies_the_headers_are_ignored_and_the_peer_is_the_client() {
        assertEquals("198.51.100.7", ForwardedFor.client("198.51.100.7", List.of("for=203.0.113.1"),
                List.of("203.0.113.9"), TrustedProxies.none()));
    }

    @Test
    void headers_from_a_peer_that_is_not_a_trusted_proxy_are_ignored() {
        assertEquals("198.51.100.7", ForwardedFor.client("198.51.100.7", List.of(), List.of("203.0.113.9"), PROXIES));
    }

    @Test
    void behind_a_trusted_proxy_the_right_most_untrusted_address_is_the_client_whatever_the_client_prepended() {
        // the client sent "X-Forwarded-For: 1.2.3.4"; the outer proxy 10.1.1.1 appended the real peer; the inner
        // proxy (the socket peer) appended 10.1.1.1
        assertEquals("203.0.113.9", ForwardedFor.client("127.0.0.1", List.of(),
                List.of("1.2.3.4, 203.0.113.9", "10.1.1.1"), PROXIES));
    }

    @Test
    void rfc_7239_forwarded_wins_over_x_forwarded_for_with_quoted_ipv6_and_ports() {
        assertEquals("2001:db8:0:0:0:0:0:1", ForwardedFor.client("10.0.0.5",
                List.of("for=192.0.2.60;proto=http, For=\"[2001:db8::1]:4711\";by=10.0.0.5"),
                List.of("198.51.100.1"), PROXIES));
        assertEquals("192.0.2.43", ForwardedFor.client("10.0.0.5", List.of("for=\"192.0.2.43:4711\""), List.of(), PROXIES));
    }

    @Test
    void an_unknown_or_obfuscated_hop_is_replaced_by_the_nearest_proxy_we_trust() {
        assertEquals("10.1.1.1", ForwardedFor.client("127.0.0.1", List.of("for=unknown, for=10.1.1.1"), List.of(), PROXIES));
        assertEquals("127.0.0.1", ForwardedFor.client("127.0.0.1", List.of(), List.of("evil.example.com"), PROXIES));
    }

    @Test
    void a_trusted_proxy_without_forwarding_headers_is_itself_the_client() {
        assertEquals("127.0.0.1", ForwardedFor.client("127.0.0.1", List.of(), List.of(), PROXIES));
    }
}
