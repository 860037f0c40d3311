package io.tijarat.plugin.emailsmtp;

import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.ProviderConfig;
import io.tijarat.spi.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The provider's configuration, read and checked once, when the core creates the provider: a mistake stops
 * the provider at start-up with a message naming the key, instead of failing the first order's e-mail.
 *
 * @param host       the SMTP server: a host name or an IP address (IPv6 without brackets)
 * @param port       its submission port
 * @param tls        STARTTLS, or plain text to a loopback host
 * @param username   the AUTH login; empty: no AUTH (a relay that trusts this server's address)
 * @param password   the AUTH password, present whenever {@code username} is; only revealed into AUTH
 * @param from       the sender, for MAIL FROM and the From header
 * @param timeout    the budget of one message, from connect to the reply to the final dot
 * @param truststore a PEM file of certificates to trust instead of the JDK's CAs, if any
 * @param keys       the full configuration keys, for messages to the operator
 */
record SmtpSettings(String host, int port, TlsMode tls, Optional<String> username, Optional<Secret> password,
                    Mailbox from, Duration timeout, Optional<Path> truststore, Keys keys) {

    static final String HOST = "host";
    static final String PORT = "port";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String FROM = "from";
    static final String TLS = "tls";
    static final String TIMEOUT_MS = "timeout-ms";
    static final String TRUSTSTORE = "truststore";

    static final String DEFAULT_PORT = "587";
    static final String DEFAULT_TLS = "starttls";
    /** A little inside the descriptor's 30 s budget, so a slow server ends as this plugin's own outcome. */
    static final String DEFAULT_TIMEOUT_MS = "25000";

    static final long MIN_TIMEOUT_MS = 100;
    /** The SPI's longest call budget. */
    static final long MAX_TIMEOUT_MS = 300_000;

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?"
            + "(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
    /** Implicit-TLS submission ("SMTPS"): the server speaks TLS first, which this client does not. */
    private static final int SMTPS_PORT = 465;

    /** The full key of every property, e.g. {@code tijarat.provider.email-smtp.host}. */
    record Keys(String host, String port, String username, String password, String from, String tls,
                String timeout, String truststore) {

        static Keys of(ProviderConfig config) {
            return new Keys(config.keyFor(HOST), config.keyFor(PORT), config.keyFor(USERNAME),
                    config.keyFor(PASSWORD), config.keyFor(FROM), config.keyFor(TLS), config.keyFor(TIMEOUT_MS),
                    config.keyFor(TRUSTSTORE));
        }
    }

    /** @throws PermanentProviderException naming the full key, if a value is missing, malformed or unsafe */
    static SmtpSettings from(ProviderConfig config) {
        Keys keys = Keys.of(config);
        String host = host(config, keys);
        int port = port(config, keys);
        TlsMode tls = tls(config, keys, host);
        Optional<String> username = config.get(USERNAME).map(String::strip).filter(u -> !u.isEmpty());
        Optional<Secret> password = Optional.empty();
        if (username.isPresent()) {
            if (!username.get().chars().allMatch(c -> c >= 0x20 && c != 0x7f)) {
                throw new PermanentProviderException(keys.username() + " must not contain control characters");
            }
            // A password without a username is ignored: there is nothing to log in as.
            password = Optional.of(config.findSecret(PASSWORD).orElseThrow(() -> new PermanentProviderException(
                    keys.password() + " is not set, but " + keys.username() + " is: set the SMTP password (or an app"
                            + " password), or unset " + keys.username() + " to send without logging in")));
            if (password.get().reveal().indexOf('\0') >= 0) {
                throw new PermanentProviderException(keys.password() + " must not contain a NUL character");
            }
        }
        Mailbox from = Mailbox.parse(config.require(FROM)).orElseThrow(() -> new PermanentProviderException(
                keys.from() + " must be a sender address, optionally with a name: orders@shop.pk or"
                        + " Shop <orders@shop.pk> (ASCII before the @; the name may be Urdu)"));
        return new SmtpSettings(host, port, tls, username, password, from, timeout(config, keys),
                config.get(TRUSTSTORE).map(String::strip).map(Path::of), keys);
    }

    /** Whether the server is on this machine, where plain text cannot be overheard. */
    boolean loopback() {
        return Hosts.isLoopback(host);
    }

    /** Where the server is, for messages: {@code smtp.example.com:587}. */
    String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** The password is never shown: {@link Secret#toString()} is {@code ***}. */
    @Override
    public String toString() {
        return "SmtpSettings[" + address() + ", tls=" + tls + ", username=" + username.orElse("(none)")
                + ", password=" + password.map(Secret::toString).orElse("(none)") + ", from=" + from.address()
                + ", timeout=" + timeout.toMillis() + " ms, truststore=" + truststore.map(Path::toString).orElse("(JDK)")
                + "]";
    }

    private static String host(ProviderConfig config, Keys keys) {
        String host = config.require(HOST).strip();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.contains("://")) {
            throw new PermanentProviderException(keys.host() + " must be a host name, not a URL: smtp.example.com,"
                    + " with the port in " + keys.port());
        }
        if (!HOST_NAME.matcher(host).matches() && !Hosts.isIpLiteral(host)) {
            throw new PermanentProviderException(keys.host() + " must be a host name or an IP address, e.g."
                    + " smtp.office365.com (an international name in its xn-- form)");
        }
        return host;
    }

    private static int port(ProviderConfig config, Keys keys) {
        int port = integer(config, PORT, keys.port(), 1, 65_535);
        if (port == SMTPS_PORT) {
            throw new PermanentProviderException(keys.port() + " is 465, the implicit-TLS (SMTPS) port, which this"
                    + " provider does not speak: use the server's submission port with STARTTLS, usually 587");
        }
        return port;
    }

    private static TlsMode tls(ProviderConfig config, Keys keys, String host) {
        String text = config.get(TLS).orElse(DEFAULT_TLS);
        TlsMode tls = TlsMode.parse(text).orElseThrow(() -> new PermanentProviderException(keys.tls()
                + " must be starttls or none, was '" + StaffText.of(text) + "'"));
        if (tls == TlsMode.NONE && !Hosts.isLoopback(host)) {
            throw new PermanentProviderException(keys.tls() + "=none would send the mail, and the SMTP password,"
                    + " in plain text to " + host + ": it is allowed only for a server on this machine (localhost,"
                    + " 127.0.0.1, ::1). Set " + keys.tls() + " to starttls");
        }
        return tls;
    }

    private static Duration timeout(ProviderConfig config, Keys keys) {
        return Duration.ofMillis(integer(config, TIMEOUT_MS, keys.timeout(), MIN_TIMEOUT_MS, MAX_TIMEOUT_MS));
    }

    private static int integer(ProviderConfig config, String name, String key, long min, long max) {
        String text = config.get(name).orElseThrow(() -> new IllegalStateException(name + " has a default"))
                .strip();
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return (int) value;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below, with the range.
        }
        throw new PermanentProviderException(key + " must be a whole number from " + min + " to " + max + ", was '"
                + StaffText.of(text) + "'");
    }
}
