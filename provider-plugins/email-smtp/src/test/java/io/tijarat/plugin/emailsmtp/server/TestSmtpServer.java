package io.tijarat.plugin.emailsmtp.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * An SMTP server on {@code 127.0.0.1} and a free port, for tests only: it serves each connection on a
 * thread of its own (so concurrent sends really overlap), follows its {@link Script}, and records every
 * {@link Session}. STARTTLS uses the test key pair in {@code src/test/resources} (see the README there).
 *
 * <p>Strict where the plugin must be (it records a {@linkplain Session#violations() violation} for a bare CR
 * or LF, an over-long line or a non-ASCII command) and simple everywhere else: one message per session is all
 * the plugin sends. {@link #close()} ends every connection and waits, bounded, for the threads.
 */
public final class TestSmtpServer implements AutoCloseable {

    private static final String LOOPBACK = "127.0.0.1";
    private static final char[] KEYSTORE_PASSWORD = "changeit".toCharArray();
    private static final int MAX_LINE = 1000;

    private final ServerSocket listener;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Script script;

    private TestSmtpServer(Script script) throws IOException {
        this.script = script;
        this.listener = new ServerSocket(0, 50, InetAddress.getByName(LOOPBACK));
        Thread acceptor = new Thread(this::acceptLoop, "test-smtp-accept-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        threads.add(acceptor);
        acceptor.start();
    }

    public static TestSmtpServer start(Script script) {
        try {
            return new TestSmtpServer(script);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + LOOPBACK, e);
        }
    }

    public static TestSmtpServer start() {
        return start(Script.standard());
    }

    public String host() {
        return LOOPBACK;
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Changes the behaviour for the connections that come next. */
    public void script(Script next) {
        this.script = next;
    }

    public List<Session> sessions() {
        return List.copyOf(sessions);
    }

    /** The single session of a test that sent one message. */
    public Session onlySession() {
        List<Session> all = sessions();
        if (all.size() != 1) {
            throw new AssertionError("expected one SMTP session, there were " + all.size());
        }
        return all.get(0);
    }

    /** Every message received, whatever the server answered to it. */
    public List<ReceivedMail> mails() {
        return sessions().stream().flatMap(session -> session.mails().stream()).toList();
    }

    /** The single message of a test that sent one. */
    public ReceivedMail onlyMail() {
        List<ReceivedMail> all = mails();
        if (all.size() != 1) {
            throw new AssertionError("expected one message, the server received " + all.size());
        }
        return all.get(0);
    }

    /** Waits, at most {@code limit}, until every session has ended; for checks on what comes after a reply. */
    public boolean awaitSessionsEnded(Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (sessions().stream().allMatch(Session::ended)) {
                return true;
            }
            closing.await(10, TimeUnit.MILLISECONDS);
        }
        return false;
    }

    @Override
    public void close() {
        closing.countDown();
        closeQuietly(listener);
        sockets.forEach(TestSmtpServer::closeQuietly);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ------------------------------------------------------------------------------------------ serving

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                sockets.add(socket);
                Session session = new Session();
                sessions.add(session);
                Script current = script;
                Thread worker = new Thread(() -> serve(socket, session, current),
                        "test-smtp-session-" + sessions.size());
                worker.setDaemon(true);
                threads.add(worker);
                worker.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket plain, Session session, Script script) {
        Connection connection = null;
        try {
            connection = new Connection(plain, session);
            new Dialogue(connection, session, script).run();
        } catch (IOException | HangUp e) {
            // The client left, the server hung up as scripted, or the test is over.
        } finally {
            if (connection != null) {
                closeQuietly(connection.socket);
            }
            closeQuietly(plain);
            session.end();
        }
    }

    /** Thrown to end a session where the script says to hang up. */
    private static final class HangUp extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** The server's side of one session. */
    private final class Dialogue {
        private final Connection connection;
        private final Session session;
        private final Script script;
        private boolean authenticated;
        private String authUser;
        private String mailFrom;
        private final List<String> recipients = new ArrayList<>();

        Dialogue(Connection connection, Session session, Script script) {
            this.connection = connection;
            this.session = session;
            this.script = script;
        }

        void run() throws IOException, HangUp {
            respond(Command.GREETING, "220 test.smtp.local ESMTP test server");
            while (true) {
                String line = connection.readCommand();
                if (line == null) {
                    return;
                }
                session.line(new Session.Line(line, connection.overTls()));
                Command command = Command.of(line);
                switch (command) {
                    case EHLO -> ehlo();
                    case HELO -> respond(command, "250 test.smtp.local");
                    case STARTTLS -> startTls();
                    case AUTH -> auth(line);
                    case MAIL -> mail(line);
                    case RCPT -> rcpt(line);
                    case DATA -> data();
                    case RSET, NOOP -> respond(command, "250 2.0.0 Ok");
                    case QUIT -> {
                        respond(command, "221 2.0.0 Bye");
                        return;
                    }
                    default -> respond(command, "500 5.5.2 Error: command not recognized");
                }
            }
        }

        private void ehlo() throws IOException, HangUp {
            List<String> lines = new ArrayList<>();
            lines.add("test.smtp.local greets you");
            if (script.offerStartTls() && !connection.overTls()) {
                lines.add("STARTTLS");
            }
            boolean authAllowed = connection.overTls() || !script.offerStartTls();
            if (authAllowed && !script.authMechanisms().isEmpty()) {
                lines.add("AUTH " + script.authMechanisms());
            }
            lines.add("ENHANCEDSTATUSCODES");
            StringBuilder reply = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                reply.append("250").append(i == lines.size() - 1 ? ' ' : '-').append(lines.get(i));
                if (i < lines.size() - 1) {
                    reply.append("\r\n");
                }
            }
            respond(Command.EHLO, reply.toString());
        }

        private void startTls() throws IOException, HangUp {
            if (!script.offerStartTls() || connection.overTls()) {
                respond(Command.STARTTLS, "502 5.5.1 STARTTLS not available");
                return;
            }
            String ready = "220 2.0.0 Ready to start TLS";
            if (script.injectAfterStartTls()) {
                ready += "\r\n250 2.0.0 injected in plain text";
            }
            if (respond(Command.STARTTLS, ready).startsWith("220")) {
                connection.upgrade(tlsContext(script.keystore()));
                session.tls(connection.tlsProtocol());
                authenticated = false;
                mailFrom = null;
                recipients.clear();
            }
        }

        private void auth(String line) throws IOException, HangUp {
            String[] parts = line.split(" ");
            String mechanism = parts.length > 1 ? parts[1].toUpperCase(Locale.ROOT) : "";
            if (script.replies().containsKey(Command.AUTH)) {
                respond(Command.AUTH, "unused");
                return;
            }
            boolean offered = (connection.overTls() || !script.offerStartTls())
                    && List.of(script.authMechanisms().split(" ")).contains(mechanism);
            if (!offered) {
                respond(Command.AUTH, "504 5.5.4 Unrecognized authentication type");
                return;
            }
            String user;
            String password;
            if (mechanism.equals("PLAIN")) {
                String response = parts.length > 2 ? parts[2] : challenge("");
                String[] fields = decode(response).split("\0", -1);
                if (fields.length != 3) {
                    respond(Command.AUTH, "501 5.5.2 Malformed PLAIN response");
                    return;
                }
                user = fields[1];
                password = fields[2];
            } else {
                user = decode(challenge("VXNlcm5hbWU6"));
                password = decode(challenge("UGFzc3dvcmQ6"));
            }
            boolean valid = user.equals(script.username()) && script.password().map(password::equals).orElse(true);
            if (!valid) {
                respond(Command.AUTH, "535 5.7.8 Error: authentication failed");
                return;
            }
            authenticated = true;
            authUser = user;
            session.authenticated(mechanism, user, password, connection.overTls());
            respond(Command.AUTH, "235 2.7.0 Authentication successful");
        }

        private String challenge(String text) throws IOException {
            connection.write("334 " + text);
            String response = connection.readCommand();
            if (response == null) {
                throw new EOFException("client left during AUTH");
            }
            session.line(new Session.Line(response, connection.overTls()));
            return response;
        }

        private void mail(String line) throws IOException, HangUp {
            String normal = authenticated || script.authMechanisms().isEmpty() ? "250 2.1.0 Ok"
                    : "530 5.7.0 Authentication required";
            if (respond(Command.MAIL, normal).startsWith("250")) {
                mailFrom = argument(line);
                recipients.clear();
            }
        }

        private void rcpt(String line) throws IOException, HangUp {
            String normal = mailFrom == null ? "503 5.5.1 Error: need MAIL command" : "250 2.1.5 Ok";
            if (respond(Command.RCPT, normal).startsWith("25")) {
                recipients.add(argument(line));
            }
        }

        private void data() throws IOException, HangUp {
            String normal = recipients.isEmpty() ? "554 5.5.1 Error: no valid recipients" : "354 End data with <CR><LF>.<CR><LF>";
            if (!respond(Command.DATA, normal).startsWith("354")) {
                return;
            }
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            while (true) {
                byte[] line = connection.readRawLine();
                if (line == null) {
                    throw new EOFException("client left during DATA");
                }
                if (line.length == 3 && line[0] == '.' && line[1] == '\r' && line[2] == '\n') {
                    break;
                }
                wire.write(line);
                int skip = line.length > 0 && line[0] == '.' ? 1 : 0;
                content.write(line, skip, line.length - skip);
            }
            String finalReply = null;
            try {
                finalReply = respond(Command.END_OF_DATA, "250 2.0.0 Ok: queued as 4F2B31C0A");
            } finally {
                // Recorded even when the script hangs up instead of replying: the message did arrive.
                session.mail(new ReceivedMail(mailFrom, recipients, wire.toByteArray(), content.toByteArray(),
                        connection.overTls(), authUser, finalReply));
            }
            mailFrom = null;
            recipients.clear();
        }

        /** Replies as scripted (waiting, replacing or hanging up); returns what was sent. */
        private String respond(Command command, String normal) throws IOException, HangUp {
            Duration delay = script.delays().get(command);
            if (delay != null) {
                try {
                    closing.await(delay.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new HangUp();
                }
            }
            if (script.hangUps().contains(command)) {
                throw new HangUp();
            }
            String reply = script.replies().getOrDefault(command, normal);
            connection.write(reply);
            return reply;
        }

        private String argument(String line) {
            int colon = line.indexOf(':');
            return colon < 0 ? "" : line.substring(colon + 1).strip();
        }

        private String decode(String base64) {
            try {
                return new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                session.violation("AUTH response is not base64");
                return "";
            }
        }
    }

    /** The bytes of one connection, plain or TLS. */
    private final class Connection {
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        private final Session session;

        Connection(Socket socket, Session session) throws IOException {
            this.session = session;
            use(socket);
        }

        boolean overTls() {
            return socket instanceof SSLSocket;
        }

        String tlsProtocol() {
            return ((SSLSocket) socket).getSession().getProtocol();
        }

        void upgrade(SSLContext context) throws IOException {
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, LOOPBACK, socket.getPort(), true);
            tls.setUseClientMode(false);
            tls.setSoTimeout(10_000);
            sockets.add(tls);
            tls.startHandshake();
            use(tls);
        }

        void write(String reply) throws IOException {
            out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** A command line without its CRLF, or {@code null} at the end of the stream. */
        String readCommand() throws IOException {
            byte[] raw = readRawLine();
            if (raw == null) {
                return null;
            }
            int end = raw.length;
            while (end > 0 && (raw[end - 1] == '\n' || raw[end - 1] == '\r')) {
                end--;
            }
            for (int i = 0; i < end; i++) {
                if (raw[i] < 0x20 && raw[i] != '\t' || raw[i] < 0) {
                    session.violation("a command line holds a byte that is not printable ASCII");
                    break;
                }
            }
            return new String(raw, 0, end, StandardCharsets.ISO_8859_1);
        }

        /** One line with its line end as sent, recording a bare CR or LF and over-long lines. */
        byte[] readRawLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int previous = -1;
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return line.size() == 0 ? null : line.toByteArray();
                }
                if (previous == '\r' && b != '\n') {
                    session.violation("bare CR");
                }
                line.write(b);
                if (b == '\n') {
                    if (previous != '\r') {
                        session.violation("bare LF");
                    }
                    if (line.size() > MAX_LINE) {
                        session.violation("line of " + line.size() + " bytes");
                    }
                    return line.toByteArray();
                }
                previous = b;
            }
        }

        private void use(Socket next) throws IOException {
            socket = next;
            in = new BufferedInputStream(next.getInputStream());
            out = next.getOutputStream();
        }
    }

    private static SSLContext tlsContext(String keystoreResource) throws IOException {
        try (InputStream in = TestSmtpServer.class.getClassLoader().getResourceAsStream(keystoreResource)) {
            if (in == null) {
                throw new IOException("no " + keystoreResource + " on the test class path");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, KEYSTORE_PASSWORD);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, KEYSTORE_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the test key store " + keystoreResource, e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing for the end of a test: nothing to do about a failure.
        }
    }
}
