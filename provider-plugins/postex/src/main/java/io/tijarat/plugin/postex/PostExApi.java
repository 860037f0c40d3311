package io.tijarat.plugin.postex;

import io.tijarat.spi.ProviderHttp;
import io.tijarat.spi.TransientProviderException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * PostEx's HTTP API as the plugin uses it: every request carries the {@code token} header; an answer is returned as
 * it came (status and body), a request that certainly never left is a {@link TransientProviderException}, and one
 * that may have reached PostEx without an answer is {@link Answer#lost()}, for the caller to map (a read: transient;
 * a booking: Unknown).
 */
final class PostExApi {

    /** Production API root (PostEx COD API Integration Guide v4.1.9). */
    static final String PRODUCTION = "https://api.postex.pk/services/integration/api/order/";

    private final ProviderHttp http;
    private final PostExSettings settings;

    PostExApi(ProviderHttp http, PostExSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    /** An HTTP answer, or none ({@code status} 0) when the request may have arrived but no answer came. */
    record Answer(int status, byte[] body, Optional<String> lostBecause) {
        static Answer lost(String why) {
            return new Answer(0, new byte[0], Optional.of(why));
        }

        boolean isLost() {
            return lostBecause.isPresent();
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    Answer get(String path) {
        return send(request(path).GET().build());
    }

    Answer post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    Answer put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(settings.baseUrl().resolve(URI.create(path)))
                .header("token", settings.token().reveal())
                .header("Accept", "application/json");
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.body(), Optional.empty());
        } catch (IOException e) {
            if (ProviderHttp.wasNotSent(e)) {
                throw new TransientProviderException("PostEx could not be reached: " + e.getClass().getSimpleName(), e);
            }
            return Answer.lost("no answer from PostEx: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.lost("interrupted while waiting for PostEx");
        }
    }
}
