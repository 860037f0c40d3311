package io.tijarat.plugin.smstwilio.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tijarat.plugin.smstwilio.TwilioSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Twilio's Messages resource and its webhooks, as Twilio documents them, on a loopback port: a real HTTP server for
 * tests, benchmarks and by hand ({@code main(port)}).
 * <ul>
 *   <li>{@code POST /2010-04-01/Accounts/{sid}/Messages.json}: HTTP Basic (else 401, code 20003); {@code To} must be
 *       E.164 (else 400, 21211); {@code From} must be the account's number or its Messaging Service (else 400, 21606);
 *       {@code Body} at most 1,600 characters (else 400, 21617); a recipient who replied STOP gets 400, 21610, until
 *       they reply START — as Twilio's default opt-out handling does. Answers 201 with the message, status
 *       {@code queued}.</li>
 *   <li>{@code GET …/Messages/{sid}.json}: the message and its status; 404 (20404) for an unknown sid.</li>
 *   <li>As Twilio calling the shop: {@link #deliver} and {@link #undeliverable} move a message on and post the signed
 *       status callback to the {@code StatusCallback} it was sent with; {@link #customerSends} posts a customer's
 *       message to the shop's webhook, signed ({@code X-Twilio-Signature}).</li>
 * </ul>
 */
public final class TwilioStub implements AutoCloseable {

    private static final Pattern CREATE = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages\\.json");
    private static final Pattern FETCH = Pattern.compile("/2010-04-01/Accounts/([^/]+)/Messages/([^/]+)\\.json");

    /** One message as the stub holds it. */
    public record Message(String sid, String to, String from, String body, String statusCallback, String status,
                          String errorCode) {
        Message with(String newStatus, String newErrorCode) {
            return new Message(sid, to, from, body, statusCallback, newStatus, newErrorCode);
        }
    }

    /** What the shop answered a webhook with. */
    public record Answer(int status, String contentType, String body) {
    }

    private final HttpServer server;
    private final String accountSid = "AC" + "0123456789abcdef0123456789abcdef";
    private final String authToken = "twilio-stub-token-" + Long.toHexString(System.nanoTime());
    private final String number = "+15005550006";
    private final Map<String, Message> messages = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final Set<String> optedOut = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicReference<int[]> failNext = new AtomicReference<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, URI> routes = new ConcurrentHashMap<>();

    private TwilioStub(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    /** A stub on a free loopback port. */
    public static TwilioStub start() {
        return new TwilioStub(0);
    }

    public static void main(String[] args) {
        TwilioStub stub = new TwilioStub(args.length > 0 ? Integer.parseInt(args[0]) : 8093);
        System.out.println("Twilio stub at " + stub.baseUrl() + " — account-sid " + stub.accountSid() + ", auth-token "
                + stub.authToken() + ", from " + stub.number());
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String accountSid() { return accountSid; }
    public String authToken() { return authToken; }
    public String number() { return number; }

    /** Every message sent, oldest first. */
    public List<Message> messages() {
        return order.stream().map(messages::get).toList();
    }

    /** The messages sent to {@code e164}, oldest first. */
    public List<Message> messagesTo(String e164) {
        return messages().stream().filter(m -> m.to().equals(e164)).toList();
    }

    /** The next create answers with {@code httpStatus} and Twilio error {@code code} (once). */
    public void failNextSend(int httpStatus, int code) {
        failNext.set(new int[] {httpStatus, code});
    }

    /** The handset got it: status {@code delivered}, and the signed status callback if the message asked for one. */
    public Answer deliver(String sid) {
        return moveOn(sid, "delivered", null);
    }

    /** The carrier could not deliver it: status {@code undelivered} with Twilio error {@code errorCode} (e.g. 30003). */
    public Answer undeliverable(String sid, String errorCode) {
        return moveOn(sid, "undelivered", errorCode);
    }

    /**
     * A customer texts the shop's number: Twilio posts the message to {@code webhook}, signed. STOP and START (and
     * Twilio's other default keywords) also change whom Twilio will send to, as its default opt-out handling does.
     */
    public Answer customerSends(URI webhook, String fromE164, String body) {
        String word = body.strip().toUpperCase(java.util.Locale.ROOT);
        if (Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT").contains(word)) {
            optedOut.add(fromE164);
        } else if (Set.of("START", "YES", "UNSTOP").contains(word)) {
            optedOut.remove(fromE164);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ToCountry", "US");
        form.put("SmsMessageSid", "SM" + hex32());
        form.put("NumMedia", "0");
        form.put("SmsSid", form.get("SmsMessageSid"));
        form.put("SmsStatus", "received");
        form.put("Body", body);
        form.put("To", number);
        form.put("NumSegments", "1");
        form.put("MessageSid", form.get("SmsMessageSid"));
        form.put("AccountSid", accountSid);
        form.put("From", fromE164);
        form.put("ApiVersion", "2010-04-01");
        return post(webhook, form);
    }

    /**
     * Requests Twilio makes to {@code publicUrl} (the shop's address as configured at Twilio, say behind a proxy)
     * reach {@code actual} instead, still signed over {@code publicUrl} — as a reverse proxy in front of the shop
     * would forward them.
     */
    public void route(URI publicUrl, URI actual) {
        routes.put(publicUrl.toString(), actual);
    }

    /** Posts {@code form} to {@code url} signed as Twilio signs (for tests that replay or tamper with a request). */
    public Answer post(URI url, Map<String, String> form) {
        return post(url, form, TwilioSignature.of(authToken, url.toString(), form));
    }

    /** Posts {@code form} with the given signature. */
    public Answer post(URI url, Map<String, String> form, String signature) {
        try {
            URI target = routes.getOrDefault(url.toString(), url);
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .header("X-Twilio-Signature", signature)
                    .header("I-Twilio-Idempotency-Token", java.util.UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The status callback Twilio posts for a message, as a form (to replay or tamper with in tests). */
    public Map<String, String> statusCallbackForm(String sid) {
        Message m = messages.get(sid);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("SmsSid", sid);
        form.put("SmsStatus", m.status());
        form.put("MessageStatus", m.status());
        form.put("To", m.to());
        form.put("MessageSid", sid);
        form.put("AccountSid", accountSid);
        form.put("From", m.from());
        form.put("ApiVersion", "2010-04-01");
        if (m.errorCode() != null) {
            form.put("ErrorCode", m.errorCode());
        }
        return form;
    }

    private Answer moveOn(String sid, String status, String errorCode) {
        Message m = messages.computeIfPresent(sid, (k, v) -> v.with(status, errorCode));
        if (m == null) {
            throw new IllegalArgumentException("no message " + sid);
        }
        return m.statusCallback() == null ? new Answer(0, "", "no StatusCallback")
                : post(URI.create(m.statusCallback()), statusCallbackForm(sid));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Matcher create = CREATE.matcher(path);
            Matcher fetch = FETCH.matcher(path);
            boolean createCall = create.matches() && exchange.getRequestMethod().equals("POST");
            boolean fetchCall = fetch.matches() && exchange.getRequestMethod().equals("GET");
            if (!createCall && !fetchCall) {
                error(exchange, 404, 20404, "The requested resource " + path + " was not found");
                return;
            }
            String sidInPath = createCall ? create.group(1) : fetch.group(1);
            if (!authorised(exchange) || !sidInPath.equals(accountSid)) {
                error(exchange, 401, 20003, "Authenticate");
                return;
            }
            if (fetchCall) {
                Message m = messages.get(fetch.group(2));
                if (m == null) {
                    error(exchange, 404, 20404, "The requested resource was not found");
                } else {
                    json(exchange, 200, m);
                }
                return;
            }
            int[] fail = failNext.getAndSet(null);
            if (fail != null) {
                error(exchange, fail[0], fail[1], "Injected failure " + fail[1]);
                return;
            }
            Map<String, String> form = decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String to = form.getOrDefault("To", "");
            String from = form.getOrDefault("From", form.getOrDefault("MessagingServiceSid", ""));
            String body = form.getOrDefault("Body", "");
            if (!to.matches("\\+[1-9][0-9]{7,14}")) {
                error(exchange, 400, 21211, "The 'To' number " + to + " is not a valid phone number.");
            } else if (!from.equals(number)) {
                error(exchange, 400, 21606, "The From phone number " + from + " is not a valid, SMS-capable inbound phone"
                        + " number or short code for your account.");
            } else if (body.isEmpty() || body.length() > 1600) {
                error(exchange, 400, 21617, "The concatenated message body exceeds the 1600 character limit.");
            } else if (optedOut.contains(to)) {
                error(exchange, 400, 21610, "Attempt to send to unsubscribed recipient");
            } else {
                String sid = "SM" + hex32();
                var message = new Message(sid, to, from, body, form.get("StatusCallback"), "queued", null);
                messages.put(sid, message);
                order.add(sid);
                json(exchange, 201, message);
            }
        }
    }

    private boolean authorised(HttpExchange exchange) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((accountSid + ":" + authToken)
                .getBytes(StandardCharsets.UTF_8));
        String given = exchange.getRequestHeaders().getFirst("Authorization");
        return given != null && java.security.MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    private void json(HttpExchange exchange, int status, Message m) throws IOException {
        int segments = m.body().chars().allMatch(c -> c < 128) ? (m.body().length() <= 160 ? 1 : (m.body().length() + 152) / 153)
                : (m.body().length() <= 70 ? 1 : (m.body().length() + 66) / 67);
        String body = "{\"account_sid\":\"" + accountSid + "\",\"api_version\":\"2010-04-01\",\"body\":" + quote(m.body())
                + ",\"direction\":\"outbound-api\",\"error_code\":" + (m.errorCode() == null ? "null" : m.errorCode())
                + ",\"error_message\":null,\"from\":" + quote(m.from()) + ",\"num_segments\":\"" + segments
                + "\",\"sid\":\"" + m.sid() + "\",\"status\":\"" + m.status() + "\",\"to\":" + quote(m.to())
                + ",\"uri\":\"/2010-04-01/Accounts/" + accountSid + "/Messages/" + m.sid() + ".json\"}";
        send(exchange, status, body);
    }

    private static void error(HttpExchange exchange, int status, int code, String message) throws IOException {
        send(exchange, status, "{\"code\":" + code + ",\"message\":" + quote(message)
                + ",\"more_info\":\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String quote(String value) {
        var sb = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private String hex32() {
        return String.format("%032x", sequence.incrementAndGet() + (System.nanoTime() & 0xffffffL) * 1_000_000L);
    }

    private static Map<String, String> decode(String form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                values.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String encode(Map<String, String> form) {
        List<String> pairs = new ArrayList<>();
        form.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
