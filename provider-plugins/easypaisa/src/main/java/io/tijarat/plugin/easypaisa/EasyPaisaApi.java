package io.tijarat.plugin.easypaisa;

import io.tijarat.spi.json.Json;
import io.tijarat.spi.json.JsonException;
import io.tijarat.spi.ProviderHttp;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * EasyPaisa's REST v4 API as this plugin calls it: a JSON {@code POST} with the {@code Credentials}
 * header, through the core's {@link ProviderHttp} (never a client of our own). It reports what came back
 * and leaves the meaning to the caller, because the same failure is {@code Unknown} for a payment and a
 * {@code TransientProviderException} for an inquiry.
 *
 * <p>Thread-safe: the fields are immutable and every call builds its own request.
 */
final class EasyPaisaApi {

    static final String INITIATE_MA = "initiate-ma-transaction";
    static final String INITIATE_OTC = "initiate-otc-transaction";
    static final String INQUIRE = "inquire-transaction";

    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,5}");

    private final EasyPaisaSettings settings;
    private final ProviderHttp http;

    EasyPaisaApi(EasyPaisaSettings settings, ProviderHttp http) {
        this.settings = settings;
        this.http = http;
    }

    /** What EasyPaisa (or something in front of it) answered. */
    sealed interface Answer {
        int status();

        /** The {@code Retry-After} of a 429 or 503, in seconds, if one came. */
        Optional<Duration> retryAfter();

        default boolean isSuccessful() {
            return status() >= 200 && status() < 300;
        }
    }

    /** A JSON object, whatever the HTTP status. */
    record Parsed(int status, Map<String, Object> body, Optional<Duration> retryAfter) implements Answer {
        Optional<String> text(String name) {
            return Json.text(body, name);
        }

        Optional<String> responseCode() {
            return text("responseCode");
        }
    }

    /**
     * Anything else: a firewall's HTML page, a body cut off half-way, an empty body.
     *
     * @param description what it was, for staff: status, content type, size, why it is not JSON; never the
     *                    body itself
     */
    record Unreadable(int status, String description, Optional<Duration> retryAfter) implements Answer {
    }

    /**
     * Posts {@code fields} as a JSON object to {@code endpoint}.
     *
     * @throws IOException          if no answer came; see {@link ProviderHttp#wasNotSent}
     * @throws InterruptedException if the core's timeout fired
     */
    Answer post(String endpoint, Map<String, String> fields, Duration timeout) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(settings.restUri(endpoint))
                .timeout(timeout)
                .header("Credentials", settings.credentialsHeader())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(fields), StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Optional<Duration> retryAfter = response.headers().firstValue("Retry-After").map(String::strip)
                .filter(value -> SECONDS.matcher(value).matches())
                .map(value -> Duration.ofSeconds(Math.max(1, Long.parseLong(value))));
        String body = response.body() == null ? "" : response.body();
        try {
            return new Parsed(response.statusCode(), Json.parseObject(body), retryAfter);
        } catch (JsonException e) {
            String type = response.headers().firstValue("Content-Type").map(GatewayText::clean)
                    .orElse("no content type");
            return new Unreadable(response.statusCode(), "HTTP " + response.statusCode() + " with " + type + ", "
                    + body.length() + " characters that are not EasyPaisa's JSON (" + e.getMessage() + ")", retryAfter);
        }
    }
}
