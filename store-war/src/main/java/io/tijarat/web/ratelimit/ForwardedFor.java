package io.tijarat.web.ratelimit;

import io.tijarat.core.config.TrustedProxies;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the client behind trusted proxies. Each proxy appends the address it was connected from, so the chain
 * reads client, proxy 1, proxy 2 …; everything left of the last trusted hop may be made up by the client. Walking
 * from the right, the first address that is not a trusted proxy is the client. Headers are believed only when the
 * direct peer is a trusted proxy; {@code Forwarded} (RFC 7239) wins over {@code X-Forwarded-For} when both came.
 * Pure and thread-safe.
 */
final class ForwardedFor {

    private ForwardedFor() {
    }

    /**
     * @param peer      the socket's remote address, as the container reports it
     * @param forwarded every {@code Forwarded} header value, in order
     * @param xff       every {@code X-Forwarded-For} header value, in order
     * @return the client's address: the peer itself unless the peer is a trusted proxy
     */
    static String client(String peer, List<String> forwarded, List<String> xff, TrustedProxies proxies) {
        if (peer == null || !proxies.contains(peer)) {
            return normalise(peer);
        }
        List<String> chain = forwarded.isEmpty() ? xffChain(xff) : forwardedChain(forwarded);
        String nearest = normalise(peer);
        for (int i = chain.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = TrustedProxies.literal(chain.get(i));
            if (hop.isEmpty()) {
                return nearest; // "unknown" or an obfuscated name: the last hop we can vouch for stands in for it
            }
            String address = hop.get().getHostAddress();
            if (!proxies.contains(address)) {
                return address;
            }
            nearest = address;
        }
        return nearest; // only proxies in the chain (a health check from the proxy itself)
    }

    private static List<String> xffChain(List<String> headers) {
        List<String> chain = new ArrayList<>();
        for (String header : headers) {
            for (String entry : header.split(",")) {
                if (!entry.isBlank()) {
                    chain.add(stripPort(entry.strip()));
                }
            }
        }
        return chain;
    }

    /** The {@code for=} of each element; an element without one counts as unknown. */
    private static List<String> forwardedChain(List<String> headers) {
        List<String> chain = new ArrayList<>();
        for (String header : headers) {
            for (String element : header.split(",")) {
                String node = "unknown";
                for (String pair : element.split(";")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).strip().toLowerCase(Locale.ROOT).equals("for")) {
                        node = stripPort(unquote(pair.substring(eq + 1).strip()));
                    }
                }
                if (!element.isBlank()) {
                    chain.add(node);
                }
            }
        }
        return chain;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    /** {@code [2001:db8::1]:4711} → {@code 2001:db8::1}; {@code 192.0.2.43:4711} → {@code 192.0.2.43}. */
    private static String stripPort(String node) {
        if (node.startsWith("[")) {
            int close = node.indexOf(']');
            return close > 0 ? node.substring(1, close) : node;
        }
        int colon = node.indexOf(':');
        if (colon > 0 && node.indexOf(':', colon + 1) < 0) {
            return node.substring(0, colon); // IPv4 with a port; an IPv6 literal has several colons
        }
        return node;
    }

    private static String normalise(String peer) {
        return TrustedProxies.literal(peer).map(InetAddress::getHostAddress).orElse(peer == null ? "unknown" : peer);
    }
}
