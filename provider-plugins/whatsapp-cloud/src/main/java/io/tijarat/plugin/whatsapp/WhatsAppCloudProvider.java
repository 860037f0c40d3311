package io.tijarat.plugin.whatsapp;

import io.tijarat.spi.CallbackReply;
import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.PhoneNumber;
import io.tijarat.spi.ProviderHttp;
import io.tijarat.spi.Secret;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.json.Json;
import io.tijarat.spi.json.JsonException;
import io.tijarat.spi.notification.Channel;
import io.tijarat.spi.notification.DeliveryReport;
import io.tijarat.spi.notification.InboundOutcome;
import io.tijarat.spi.notification.MessageRequest;
import io.tijarat.spi.notification.MessageTemplate;
import io.tijarat.spi.notification.NotificationProvider;
import io.tijarat.spi.notification.Recipient;
import io.tijarat.spi.notification.SendOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends WhatsApp template messages through the Cloud API and reads its webhooks (statuses, customers' replies, the
 * address check). Stateless apart from its configuration: thread-safe.
 */
final class WhatsAppCloudProvider implements NotificationProvider {

    private final ProviderHttp http;
    private final URI messages;
    private final String phoneNumberId;
    private final Secret accessToken;
    private final Secret appSecret;
    private final Secret verifyToken;

    WhatsAppCloudProvider(ProviderHttp http, URI messages, String phoneNumberId, Secret accessToken, Secret appSecret,
                          Secret verifyToken) {
        this.http = http;
        this.messages = messages;
        this.phoneNumberId = phoneNumberId;
        this.accessToken = accessToken;
        this.appSecret = appSecret;
        this.verifyToken = verifyToken;
    }

    // ----------------------------------------------------------------------------------------------- send

    @Override
    public SendOutcome send(MessageRequest request) {
        if (request.channel() != Channel.WHATSAPP || !(request.recipient() instanceof Recipient.Phone phone)) {
            return new SendOutcome.Rejected("CHANNEL", "the WhatsApp plugin sends WhatsApp messages to phone numbers only");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        body.put("to", phone.number().digits());
        if (request.template().isPresent()) {
            MessageTemplate template = request.template().get();
            List<Object> parameters = new ArrayList<>();
            for (String value : template.parameters()) {
                parameters.add(Map.of("type", "text", "text", value));
            }
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", template.name());
            t.put("language", Map.of("code", template.language()));
            if (!parameters.isEmpty()) {
                t.put("components", List.of(Map.of("type", "body", "parameters", parameters)));
            }
            body.put("type", "template");
            body.put("template", t);
        } else {
            // free text: WhatsApp takes it only within 24 hours of the customer's last message (else 131047)
            body.put("type", "text");
            body.put("text", Map.of("preview_url", Boolean.FALSE, "body", request.content().text()));
        }
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(messages)
                    .header("Authorization", "Bearer " + accessToken.reveal())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            if (ProviderHttp.wasNotSent(e)) {
                throw new TransientProviderException("WhatsApp could not be reached: " + e.getClass().getSimpleName(), e);
            }
            return new SendOutcome.Unknown("no answer from WhatsApp (" + e.getClass().getSimpleName()
                    + "); the message may have been sent");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Unknown("interrupted while waiting for WhatsApp; the message may have been sent");
        }
        Optional<Map<String, Object>> json = json(response.body());
        if (response.statusCode() == 200 && json.isPresent()) {
            Optional<String> id = Json.array(json.get(), "messages").filter(list -> !list.isEmpty())
                    .map(list -> list.get(0)).filter(Map.class::isInstance)
                    .flatMap(first -> Json.string(cast(first), "id"));
            return id.<SendOutcome>map(SendOutcome.Accepted::new)
                    .orElseGet(() -> new SendOutcome.Unknown("WhatsApp answered 200 without a message id"));
        }
        Optional<Map<String, Object>> error = json.flatMap(j -> Json.object(j, "error"));
        Optional<String> errorCode = error.flatMap(e -> Json.text(e, "code"));
        if (errorCode.filter(c -> c.equals("2") || c.equals("131016")).isPresent()) {
            // "Service temporarily unavailable": Meta did not take the message
            throw new TransientProviderException("WhatsApp is unavailable for now (" + errorCode.get() + ")");
        }
        if (response.statusCode() >= 500 || error.isEmpty()) {
            return new SendOutcome.Unknown("WhatsApp answered HTTP " + response.statusCode()
                    + (error.isEmpty() ? " without its error document" : "") + "; the message may have been sent");
        }
        String code = Json.text(error.get(), "code").orElse(String.valueOf(response.statusCode()));
        String details = Json.object(error.get(), "error_data").flatMap(d -> Json.string(d, "details"))
                .or(() -> Json.string(error.get(), "message")).orElse("");
        return refusal(code, response.statusCode(), details);
    }

    /**
     * What each error Meta documents (developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes) means for
     * this message: the token, permissions and the account need the operator (permanent: the message waits and is
     * retried once fixed); throughput, spam and pair rate limits and the service's own hiccups are transient; a recipient
     * who cannot get it, a template that does not fit, or free text after 24 hours refuses this message — and the core
     * then sends it by SMS.
     */
    static SendOutcome refusal(String code, int httpStatus, String details) {
        String key = "tijarat.provider." + WhatsAppCloudProviderFactory.ID + ".";
        String said = details.length() <= 120 ? details : details.substring(0, 120);
        int number = code.matches("[0-9]{1,9}") ? Integer.parseInt(code) : -1;
        if (number >= 200 && number <= 299) {
            throw new PermanentProviderException("WhatsApp refused: permission not granted (" + code + "): give the"
                    + " token whatsapp_business_messaging");
        }
        return switch (code) {
            case "0", "190" -> throw new PermanentProviderException("WhatsApp refused the access token (" + code
                    + "): it expired or was revoked; set a new " + key + "access-token");
            case "3", "10" -> throw new PermanentProviderException("WhatsApp refused: the app lacks the permission ("
                    + code + ")");
            case "368", "131031" -> throw new PermanentProviderException("the WhatsApp Business Account is restricted or"
                    + " locked (" + code + "): see WhatsApp Manager");
            case "131042" -> throw new PermanentProviderException("WhatsApp refused for a payment problem (131042):"
                    + " check the account's payment method");
            case "133010" -> throw new PermanentProviderException("the business phone number is not registered (133010):"
                    + " check " + key + "phone-number-id");
            case "4", "80007", "130429", "131048", "131056" -> throw new TransientProviderException("WhatsApp is rate"
                    + " limiting (" + code + ")");
            case "1", "2", "131000", "131016" -> throw new TransientProviderException("WhatsApp is unavailable for now ("
                    + code + ")");
            case "131026" -> new SendOutcome.Rejected(code, "WhatsApp cannot deliver to this number (not on WhatsApp, or"
                    + " an old app)");
            case "131047" -> new SendOutcome.Rejected(code, "more than 24 hours since the customer wrote: WhatsApp takes"
                    + " only approved templates");
            case "132000" -> new SendOutcome.Rejected(code, "the template's parameter count does not match the approved"
                    + " template: " + said);
            case "132001" -> new SendOutcome.Rejected(code, "no approved template by this name in this language: " + said);
            case "132005", "132007", "132012" -> new SendOutcome.Rejected(code, "WhatsApp refused the template's"
                    + " parameters: " + said);
            case "132015", "132016" -> new SendOutcome.Rejected(code, "the template is paused or disabled for low"
                    + " quality: see WhatsApp Manager");
            default -> {
                if (httpStatus == 401) {
                    throw new PermanentProviderException("WhatsApp refused the access token (HTTP 401): set a new " + key
                            + "access-token");
                }
                if (httpStatus == 429) {
                    throw new TransientProviderException("WhatsApp is rate limiting (HTTP 429)");
                }
                yield new SendOutcome.Rejected(code, "WhatsApp refused the message (" + code + "): " + said);
            }
        };
    }

    // ------------------------------------------------------------------------------------------ inbound

    @Override
    public InboundOutcome verifyInbound(CallbackRequest request) {
        if (request.method().equals("GET")) {
            return subscription(request);
        }
        if (!request.method().equals("POST")) {
            return new InboundOutcome.Rejected("WhatsApp posts its webhooks; this was a " + request.method());
        }
        String header = request.header("X-Hub-Signature-256").orElse("").strip();
        if (!header.startsWith("sha256=")) {
            return new InboundOutcome.Rejected("no X-Hub-Signature-256 header");
        }
        byte[] expected = ("sha256=" + hmacSha256Hex(appSecret.reveal(), request.body())).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, header.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return new InboundOutcome.Rejected("the X-Hub-Signature-256 does not match the body");
        }
        Map<String, Object> root;
        try {
            root = Json.parseObject(request.bodyText());
        } catch (JsonException e) {
            return new InboundOutcome.Rejected("signed, but not JSON");
        }
        List<InboundOutcome> events = new ArrayList<>();
        for (Object entry : Json.array(root, "entry").orElse(List.of())) {
            if (!(entry instanceof Map<?, ?>)) {
                continue;
            }
            for (Object change : Json.array(cast(entry), "changes").orElse(List.of())) {
                if (change instanceof Map<?, ?>) {
                    Json.object(cast(change), "value").ifPresent(value -> read(value, events));
                }
            }
        }
        if (events.isEmpty()) {
            return new InboundOutcome.Ignored("nothing about this number's messages", CallbackReply.ok());
        }
        return events.size() == 1 && !(events.get(0) instanceof InboundOutcome.Ignored) ? events.get(0)
                : events.stream().allMatch(InboundOutcome.Ignored.class::isInstance)
                ? new InboundOutcome.Ignored(events.size() + " events, none the shop acts on", CallbackReply.ok())
                : new InboundOutcome.Several(events, CallbackReply.ok());
    }

    /** One change's value: the statuses and messages of this shop's number (another number of the app is ignored). */
    private void read(Map<String, Object> value, List<InboundOutcome> events) {
        String number = Json.object(value, "metadata").flatMap(m -> Json.text(m, "phone_number_id")).orElse("");
        if (!number.equals(phoneNumberId)) {
            return;
        }
        for (Object item : Json.array(value, "statuses").orElse(List.of())) {
            if (item instanceof Map<?, ?>) {
                status(cast(item)).ifPresent(events::add);
            }
        }
        for (Object item : Json.array(value, "messages").orElse(List.of())) {
            if (item instanceof Map<?, ?>) {
                message(cast(item)).ifPresent(events::add);
            }
        }
    }

    /** A status: delivered and read reached the phone, failed never will, sent is on its way (not acted on). */
    private Optional<InboundOutcome> status(Map<String, Object> status) {
        Optional<String> id = Json.string(status, "id");
        String word = Json.string(status, "status").orElse("");
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Optional<Instant> at = Json.text(status, "timestamp").filter(t -> t.matches("[0-9]{1,12}"))
                .map(t -> Instant.ofEpochSecond(Long.parseLong(t)));
        DeliveryReport.Status mapped = switch (word) {
            case "delivered", "read" -> DeliveryReport.Status.DELIVERED;
            case "failed" -> DeliveryReport.Status.FAILED;
            default -> null;
        };
        if (mapped == null) {
            return Optional.of(new InboundOutcome.Ignored("status " + word + " is not final", CallbackReply.ok()));
        }
        Optional<String> detail = Json.array(status, "errors").filter(e -> !e.isEmpty()).map(e -> e.get(0))
                .filter(Map.class::isInstance).map(e -> {
                    Map<String, Object> error = cast(e);
                    return "WhatsApp error " + Json.text(error, "code").orElse("?") + ": "
                            + Json.string(error, "title").orElse(Json.string(error, "message").orElse(""));
                });
        return Optional.of(new InboundOutcome.Delivery(id.get() + ":" + word,
                new DeliveryReport(id.get(), mapped, at, detail.or(() -> Optional.of("WhatsApp " + word))),
                CallbackReply.ok()));
    }

    /** A customer's message: its text, or the button they tapped (its payload), or nothing for media. */
    private Optional<InboundOutcome> message(Map<String, Object> message) {
        Optional<String> id = Json.string(message, "id");
        Optional<String> from = Json.text(message, "from").filter(f -> f.matches("[0-9]{8,15}"));
        if (id.isEmpty() || from.isEmpty()) {
            return Optional.empty();
        }
        String type = Json.string(message, "type").orElse("");
        String text = switch (type) {
            case "text" -> Json.object(message, "text").flatMap(t -> Json.string(t, "body")).orElse("");
            case "button" -> Json.object(message, "button").flatMap(b -> Json.string(b, "payload")
                    .or(() -> Json.string(b, "text"))).orElse("");
            case "interactive" -> Json.object(message, "interactive").flatMap(i -> Json.object(i, "button_reply")
                    .or(() -> Json.object(i, "list_reply"))).flatMap(r -> Json.string(r, "id")
                    .or(() -> Json.string(r, "title"))).orElse("");
            default -> "";
        };
        Optional<Instant> at = Json.text(message, "timestamp").filter(t -> t.matches("[0-9]{1,12}"))
                .map(t -> Instant.ofEpochSecond(Long.parseLong(t)));
        return Optional.of(new InboundOutcome.Reply(id.get(), PhoneNumber.of("+" + from.get()), text, at,
                CallbackReply.ok()));
    }

    /** Meta's check of the webhook address: echo the challenge when the verify token matches. */
    private InboundOutcome subscription(CallbackRequest request) {
        Map<String, String> query;
        try {
            query = request.queryParameters();
        } catch (IllegalArgumentException e) {
            return new InboundOutcome.Rejected("a malformed query string");
        }
        String challenge = query.getOrDefault("hub.challenge", "");
        boolean token = MessageDigest.isEqual(verifyToken.reveal().getBytes(StandardCharsets.UTF_8),
                query.getOrDefault("hub.verify_token", "").getBytes(StandardCharsets.UTF_8));
        if (!"subscribe".equals(query.get("hub.mode")) || !token || !challenge.matches("[A-Za-z0-9_-]{1,128}")) {
            return new InboundOutcome.Rejected("not Meta's address check with this shop's verify token");
        }
        return new InboundOutcome.Ignored("webhook address verified",
                new CallbackReply(200, "text/plain; charset=UTF-8", challenge));
    }

    // ---------------------------------------------------------------------------------------- internals

    static String hmacSha256Hex(String key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }

    private static Optional<Map<String, Object>> json(String body) {
        try {
            return Optional.of(Json.parseObject(body));
        } catch (JsonException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "WhatsAppCloudProvider[" + messages + "]";
    }
}
