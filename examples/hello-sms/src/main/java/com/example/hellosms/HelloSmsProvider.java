package com.example.hellosms;

import io.tijarat.spi.json.Json;
import io.tijarat.spi.json.JsonException;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.ProviderHttp;
import io.tijarat.spi.ProviderLogger;
import io.tijarat.spi.Redaction;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.notification.MessageRequest;
import io.tijarat.spi.notification.NotificationProvider;
import io.tijarat.spi.notification.Recipient;
import io.tijarat.spi.notification.SendOutcome;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sends one SMS with {@code POST /v1/messages} and turns the gateway's answer into a {@link SendOutcome}.
 *
 * <table>
 *   <caption>What each answer becomes</caption>
 *   <tr><th>the gateway</th><th>the core gets</th></tr>
 *   <tr><td>2xx with an {@code id}</td><td>{@code Accepted(id)}</td></tr>
 *   <tr><td>401, 402, 403 (key, credit, sender mask)</td><td>{@link PermanentProviderException}: the
 *       account needs a human, not this message</td></tr>
 *   <tr><td>429</td><td>{@link TransientProviderException} with the {@code Retry-After}: the gateway did
 *       not take the message</td></tr>
 *   <tr><td>other 4xx with the API's error JSON</td><td>{@code Rejected(code, message)}</td></tr>
 *   <tr><td>5xx, a 3xx, a response timeout or reset, or any body that is not the API's JSON (an HTML
 *       page, a 2xx without an id, a 4xx without the error object)</td><td>{@code Unknown}: the message may
 *       have gone out, and the core must not send it again blindly</td></tr>
 *   <tr><td>no connection (refused, DNS, TLS handshake, connect timeout)</td>
 *       <td>{@link TransientProviderException}: nothing was sent, so a retry is safe</td></tr>
 * </table>
 *
 * <p>The core's event id goes to the gateway as {@code reference}, the same on every try, so the gateway
 * drops a duplicate. Thread-safe: the fields are final and immutable, and every call builds its own
 * request; one instance serves every thread.
 */
final class HelloSmsProvider implements NotificationProvider {

    /** A little inside the descriptor's 10 s budget, so a slow gateway ends as this plugin's own Unknown. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(8);

    private static final int MAX_REASON_LENGTH = 200;

    private final HelloSmsSettings settings;
    private final ProviderHttp http;
    private final ProviderLogger log;

    HelloSmsProvider(HelloSmsSettings settings, ProviderHttp http, ProviderLogger log) {
        this.settings = settings;
        this.http = http;
        this.log = log;
    }

    @Override
    public SendOutcome send(MessageRequest request) {
        String eventId = request.eventId().value();
        HttpResponse<String> response;
        try {
            response = http.send(newRequest(request), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            if (ProviderHttp.wasNotSent(e)) {
                throw new TransientProviderException("hello-sms: could not reach " + settings.messagesUri().getHost()
                        + " (" + e.getClass().getSimpleName() + "); message " + eventId + " was not sent", e);
            }
            log.warn("hello-sms: no answer for message " + eventId + " (" + e.getClass().getSimpleName() + ")");
            return new SendOutcome.Unknown("no answer from Hello SMS (" + e.getClass().getSimpleName()
                    + "); the message may have gone out");
        } catch (InterruptedException e) {
            // The core's timeout or shutdown: end the call as a response timeout would.
            Thread.currentThread().interrupt();
            return new SendOutcome.Unknown("interrupted while waiting for Hello SMS; the message may have gone out");
        }
        SendOutcome outcome = outcome(response);
        log.info("hello-sms: message " + eventId + " -> HTTP " + response.statusCode() + ", "
                + outcome.getClass().getSimpleName());
        return outcome;
    }

    private HttpRequest newRequest(MessageRequest request) {
        if (!(request.recipient() instanceof Recipient.Phone phone)) {
            // The descriptor declares SMS only, so the core never asks for anything else.
            throw new IllegalArgumentException("hello-sms sends SMS only, not " + request.channel());
        }
        StringBuilder json = new StringBuilder(256)
                .append("{\"to\":").append(Json.quote(phone.number().value()))
                .append(",\"text\":").append(Json.quote(request.content().text()))
                .append(",\"reference\":").append(Json.quote(request.eventId().value()));
        settings.sender().ifPresent(sender -> json.append(",\"from\":").append(Json.quote(sender)));
        json.append('}');
        return HttpRequest.newBuilder(settings.messagesUri())
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + settings.apiKey().reveal())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.toString(), StandardCharsets.UTF_8))
                .build();
    }

    private SendOutcome outcome(HttpResponse<String> response) {
        int status = response.statusCode();
        Optional<Map<String, Object>> body = parse(response.body());
        if (status >= 200 && status < 300) {
            return body.flatMap(json -> Json.string(json, "id"))
                    .<SendOutcome>map(SendOutcome.Accepted::new)
                    .orElseGet(() -> unknown("HTTP " + status + " without the gateway's JSON message id"));
        }
        if (status == 401 || status == 402 || status == 403) {
            String code = body.flatMap(HelloSmsProvider::error).flatMap(e -> Json.string(e, "code")).orElse("none");
            throw new PermanentProviderException("hello-sms refused the account (HTTP " + status + ", " + code
                    + "): check the API key (tijarat.provider.hello-sms.api-key), the credit and the sender mask"
                    + " (tijarat.provider.hello-sms.sender) in the Hello SMS dashboard");
        }
        if (status == 429) {
            throw new TransientProviderException("hello-sms throughput limit (HTTP 429); the message was not taken",
                    null, retryAfter(response).orElse(null));
        }
        if (status >= 400 && status < 500) {
            Optional<Map<String, Object>> error = body.flatMap(HelloSmsProvider::error);
            Optional<String> code = error.flatMap(e -> Json.string(e, "code"));
            if (code.isPresent()) {
                String reason = error.flatMap(e -> Json.string(e, "message")).orElse("refused by Hello SMS");
                return new SendOutcome.Rejected(code.get(), forStaff(reason));
            }
            return unknown("HTTP " + status + " without the gateway's error JSON");
        }
        return unknown("HTTP " + status + (status >= 500 ? " from Hello SMS" : ", not followed"));
    }

    private static SendOutcome unknown(String what) {
        // Never the body: it may quote the recipient, the text, or a proxy's page.
        return new SendOutcome.Unknown(what + "; the message may have gone out");
    }

    private static Optional<Map<String, Object>> parse(String body) {
        try {
            return Optional.of(Json.parseObject(body));
        } catch (JsonException e) {
            return Optional.empty();
        }
    }

    private static Optional<Map<String, Object>> error(Map<String, Object> body) {
        return Json.object(body, "error");
    }

    /** The gateway's wording may quote the number: masked, and short enough for an admin screen. */
    private static String forStaff(String reason) {
        String masked = Redaction.redact(reason.strip());
        return masked.length() <= MAX_REASON_LENGTH ? masked : masked.substring(0, MAX_REASON_LENGTH) + "…";
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.strip());
                return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
            } catch (NumberFormatException httpDate) {
                return Optional.empty(); // The HTTP-date form: the core's own back-off applies.
            }
        });
    }

    @Override
    public String toString() {
        return "HelloSmsProvider[" + settings + "]";
    }
}
