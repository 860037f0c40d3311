package io.tijarat.core.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where webhooks may be sent. Checked when a webhook is registered and again before every delivery,
 * because what a name resolves to changes.
 *
 * <ul>
 *   <li>The URL is absolute {@code https} (or {@code http}, see below), has a host, no user info and no
 *       fragment, and is at most {@value #MAX_LENGTH} characters.</li>
 *   <li>Every address the host resolves to (all of them, {@link InetAddress#getAllByName}) must be
 *       {@link AddressClass#PUBLIC}: no loopback, private, shared (CGNAT), link-local (cloud metadata),
 *       any-local, multicast or reserved address, nor an IPv6 form of one.</li>
 *   <li>In dev and test mode ({@code tijarat.mode} {@code dev} or {@code test}) loopback addresses are
 *       allowed too, and plain {@code http} is allowed when every address is loopback — for a receiver on
 *       the developer's machine. Nothing else is relaxed.</li>
 * </ul>
 *
 * <p>The check is as good as the lookup it makes: the HTTP client resolves the name again when it
 * connects (README, Merchant webhooks: DNS rebinding). Thread-safe.
 */
public final class DestinationPolicy {

    static final int MAX_LENGTH = 2000;

    /** Looks up every address of a host name; IP literals are parsed without a lookup. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A URL that may not be used, and why (the reason names the host, never the path or query). */
    public static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean malformed;

        RefusedException(String reason, boolean malformed) {
            super(reason, null, false, false);
            this.malformed = malformed;
        }

        /** True when the URL itself is wrong (not a matter of where it leads). */
        public boolean malformed() {
            return malformed;
        }
    }

    private final boolean production;
    private final Resolver resolver;

    public DestinationPolicy(boolean production, Resolver resolver) {
        this.production = production;
        this.resolver = resolver;
    }

    /** The policy for {@code tijarat.mode}: anything but {@code dev} or {@code test} is production. */
    public static DestinationPolicy forMode(io.tijarat.core.config.Mode mode) {
        return new DestinationPolicy(!mode.allowsShortcuts(), InetAddress::getAllByName);
    }

    public boolean production() {
        return production;
    }

    /** The URL's form, without looking anything up. */
    public URI parse(String url) throws RefusedException {
        if (url == null || url.isBlank()) {
            throw new RefusedException("is required", true);
        }
        if (url.length() > MAX_LENGTH) {
            throw new RefusedException("must be at most " + MAX_LENGTH + " characters", true);
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new RefusedException("is not a valid URL", true);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new RefusedException("must be an https URL", true);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new RefusedException("must name a host", true);
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedException("must not contain a user name or password", true);
        }
        if (uri.getRawFragment() != null) {
            throw new RefusedException("must not contain a fragment (#…)", true);
        }
        if (ambiguousIpv4(uri.getHost())) {
            throw new RefusedException("must write an IPv4 address as four decimal numbers without leading zeros", true);
        }
        return uri;
    }

    /**
     * Resolves the URL's host and checks the scheme and every address against this policy.
     *
     * @return the addresses the host resolved to, all of them allowed
     */
    public InetAddress[] admit(URI uri) throws RefusedException {
        String host = hostOf(uri);
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        if (!https && production) {
            throw new RefusedException("must use https (plain http only reaches loopback in dev and test mode)", false);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new RefusedException("host " + host + " does not resolve", false);
        }
        if (addresses == null || addresses.length == 0) {
            throw new RefusedException("host " + host + " does not resolve", false);
        }
        for (InetAddress address : addresses) {
            AddressClass kind = AddressClass.of(address);
            boolean allowed = kind == AddressClass.PUBLIC || (kind == AddressClass.LOOPBACK && !production);
            if (!allowed) {
                throw new RefusedException("host " + host + " is or resolves to " + address.getHostAddress() + ", "
                        + kind.description() + "; webhooks are only sent to public addresses", false);
            }
            if (!https && kind != AddressClass.LOOPBACK) {
                throw new RefusedException("must use https (plain http only reaches loopback in dev and test mode)",
                        false);
            }
        }
        return addresses;
    }

    /**
     * A host that is numeric in its last label but not a plain dotted quad: {@code 127.1}, {@code 2130706433},
     * {@code 0177.0.0.1}, {@code 0x7f.0.0.1}. No DNS name ends in a numeric label, and tools disagree on what
     * such literals mean (Java reads {@code 0177} as 177, the C library as 127), so they are refused rather
     * than interpreted.
     */
    static boolean ambiguousIpv4(String host) {
        String last = host.substring(host.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        boolean numeric = !last.isEmpty() && (last.chars().allMatch(Character::isDigit) || last.startsWith("0x"));
        return numeric && !CANONICAL_IPV4.matcher(host).matches();
    }

    private static final Pattern CANONICAL_IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    /** The host as the resolver wants it: IPv6 literals without their brackets. */
    private static String hostOf(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
