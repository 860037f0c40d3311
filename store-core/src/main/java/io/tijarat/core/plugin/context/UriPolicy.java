package io.tijarat.core.plugin.context;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which URIs a provider may call: {@code https} only; plain {@code http} only to a loopback host, and
 * only when the operator allows it (tests and stubs).
 *
 * <p>Loopback is decided from the URI's text — {@code localhost}, {@code 127.x.x.x}, {@code [::1]} —
 * never by resolving the name: a host name that resolves to 127.0.0.1 today may resolve elsewhere
 * tomorrow (DNS rebinding), and resolving would cost a lookup per call. Stateless.
 */
final class UriPolicy {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private UriPolicy() {
    }

    /** @throws IllegalArgumentException naming the URI's scheme and host (not its path or query) */
    static void check(URI uri, boolean allowInsecureLoopback) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("provider requests need an absolute URI with a host, was "
                    + scheme + "://(no host)");
        }
        if (scheme.equals("https")) {
            return;
        }
        if (scheme.equals("http") && allowInsecureLoopback && isLoopback(host)) {
            return;
        }
        throw new IllegalArgumentException("provider requests must use https, was " + scheme + "://" + host
                + (scheme.equals("http") && isLoopback(host)
                ? " (plain http to loopback is allowed only when the server allows insecure loopback, for tests)"
                : ""));
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || IPV4_LOOPBACK.matcher(h).matches()
                || h.equals("[::1]") || h.equals("[0:0:0:0:0:0:0:1]");
    }
}
