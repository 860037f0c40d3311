package io.tijarat.plugin.emailsmtp;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One TCP connection to the SMTP server, plain at first and TLS after {@link #upgradeToTls}: it writes
 * command lines and reads replies, each read limited to what is left of the message's {@link Deadline}.
 *
 * <p>A thread the core has interrupted (its timeout fired, or the server is stopping) gets an
 * {@link InterruptedIOException} at the next command or read, its interrupt flag left set: classic socket
 * reads do not notice an interrupt by themselves, so the deadline is what really bounds a call.
 *
 * <p>Writes have no timeout of their own (blocking sockets offer none); a message of a few kilobytes fits in
 * the socket's send buffer, so in practice only reads wait. Not thread-safe; one per message.
 */
final class SmtpConnection implements Closeable {

    private static final List<String> TLS_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    private static final Duration QUIT_WAIT = Duration.ofSeconds(1);

    private final String host;
    private final int port;
    private final Deadline deadline;
    private Socket socket;
    private ReplyReader reader;
    private OutputStream out;

    private SmtpConnection(String host, int port, Deadline deadline, Socket socket) throws IOException {
        this.host = host;
        this.port = port;
        this.deadline = deadline;
        use(socket);
    }

    /**
     * Connects, within what is left of the deadline.
     *
     * @throws IOException if no connection could be made (refused, unknown host, connect timeout)
     */
    static SmtpConnection open(String host, int port, Deadline deadline) throws IOException {
        checkInterrupt();
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), deadline.remainingMillis());
            return new SmtpConnection(host, port, deadline, socket);
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    /** The next reply. */
    SmtpReply read() throws IOException {
        checkInterrupt();
        socket.setSoTimeout(deadline.remainingMillis());
        return reader.read();
    }

    /** Sends one command line and reads its reply. */
    SmtpReply command(String line) throws IOException {
        send(line);
        return read();
    }

    /**
     * Sends one command line, adding CRLF. The line is never put into a message: it may be an AUTH response.
     *
     * @throws IllegalArgumentException if the line holds CR, LF or non-ASCII (a bug: it would inject a command)
     */
    void send(String line) throws IOException {
        if (!line.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("an SMTP command line must be printable ASCII without CR or LF");
        }
        write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes raw bytes: the dot-stuffed message, the terminator. */
    void write(byte[] bytes) throws IOException {
        checkInterrupt();
        out.write(bytes);
        out.flush();
    }

    /** Whether the server sent bytes nobody asked for yet; see {@link ReplyReader#hasBufferedInput()}. */
    boolean hasUnreadInput() {
        return reader.hasBufferedInput();
    }

    /**
     * Runs the TLS handshake over this connection, after the server's {@code 220} to {@code STARTTLS}: TLS 1.2
     * or 1.3, the server's certificate checked by {@code factory}'s trust managers and its name checked
     * against the configured host (the same check HTTPS does, {@code endpointIdentificationAlgorithm HTTPS}),
     * SNI sent for a host name.
     *
     * @throws javax.net.ssl.SSLException if the handshake fails: an untrusted certificate, a name mismatch
     */
    void upgradeToTls(SSLSocketFactory factory) throws IOException {
        checkInterrupt();
        SSLSocket tls = (SSLSocket) factory.createSocket(socket, host, port, true);
        tls.setUseClientMode(true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setProtocols(Arrays.stream(tls.getSupportedProtocols()).filter(TLS_PROTOCOLS::contains)
                .toArray(String[]::new));
        if (!Hosts.isIpLiteral(host)) {
            parameters.setServerNames(List.of(new SNIHostName(host)));
        }
        tls.setSSLParameters(parameters);
        tls.setSoTimeout(deadline.remainingMillis());
        tls.startHandshake();
        use(tls);
    }

    boolean isEncrypted() {
        return socket instanceof SSLSocket;
    }

    /** The negotiated protocol ({@code TLSv1.3}), or {@code none}. */
    String tlsProtocol() {
        return socket instanceof SSLSocket tls ? tls.getSession().getProtocol() : "none";
    }

    /**
     * What this client calls itself in EHLO: its address literal ({@code [192.0.2.10]}), which RFC 5321
     * allows and which needs no DNS name (and no system property) to be right.
     */
    String ehloName() {
        InetAddress local = socket.getLocalAddress();
        String address = local.getHostAddress();
        int scope = address.indexOf('%');
        if (scope >= 0) {
            address = address.substring(0, scope);
        }
        return local instanceof Inet6Address ? "[IPv6:" + address + "]" : "[" + address + "]";
    }

    /**
     * Says QUIT and waits briefly for the answer, as RFC 5321 asks; a courtesy, so any failure is ignored.
     * Then closes.
     */
    void quitAndClose() {
        try {
            int wait = deadline.remainingMillisAtMost(QUIT_WAIT);
            if (wait > 0) {
                send("QUIT");
                socket.setSoTimeout(wait);
                reader.read();
            }
        } catch (IOException | RuntimeException ignored) {
            // The message's fate is already decided; a server that hangs up early changes nothing.
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private void use(Socket newSocket) throws IOException {
        this.socket = newSocket;
        this.reader = new ReplyReader(newSocket.getInputStream());
        this.out = new BufferedOutputStream(newSocket.getOutputStream());
    }

    private static void checkInterrupt() throws InterruptedIOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("interrupted: the core's timeout fired or the server is stopping");
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing useful to do: the socket is gone either way.
        }
    }
}
