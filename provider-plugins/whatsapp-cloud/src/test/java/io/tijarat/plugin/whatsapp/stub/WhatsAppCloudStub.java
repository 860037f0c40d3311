package io.tijarat.plugin.whatsapp.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tijarat.spi.json.Json;
import io.tijarat.spi.json.JsonException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's WhatsApp Cloud API for one business phone number, on a loopback port: a real HTTP server for tests,
 * benchmarks and by hand ({@code main(port)}).
 * <ul>
 *   <li>{@code POST /{version}/{phone-number-id}/messages} with {@code Authorization: Bearer}: a wrong token is 401
 *       with code 190; a template must be approved ({@link #approve}) in that language (else 400, 132001) with exactly
 *       its parameter count (else 400, 132000); free text only within 24 hours of the customer's last message (else
 *       400, 131047). Answers 200 {@code {"messages":[{"id":"wamid.…"}]}}.</li>
 *   <li>A number {@link #notOnWhatsApp} is accepted and then, as Meta does, reported {@code failed} with 131026 by
 *       webhook.</li>
 *   <li>As Meta calling the shop ({@link #webhook}): signed status updates ({@link #deliver}, {@link #read},
 *       {@link #fail}), customers' messages and button taps, the address check ({@link #verifySubscription}), all
 *       signed {@code X-Hub-Signature-256} with the App Secret.</li>
 * </ul>
 */
public final class WhatsAppCloudStub implements AutoCloseable {

    /** One message as the stub holds it. */
    public record Message(String id, String to, String type, String template, String language, List<String> parameters,
                          String text) {
    }

    /** What the shop answered. */
    public record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final String phoneNumberId = "106540352242922";
    private final String accessToken = "EAAG-stub-" + Long.toHexString(System.nanoTime());
    private final String appSecret = "app-secret-" + Long.toHexString(System.nanoTime());
    private final String verifyToken = "verify-" + Long.toHexString(System.nanoTime());
    private final Map<String, Integer> approved = new ConcurrentHashMap<>();
    private final Set<String> notOnWhatsApp = ConcurrentHashMap.newKeySet();
    private final Map<String, Instant> lastInbound = new ConcurrentHashMap<>();
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile URI webhook;
    private volatile URI deliverTo;

    private WhatsAppCloudStub(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    public static WhatsAppCloudStub start() {
        return new WhatsAppCloudStub(0);
    }

    public static void main(String[] args) {
        WhatsAppCloudStub stub = new WhatsAppCloudStub(args.length > 0 ? Integer.parseInt(args[0]) : 8094);
        System.out.println("WhatsApp Cloud API stub at " + stub.baseUrl() + " — phone-number-id " + stub.phoneNumberId()
                + ", access-token " + stub.accessToken() + ", app-secret " + stub.appSecret() + ", verify-token "
                + stub.verifyToken());
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String phoneNumberId() { return phoneNumberId; }
    public String accessToken() { return accessToken; }
    public String appSecret() { return appSecret; }
    public String verifyToken() { return verifyToken; }

    /** Approves template {@code name} in {@code language} with {@code parameters} body parameters. */
    public void approve(String name, String language, int parameters) {
        approved.put(name + "/" + language, parameters);
    }

    /** This number has no WhatsApp: sends to it are accepted, then reported failed (131026) by webhook. */
    public void notOnWhatsApp(String digits) {
        notOnWhatsApp.add(digits);
    }

    /**
     * Where Meta posts the webhooks: {@code publicUrl} as configured in the app; requests go to {@code actual} (the
     * same, or the server behind a proxy).
     */
    public void webhook(URI publicUrl, URI actual) {
        this.webhook = publicUrl;
        this.deliverTo = actual;
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    public List<Message> messagesTo(String digits) {
        return messages.stream().filter(m -> m.to().equals(digits)).toList();
    }

    public Answer deliver(String id) {
        return status(id, "delivered", null, null);
    }

    public Answer read(String id) {
        return status(id, "read", null, null);
    }

    public Answer fail(String id, int code, String title) {
        return status(id, "failed", code, title);
    }

    /** A customer writes to the business number. */
    public Answer customerSends(String fromDigits, String text) {
        lastInbound.put(fromDigits, Instant.now());
        return post(messageEvent(fromDigits, Map.of("type", "text", "text", Map.of("body", text))));
    }

    /** A customer taps a quick-reply button of a template; {@code payload} as the template defines it. */
    public Answer customerTaps(String fromDigits, String text, String payload) {
        lastInbound.put(fromDigits, Instant.now());
        return post(messageEvent(fromDigits, Map.of("type", "button", "button", Map.of("text", text, "payload", payload))));
    }

    /** Posts {@code json} signed (or with {@code signature}, to forge). */
    public Answer post(String json) {
        return post(json, "sha256=" + hmac(json.getBytes(StandardCharsets.UTF_8)));
    }

    public Answer post(String json, String signature) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(deliverTo).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("X-Hub-Signature-256", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Meta's check of the webhook address: GET with the verify token and a challenge. */
    public Answer verifySubscription(String token, String challenge) {
        try {
            URI uri = URI.create(deliverTo + "?hub.mode=subscribe&hub.verify_token=" + token + "&hub.challenge=" + challenge);
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A status update as Meta posts it. */
    public String statusEvent(String id, String status, Integer code, String title) {
        Message m = messages.stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no message " + id));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", id);
        s.put("status", status);
        s.put("timestamp", String.valueOf(Instant.now().getEpochSecond()));
        s.put("recipient_id", m.to());
        if (code != null) {
            s.put("errors", List.of(Map.of("code", code, "title", title)));
        }
        return envelope(Map.of("statuses", List.of(s)));
    }

    private Answer status(String id, String status, Integer code, String title) {
        return post(statusEvent(id, status, code, title));
    }

    private String messageEvent(String from, Map<String, Object> content) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from);
        m.put("id", "wamid.IN" + sequence.incrementAndGet() + Long.toHexString(System.nanoTime()));
        m.put("timestamp", String.valueOf(Instant.now().getEpochSecond()));
        m.putAll(content);
        return envelope(Map.of("contacts", List.of(Map.of("profile", Map.of("name", "Customer"), "wa_id", from)),
                "messages", List.of(m)));
    }

    private String envelope(Map<String, Object> parts) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("messaging_product", "whatsapp");
        value.put("metadata", Map.of("display_phone_number", "15550001111", "phone_number_id", phoneNumberId));
        value.putAll(parts);
        return Json.write(Map.of("object", "whatsapp_business_account", "entry", List.of(Map.of("id", "102290129340398",
                "changes", List.of(Map.of("value", value, "field", "messages"))))));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("POST") || !path.matches("/v[0-9.]+/" + phoneNumberId + "/messages")) {
                error(exchange, 400, 100, "Unsupported post request. Object with ID does not exist");
                return;
            }
            if (!("Bearer " + accessToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                error(exchange, 401, 190, "Error validating access token: The session has been invalidated");
                return;
            }
            Map<String, Object> body;
            try {
                body = Json.parseObject(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            } catch (JsonException e) {
                error(exchange, 400, 100, "Invalid parameter");
                return;
            }
            String to = Json.text(body, "to").orElse("");
            String type = Json.string(body, "type").orElse("");
            if (!"whatsapp".equals(body.get("messaging_product")) || !to.matches("[0-9]{8,15}")) {
                error(exchange, 400, 100, "Invalid parameter");
                return;
            }
            String id = "wamid.HBgM" + to + sequence.incrementAndGet();
            if (type.equals("template")) {
                Map<String, Object> t = Json.object(body, "template").orElse(Map.of());
                String name = Json.string(t, "name").orElse("");
                String language = Json.object(t, "language").flatMap(l -> Json.string(l, "code")).orElse("");
                List<String> parameters = new ArrayList<>();
                for (Object component : Json.array(t, "components").orElse(List.of())) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> c = (Map<String, Object>) component;
                    for (Object p : Json.array(c, "parameters").orElse(List.of())) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> parameter = (Map<String, Object>) p;
                        parameters.add(Json.string(parameter, "text").orElse(""));
                    }
                }
                Integer count = approved.get(name + "/" + language);
                if (count == null) {
                    error(exchange, 404, 132001, "(#132001) Template name does not exist in the translation");
                    return;
                }
                if (count != parameters.size()) {
                    error(exchange, 400, 132000, "(#132000) Number of parameters does not match the expected number of"
                            + " params");
                    return;
                }
                messages.add(new Message(id, to, type, name, language, parameters, null));
            } else if (type.equals("text")) {
                Instant last = lastInbound.get(to);
                if (last == null || last.isBefore(Instant.now().minus(Duration.ofHours(24)))) {
                    error(exchange, 400, 131047, "(#131047) Re-engagement message");
                    return;
                }
                String text = Json.object(body, "text").flatMap(x -> Json.string(x, "body")).orElse("");
                messages.add(new Message(id, to, type, null, null, List.of(), text));
            } else {
                error(exchange, 400, 100, "Invalid parameter");
                return;
            }
            send(exchange, 200, "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to + "\",\"wa_id\":\""
                    + to + "\"}],\"messages\":[{\"id\":\"" + id + "\"}]}");
            if (notOnWhatsApp.contains(to) && deliverTo != null) {
                // as Meta: accepted now, reported undeliverable by webhook a moment later
                java.util.concurrent.CompletableFuture.runAsync(() -> {
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    fail(id, 131026, "Message undeliverable");
                });
            }
        }
    }

    private static void error(HttpExchange exchange, int status, int code, String message) throws IOException {
        send(exchange, status, "{\"error\":{\"message\":" + Json.quote(message) + ",\"type\":\"OAuthException\",\"code\":"
                + code + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":" + Json.quote(message)
                + "},\"fbtrace_id\":\"AbCdEf123\"}}");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
