package io.tijarat.plugin.emailsmtp.server;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the {@link TestSmtpServer} behaves: a well-behaved submission server by default ({@link #standard()}),
 * changed one thing at a time. Immutable.
 *
 * @param offerStartTls       whether EHLO offers STARTTLS (AUTH is then offered only after it, as Postfix's
 *                            {@code smtpd_tls_auth_only} does)
 * @param keystore            the class-path PKCS12 file with the server's test key and certificate
 * @param authMechanisms      what EHLO offers after {@code AUTH}; empty: no AUTH
 * @param username            the only login accepted
 * @param password            the only password accepted; empty: any
 * @param injectAfterStartTls whether the 220 to STARTTLS comes with an extra, plain-text reply line
 * @param replies             a reply to give instead of the normal one
 * @param delays              how long to wait before replying
 * @param hangUps             where to close the connection instead of replying
 */
public record Script(boolean offerStartTls, String keystore, String authMechanisms, String username,
                     Optional<String> password, boolean injectAfterStartTls, Map<Command, String> replies,
                     Map<Command, Duration> delays, Set<Command> hangUps) {

    public static final String USERNAME = "orders@shop.pk";
    public static final String PASSWORD = "test-only-smtp-password";
    public static final String KEYSTORE = "test-smtp.p12";

    public Script {
        replies = Map.copyOf(replies);
        delays = Map.copyOf(delays);
        hangUps = Set.copyOf(hangUps);
    }

    /** STARTTLS with the test certificate for 127.0.0.1, AUTH PLAIN LOGIN after it, everything accepted. */
    public static Script standard() {
        return new Script(true, KEYSTORE, "PLAIN LOGIN", USERNAME, Optional.of(PASSWORD), false, Map.of(), Map.of(),
                Set.of());
    }

    public Script reply(Command command, String reply) {
        Map<Command, String> changed = new EnumMap<>(Command.class);
        changed.putAll(replies);
        changed.put(command, reply);
        return new Script(offerStartTls, keystore, authMechanisms, username, password, injectAfterStartTls, changed,
                delays, hangUps);
    }

    public Script delay(Command command, Duration delay) {
        Map<Command, Duration> changed = new EnumMap<>(Command.class);
        changed.putAll(delays);
        changed.put(command, delay);
        return new Script(offerStartTls, keystore, authMechanisms, username, password, injectAfterStartTls, replies,
                changed, hangUps);
    }

    public Script hangUpAt(Command command) {
        Set<Command> changed = EnumSet.of(command);
        changed.addAll(hangUps);
        return new Script(offerStartTls, keystore, authMechanisms, username, password, injectAfterStartTls, replies,
                delays, changed);
    }

    public Script withoutStartTls() {
        return new Script(false, keystore, authMechanisms, username, password, injectAfterStartTls, replies, delays,
                hangUps);
    }

    public Script keystore(String resource) {
        return new Script(offerStartTls, resource, authMechanisms, username, password, injectAfterStartTls, replies,
                delays, hangUps);
    }

    public Script authMechanisms(String mechanisms) {
        return new Script(offerStartTls, keystore, mechanisms, username, password, injectAfterStartTls, replies,
                delays, hangUps);
    }

    public Script anyPassword() {
        return new Script(offerStartTls, keystore, authMechanisms, username, Optional.empty(), injectAfterStartTls,
                replies, delays, hangUps);
    }

    public Script injectingAfterStartTls() {
        return new Script(offerStartTls, keystore, authMechanisms, username, password, true, replies, delays,
                hangUps);
    }
}
