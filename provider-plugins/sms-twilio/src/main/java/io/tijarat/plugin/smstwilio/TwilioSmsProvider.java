package io.tijarat.plugin.smstwilio;

import io.tijarat.spi.CallbackReply;
import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.PhoneNumber;
import io.tijarat.spi.ProviderHttp;
import io.tijarat.spi.Secret;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.json.Json;
import io.tijarat.spi.json.JsonException;
import io.tijarat.spi.notification.DeliveryReport;
import io.tijarat.spi.notification.InboundOutcome;
import io.tijarat.spi.notification.MessageRequest;
import io.tijarat.spi.notification.NotificationProvider;
import io.tijarat.spi.notification.Recipient;
import io.tijarat.spi.notification.SendOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sends SMS through Twilio's Messages resource, reads delivery status from it, and verifies what Twilio posts to the
 * shop's webhook (customers' messages, status callbacks). Stateless apart from its configuration: thread-safe.
 */
final class TwilioSmsProvider implements NotificationProvider {

    /** The empty TwiML document: "received, nothing to say" (the shop answers through its outbox, not here). */
    static final CallbackReply EMPTY_TWIML = new CallbackReply(200, "text/xml; charset=UTF-8",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>");

    private final ProviderHttp http;
    private final URI base;
    private final String accountSid;
    private final Secret authToken;
    private final String from;
    private final Optional<String> webhookUrl;

    TwilioSmsProvider(ProviderHttp http, URI base, String accountSid, Secret authToken, String from,
                      Optional<String> webhookUrl) {
        this.http = http;
        this.base = base;
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.from = from;
        this.webhookUrl = webhookUrl;
    }

    // ----------------------------------------------------------------------------------------------- send

    @Override
    public SendOutcome send(MessageRequest request) {
        if (!(request.recipient() instanceof Recipient.Phone phone)) {
            return new SendOutcome.Rejected("CHANNEL", "Twilio SMS sends to phone numbers only");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", phone.number().value());
        form.put(from.startsWith("MG") ? "MessagingServiceSid" : "From", from);
        form.put("Body", request.content().text());
        webhookUrl.ifPresent(url -> form.put("StatusCallback", url));
        HttpResponse<String> response;
        try {
            response = http.send(authorised(HttpRequest.newBuilder(messages(".json")))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(encode(form), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            if (ProviderHttp.wasNotSent(e)) {
                throw new TransientProviderException("Twilio could not be reached: " + e.getClass().getSimpleName(), e);
            }
            return new SendOutcome.Unknown("no answer from Twilio (" + e.getClass().getSimpleName()
                    + "); the message may have been created");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendOutcome.Unknown("interrupted while waiting for Twilio; the message may have been created");
        }
        int status = response.statusCode();
        Optional<Map<String, Object>> json = json(response.body());
        if (status == 201 || status == 200) {
            return json.flatMap(j -> Json.string(j, "sid"))
                    .<SendOutcome>map(SendOutcome.Accepted::new)
                    .orElseGet(() -> new SendOutcome.Unknown("Twilio answered " + status + " without a message sid"));
        }
        if (status == 503) {
            // Twilio: "temporarily unable to service the request. Please wait and try again" — nothing was created
            throw new TransientProviderException("Twilio is temporarily unavailable (HTTP 503)");
        }
        if (status >= 500 || json.isEmpty()) {
            // a server error or a page that is not Twilio's error document: the message may exist
            return new SendOutcome.Unknown("Twilio answered HTTP " + status + (json.isEmpty() ? " without its JSON error" : "")
                    + "; the message may have been created");
        }
        String code = Json.text(json.get(), "code").orElse(String.valueOf(status));
        return refusal(code, status, Json.string(json.get(), "message").orElse(""));
    }

    /**
     * What each error Twilio documents (twilio.com/docs/api/errors/&lt;code&gt;) means for this message: the account's
     * own setup (credentials, sender, geographic permission, suspension) needs the operator — permanent, so the message
     * waits and is retried once fixed; rate limits are transient; a problem with this recipient refuses this message.
     */
    static SendOutcome refusal(String code, int httpStatus, String message) {
        String key = "tijarat.provider." + TwilioSmsProviderFactory.ID + ".";
        return switch (code) {
            case "20003" -> throw new PermanentProviderException("Twilio refused the credentials (20003): check "
                    + key + "account-sid and auth-token");
            case "20429", "14107" -> throw new TransientProviderException("Twilio is rate limiting (" + code + ")");
            case "21212", "21606", "21659", "21660", "21603", "21701", "21703", "21704" ->
                    throw new PermanentProviderException("Twilio refused the sender (" + code + "): check " + key + "from");
            case "21408" -> throw new PermanentProviderException("Twilio has no permission to send to this region"
                    + " (21408): enable Pakistan in the console's SMS geographic permissions");
            case "30002" -> throw new PermanentProviderException("the Twilio account is suspended (30002)");
            case "21211" -> new SendOutcome.Rejected(code, "Twilio: the 'To' number is not a valid phone number");
            case "21614" -> new SendOutcome.Rejected(code, "Twilio: the 'To' number is not a mobile number");
            case "21612" -> new SendOutcome.Rejected(code, "Twilio: the 'To' number cannot be reached by SMS");
            case "21610" -> new SendOutcome.Rejected(code, "Twilio: the recipient replied STOP to this sender;"
                    + " Twilio sends nothing more until they reply START");
            case "21608" -> new SendOutcome.Rejected(code, "Twilio: a trial account sends only to verified numbers");
            case "21617" -> new SendOutcome.Rejected(code, "Twilio: the text is over 1,600 characters");
            default -> {
                if (httpStatus == 401) {
                    throw new PermanentProviderException("Twilio refused the credentials (HTTP 401): check " + key
                            + "account-sid and auth-token");
                }
                if (httpStatus == 429) {
                    throw new TransientProviderException("Twilio is rate limiting (HTTP 429)");
                }
                String said = message.length() <= 100 ? message : message.substring(0, 100);
                yield new SendOutcome.Rejected(code, "Twilio refused the message (" + code + "): " + said);
            }
        };
    }

    // ----------------------------------------------------------------------------------- delivery status

    @Override
    public Optional<DeliveryReport> deliveryStatus(String gatewayMessageId) {
        if (!gatewayMessageId.matches("[A-Za-z0-9]{2,64}")) {
            return Optional.empty();
        }
        HttpResponse<String> response;
        try {
            response = http.send(authorised(HttpRequest.newBuilder(messages("/" + gatewayMessageId + ".json"))).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TransientProviderException("Twilio did not answer the status request: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientProviderException("interrupted while asking Twilio", e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        Optional<Map<String, Object>> json = json(response.body());
        if (response.statusCode() != 200 || json.isEmpty()) {
            if (response.statusCode() == 401) {
                throw new PermanentProviderException("Twilio refused the credentials (HTTP 401)");
            }
            throw new TransientProviderException("Twilio answered the status request with HTTP " + response.statusCode());
        }
        String status = Json.string(json.get(), "status").orElse("");
        return Optional.of(report(gatewayMessageId, status, Json.text(json.get(), "error_code")));
    }

    /**
     * Twilio's message statuses (the {@code MessageEnumStatus} of its OpenAPI description): delivered and read reached
     * the phone; undelivered, failed and canceled never will; everything else is still on its way.
     */
    static Optional<DeliveryReport.Status> statusOf(String twilioStatus) {
        return switch (twilioStatus.toLowerCase(Locale.ROOT)) {
            case "delivered", "read" -> Optional.of(DeliveryReport.Status.DELIVERED);
            case "undelivered", "failed", "canceled" -> Optional.of(DeliveryReport.Status.FAILED);
            case "queued", "accepted", "scheduled", "sending", "sent", "partially_delivered" ->
                    Optional.of(DeliveryReport.Status.PENDING);
            default -> Optional.empty();
        };
    }

    private static DeliveryReport report(String sid, String status, Optional<String> errorCode) {
        DeliveryReport.Status mapped = statusOf(status).orElse(DeliveryReport.Status.PENDING);
        Optional<String> detail = errorCode.filter(c -> !c.isBlank() && !c.equals("0"))
                .map(c -> "Twilio " + status + ", error " + c + deliveryError(c));
        return new DeliveryReport(sid, mapped, Optional.empty(), detail.or(() -> Optional.of("Twilio " + status)));
    }

    /** The delivery errors Twilio documents (twilio.com/docs/api/errors/300xx), for staff. */
    static String deliveryError(String code) {
        return switch (code) {
            case "30001" -> ": queue overflow";
            case "30002" -> ": account suspended";
            case "30003" -> ": unreachable destination handset";
            case "30004" -> ": message blocked (the recipient blocked it, or it is unsubscribed)";
            case "30005" -> ": unknown destination handset";
            case "30006" -> ": landline or unreachable carrier";
            case "30007" -> ": filtered by the carrier";
            case "30008" -> ": unknown error";
            default -> "";
        };
    }

    // ------------------------------------------------------------------------------------------ inbound

    @Override
    public InboundOutcome verifyInbound(CallbackRequest request) {
        if (!request.method().equals("POST")) {
            return new InboundOutcome.Rejected("Twilio posts its webhooks; this was a " + request.method());
        }
        String signature = request.header("X-Twilio-Signature").orElse("");
        if (signature.isBlank()) {
            return new InboundOutcome.Rejected("no X-Twilio-Signature header");
        }
        Map<String, String> form;
        try {
            form = request.formParameters();
        } catch (IllegalArgumentException e) {
            return new InboundOutcome.Rejected("the body is not a form Twilio would sign: " + e.getMessage());
        }
        String url = webhookUrl.orElse(request.uri().toString());
        if (!TwilioSignature.matches(authToken.reveal(), url, form, signature.strip())) {
            return new InboundOutcome.Rejected("the X-Twilio-Signature does not match the request");
        }
        if (!accountSid.equals(form.get("AccountSid"))) {
            return new InboundOutcome.Rejected("signed, but for another account");
        }
        String sid = Optional.ofNullable(form.get("MessageSid")).or(() -> Optional.ofNullable(form.get("SmsSid")))
                .filter(s -> s.matches("[A-Za-z0-9]{2,64}")).orElse("");
        if (sid.isEmpty()) {
            return new InboundOutcome.Rejected("signed, but names no message");
        }
        String status = Optional.ofNullable(form.get("MessageStatus")).or(() -> Optional.ofNullable(form.get("SmsStatus")))
                .orElse("received").toLowerCase(Locale.ROOT);
        if (!status.equals("received") && !status.equals("receiving")) {
            Optional<DeliveryReport.Status> mapped = statusOf(status);
            if (mapped.isEmpty() || mapped.get() == DeliveryReport.Status.PENDING) {
                return new InboundOutcome.Ignored("status " + status + " is not final", EMPTY_TWIML);
            }
            return new InboundOutcome.Delivery(sid + ":" + status,
                    report(sid, status, Optional.ofNullable(form.get("ErrorCode"))), EMPTY_TWIML);
        }
        String sender = form.getOrDefault("From", "");
        PhoneNumber phone;
        try {
            phone = PhoneNumber.of(sender.startsWith("whatsapp:") ? sender.substring("whatsapp:".length()) : sender);
        } catch (IllegalArgumentException e) {
            return new InboundOutcome.Ignored("the sender is not a phone number", EMPTY_TWIML);
        }
        return new InboundOutcome.Reply(sid, phone, form.getOrDefault("Body", ""), Optional.empty(), EMPTY_TWIML);
    }

    // ---------------------------------------------------------------------------------------- internals

    private URI messages(String tail) {
        return URI.create(base + "/2010-04-01/Accounts/" + accountSid + "/Messages" + tail);
    }

    private HttpRequest.Builder authorised(HttpRequest.Builder builder) {
        String credentials = accountSid + ":" + authToken.reveal();
        return builder.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private static Optional<Map<String, Object>> json(String body) {
        try {
            return Optional.of(Json.parseObject(body));
        } catch (JsonException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String encode(Map<String, String> form) {
        var sb = new StringBuilder();
        form.forEach((name, value) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return sb.toString();
    }

    @Override
    public String toString() {
        return "TwilioSmsProvider[" + base + ", from " + from + "]";
    }
}
