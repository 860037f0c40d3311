package io.tijarat.plugin.smstelenor.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.LinkedHashMap;

/**
 * Telenor's corporate SMS API on 127.0.0.1: {@code auth.jsp} and {@code sendsms.jsp}, XML answers with HTTP 200, the
 * error codes integrations document (200 login failed, 201 bad MSISDN, 100 out of credit, 101 missing parameter, 102
 * invalid or expired session, 103 invalid mask, 300 blocked, 304 throughput). Tests can expire sessions, run out of
 * credit, block numbers and throttle; it records what was sent, decoded, to check Urdu arrived intact.
 */
public final class TelenorSmsStub implements AutoCloseable {

    /** One message as Telenor received it. */
    public record Sent(String id, String to, String text, boolean unicode, String mask) {
    }

    private final HttpServer server;
    private final String msisdn = "923450000001";
    private final String password;
    private final String mask = "TIJARAT";
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final Set<String> blocked = ConcurrentHashMap.newKeySet();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger logins = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong(5_000_000);
    private volatile boolean outOfCredit;
    private volatile boolean throttled;

    private TelenorSmsStub(int port, String password) {
        this.password = password;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/corporate_sms2/api/", this::handle);
        server.start();
    }

    public static TelenorSmsStub start() {
        return new TelenorSmsStub(0, "pw-" + Long.toHexString(System.nanoTime()));
    }

    /** By hand: {@code java … TelenorSmsStub 8092}; prints the settings that point the plugin at it. */
    public static void main(String[] args) {
        TelenorSmsStub stub = new TelenorSmsStub(args.length > 0 ? Integer.parseInt(args[0]) : 8092, "stub-password");
        System.out.println("tijarat.provider.sms-telenor.base-url=" + stub.baseUrl());
        System.out.println("tijarat.provider.sms-telenor.msisdn=" + stub.msisdn());
        System.out.println("tijarat.provider.sms-telenor.password=" + stub.password());
        System.out.println("tijarat.provider.sms-telenor.mask=" + stub.mask());
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/corporate_sms2/api/");
    }

    public String msisdn() {
        return msisdn;
    }

    public String password() {
        return password;
    }

    public String mask() {
        return mask;
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public int logins() {
        return logins.get();
    }

    /** Every session ends, as Telenor's do after a while. */
    public void expireSessions() {
        sessions.clear();
    }

    public void outOfCredit(boolean out) {
        this.outOfCredit = out;
    }

    public void throttle(boolean on) {
        this.throttled = on;
    }

    public void block(String number) {
        blocked.add(number);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
            if (path.endsWith("/auth.jsp")) {
                if (!msisdn.equals(q.get("msisdn")) || !password.equals(q.get("password"))) {
                    reply(exchange, "Auth_request", "Error", "Error 200");
                    return;
                }
                logins.incrementAndGet();
                String session = "S" + Long.toHexString(System.nanoTime());
                sessions.add(session);
                reply(exchange, "Auth_request", "OK", session);
            } else if (path.endsWith("/sendsms.jsp")) {
                send(exchange, q);
            } else {
                byte[] body = "<html><body>404</body></html>".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(404, body.length);
                exchange.getResponseBody().write(body);
            }
        }
    }

    private void send(HttpExchange exchange, Map<String, String> q) throws IOException {
        String to = q.get("to");
        String text = q.get("text");
        if (to == null || text == null || q.get("mask") == null || q.get("session_id") == null) {
            reply(exchange, "Submit_SM", "Error", "Error 101");
        } else if (!sessions.contains(q.get("session_id"))) {
            reply(exchange, "Submit_SM", "Error", "Error 102");
        } else if (!mask.equals(q.get("mask"))) {
            reply(exchange, "Submit_SM", "Error", "Error 103");
        } else if (!to.matches("92\\d{10}")) {
            reply(exchange, "Submit_SM", "Error", "Error 201");
        } else if (outOfCredit) {
            reply(exchange, "Submit_SM", "Error", "Error 100");
        } else if (throttled) {
            reply(exchange, "Submit_SM", "Error", "Error 304");
        } else if (blocked.contains(to)) {
            reply(exchange, "Submit_SM", "Error", "Error 300");
        } else {
            String id = String.valueOf(ids.incrementAndGet());
            sent.add(new Sent(id, to, text, "true".equals(q.get("unicode")), q.get("mask")));
            reply(exchange, "Submit_SM", "OK", id);
        }
    }

    private static void reply(HttpExchange exchange, String command, String response, String data) throws IOException {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><corpsms><command>" + command + "</command><data>" + data
                + "</data><response>" + response + "</response></corpsms>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=UTF-8");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }
}
