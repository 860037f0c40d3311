package io.tijarat.plugin.tcs;

import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.ProviderHttp;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.json.Json;
import io.tijarat.spi.json.JsonException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * TCS's COD API as the plugin uses it: the {@code X-IBM-Client-Id} header on every request; answers parsed with their
 * {@code returnStatus}. A request that never left is a {@link TransientProviderException}; one that may have arrived
 * without a usable answer is {@link Reply#lost()}; refused credentials (HTTP 401, or code {@code 0401}) are permanent.
 */
final class TcsApi {

    static final String PRODUCTION = "https://api.tcscourier.com/production/v1/cod/";
    static final String TRACKING = "https://api.tcscourier.com/production/track/v1/shipments/detail";

    private final ProviderHttp http;
    private final TcsSettings settings;

    TcsApi(ProviderHttp http, TcsSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    /** A parsed answer: TCS's {@code returnStatus} code ({@code 0200} is success) and message. */
    record Reply(String code, String message, Map<String, Object> body, Optional<String> lostBecause) {
        boolean lost() {
            return lostBecause.isPresent();
        }

        boolean ok() {
            return !lost() && code.equals("0200");
        }
    }

    Reply get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    Reply cod(String method, String operation, Map<String, Object> body) {
        return send(HttpRequest.newBuilder(settings.baseUrl().resolve(operation)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8)));
    }

    private Reply send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.header("X-IBM-Client-Id", settings.clientId().reveal())
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            if (ProviderHttp.wasNotSent(e)) {
                throw new TransientProviderException("TCS could not be reached: " + e.getClass().getSimpleName(), e);
            }
            return lost("no answer from TCS: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return lost("interrupted while waiting for TCS");
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw badCredentials();
        }
        Map<String, Object> body;
        try {
            body = Json.parseObject(response.body());
        } catch (JsonException e) {
            return lost("TCS answered HTTP " + response.statusCode() + " with something that is not JSON");
        }
        Map<String, Object> status = Json.object(body, "returnStatus").orElse(Map.of());
        String code = Json.text(status, "code").orElse(response.statusCode() == 200 ? "" : "0" + response.statusCode());
        if (code.equals("0401")) {
            throw badCredentials();
        }
        return new Reply(code, Json.text(status, "message").orElse(""), body, Optional.empty());
    }

    private static Reply lost(String why) {
        return new Reply("", "", Map.of(), Optional.of(why));
    }

    private static PermanentProviderException badCredentials() {
        return new PermanentProviderException("TCS refused the credentials: check tijarat.provider.tcs.client-id,"
                + " user-name and password");
    }
}
