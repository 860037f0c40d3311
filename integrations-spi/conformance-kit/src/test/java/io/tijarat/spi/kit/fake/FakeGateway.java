package io.tijarat.spi.kit.fake;

import io.tijarat.spi.ProviderContext;
import io.tijarat.spi.ProviderHttp;
import io.tijarat.spi.TransientProviderException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP side the fakes share: sends one request and sorts what came back into an answer, "maybe
 * sent", or (when nothing was sent) a {@link TransientProviderException}, as {@link ProviderHttp}'s
 * Javadoc prescribes.
 */
final class FakeGateway {

    /** What a call produced. */
    sealed interface Result {
        /** The gateway answered with a JSON object. */
        record Json(int status, String body) implements Result {
            Optional<String> field(String name) {
                Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)\"?").matcher(body);
                return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
            }
        }

        /** The gateway answered with an error status. */
        record HttpError(int status) implements Result {
        }

        /** The request may have reached the gateway, and there is no usable answer. */
        record MaybeSent(String detail, boolean timedOut) implements Result {
        }
    }

    private static final Pattern JSON_OBJECT = Pattern.compile("(?s)\\s*\\{.*}\\s*");

    private final ProviderHttp http;
    private final URI baseUrl;
    private final Quirk quirk;

    FakeGateway(ProviderContext context, URI baseUrl, Quirk quirk) {
        this.http = context.httpClient();
        this.baseUrl = baseUrl;
        this.quirk = quirk;
    }

    Result post(String path, String json, String reference, String credential) {
        HttpRequest request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + credential)
                .header("Idempotency-Key", reference)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return send(request);
    }

    Result get(String path, String credential) {
        return send(HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + credential).GET().build());
    }

    private Result send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            if (ProviderHttp.wasNotSent(e) && quirk != Quirk.GUESSES_ON_REFUSAL) {
                throw new TransientProviderException("fake gateway unreachable: " + e.getClass().getSimpleName(), e);
            }
            return new Result.MaybeSent("no answer: " + e.getClass().getSimpleName(),
                    e instanceof HttpTimeoutException);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result.MaybeSent("interrupted while waiting for the answer", true);
        }
        return read(response);
    }

    private Result read(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 429 || status == 503) {
            throw new TransientProviderException("fake gateway busy: HTTP " + status);
        }
        if (status < 200 || status > 299) {
            return new Result.HttpError(status);
        }
        if (!JSON_OBJECT.matcher(response.body()).matches()) {
            if (quirk == Quirk.CRASHES_ON_HTML) {
                throw new IllegalStateException("Unexpected character '<' at position 0");
            }
            String type = response.headers().firstValue("Content-Type").orElse("none");
            return new Result.MaybeSent("HTTP " + status + " answer is not a JSON object (content type " + type + ")",
                    false);
        }
        return new Result.Json(status, response.body());
    }
}
