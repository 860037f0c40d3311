package io.tijarat.plugin.emailsmtp.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What happened on one connection, in order. Thread-safe: written by the server, read by the test. */
public final class Session {

    /**
     * One line the client sent, outside DATA.
     *
     * @param text    the line without CRLF (AUTH lines included: this is a test server)
     * @param overTls whether it came over TLS
     */
    public record Line(String text, boolean overTls) {
        public Command command() {
            return Command.of(text);
        }
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final List<ReceivedMail> mails = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private volatile String tlsProtocol;
    private volatile String authMechanism;
    private volatile String authUser;
    private volatile String authPassword;
    private volatile boolean authOverTls;
    private volatile boolean ended;

    /** Every line the client sent outside DATA. */
    public List<Line> lines() {
        return List.copyOf(lines);
    }

    public List<ReceivedMail> mails() {
        return List.copyOf(mails);
    }

    /** Breaches of the SMTP line rules: a bare CR or LF, a line over 1000 bytes, a 8-bit byte in a command. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** The TLS protocol negotiated after STARTTLS, or {@code null}. */
    public String tlsProtocol() {
        return tlsProtocol;
    }

    /** The SASL mechanism of a successful AUTH, or {@code null}. */
    public String authMechanism() {
        return authMechanism;
    }

    public String authUser() {
        return authUser;
    }

    /** The password of a successful AUTH (a test server may look). */
    public String authPassword() {
        return authPassword;
    }

    public boolean authOverTls() {
        return authOverTls;
    }

    /** Whether the connection is over (the server closed it, or the client did). */
    public boolean ended() {
        return ended;
    }

    public boolean received(Command command) {
        return lines.stream().anyMatch(line -> line.command() == command);
    }

    void line(Line line) {
        lines.add(line);
    }

    void mail(ReceivedMail mail) {
        mails.add(mail);
    }

    void violation(String violation) {
        violations.add(violation);
    }

    void tls(String protocol) {
        tlsProtocol = protocol;
    }

    void authenticated(String mechanism, String user, String password, boolean overTls) {
        authMechanism = mechanism;
        authUser = user;
        authPassword = password;
        authOverTls = overTls;
    }

    void end() {
        ended = true;
    }
}
