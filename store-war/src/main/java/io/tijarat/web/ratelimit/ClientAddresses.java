package io.tijarat.web.ratelimit;

import io.tijarat.core.config.TijaratSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.util.Collections;
import java.util.List;

/**
 * The one answer to "who is this client?" for every rate limit: the socket's peer, or — when the peer is one of
 * {@code tijarat.http.trusted-proxies} — the right-most address in {@code Forwarded} / {@code X-Forwarded-For}
 * that is not a trusted proxy. Without trusted proxies the headers are ignored, so a client cannot choose its own
 * bucket.
 */
@ApplicationScoped
public class ClientAddresses {

    @Inject
    TijaratSettings settings;

    /** The client's address (an IP literal, normalised). */
    public String of(HttpServletRequest request) {
        return ForwardedFor.client(request.getRemoteAddr(), headers(request, "Forwarded"),
                headers(request, "X-Forwarded-For"), settings.trustedProxies());
    }

    /**
     * The address as a rate-limit key: IPv6 clients are keyed by their /64, which one subscriber usually gets
     * whole (so rotating through it does not buy new buckets).
     */
    public String key(HttpServletRequest request) {
        String address = of(request);
        return io.tijarat.core.config.TrustedProxies.literal(address)
                .filter(a -> a instanceof Inet6Address)
                .map(a -> {
                    byte[] b = a.getAddress();
                    return String.format("%02x%02x:%02x%02x:%02x%02x:%02x%02x::/64", b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]);
                })
                .orElse(address);
    }

    private static List<String> headers(HttpServletRequest request, String name) {
        var values = request.getHeaders(name);
        return values == null ? List.of() : Collections.list(values);
    }
}
