package io.tijarat.plugin.emailsmtp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** What can be told about a host from its name alone, without DNS (create() must do no network I/O). */
final class Hosts {

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    /** The characters of an IPv6 literal, starting as the JDK's literal parser expects (so it never looks up). */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private Hosts() {
    }

    /** An IPv4 or IPv6 address written out, not a name. */
    static boolean isIpLiteral(String host) {
        return IPV4.matcher(host).matches() || IPV6.matcher(host).matches();
    }

    /**
     * {@code localhost}, or an IP literal in the loopback range ({@code 127.0.0.0/8}, {@code ::1}). A name
     * other than {@code localhost} is not loopback, whatever DNS might say later.
     */
    static boolean isLoopback(String host) {
        if (host.toLowerCase(Locale.ROOT).equals("localhost")) {
            return true;
        }
        if (!isIpLiteral(host)) {
            return false;
        }
        try {
            // A literal of these shapes is parsed, never looked up; a malformed IPv6 literal throws.
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
