package io.tijarat.plugin.leopards;

import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.ProviderHttp;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.json.Json;
import io.tijarat.spi.json.JsonException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Leopards' merchant API as the plugin uses it: {@code <operation>/format/json/}, credentials in the body (POST) or the
 * query (GET). An answer comes back parsed ({@link Reply}); a request that never left is a
 * {@link TransientProviderException}; one that may have arrived without a usable answer is {@link Reply#lost()}.
 */
final class LeopardsApi {

    /** eCom Merchant API v2 roots, as the API document gives them. */
    static final String PRODUCTION = "https://merchantapi.leopardscourier.com/api/";
    static final String STAGING = "https://merchantapistaging.leopardscourier.com/api/";

    private final ProviderHttp http;
    private final LeopardsSettings settings;

    LeopardsApi(ProviderHttp http, LeopardsSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    /**
     * A parsed answer: {@code ok} when {@code status} is 1 (number or string). {@code lost} when no answer came or
     * it was not JSON (an HTML page, a truncated body).
     */
    record Reply(boolean ok, Map<String, Object> body, Optional<String> lostBecause, int httpStatus) {
        boolean lost() {
            return lostBecause.isPresent();
        }

        /** Leopards' {@code error}: a string, 0, or an object keyed by field or CN, flattened for staff. */
        String error() {
            Object error = body.get("error");
            if (error instanceof Map<?, ?> map) {
                return map.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
            }
            return Json.text(body, "error").filter(e -> !e.equals("0") && !e.equalsIgnoreCase("null"))
                    .orElse("refused without a reason");
        }
    }

    Reply get(String operation, Map<String, String> params) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("api_key", settings.apiKey().reveal());
        query.put("api_password", settings.apiPassword().reveal());
        query.putAll(params);
        String q = query.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(url(operation).resolve("?" + q)).GET());
    }

    Reply post(String operation, Map<String, Object> members) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("api_key", settings.apiKey().reveal());
        body.put("api_password", settings.apiPassword().reveal());
        body.putAll(members);
        return send(HttpRequest.newBuilder(url(operation)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8)));
    }

    private URI url(String operation) {
        return settings.baseUrl().resolve(operation + "/format/json/");
    }

    private Reply send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            if (ProviderHttp.wasNotSent(e)) {
                throw new TransientProviderException("Leopards could not be reached: " + e.getClass().getSimpleName(), e);
            }
            return lost("no answer from Leopards: " + e.getClass().getSimpleName(), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return lost("interrupted while waiting for Leopards", 0);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw badCredentials();
        }
        Map<String, Object> body;
        try {
            body = Json.parseObject(response.body());
        } catch (JsonException e) {
            return lost("Leopards answered HTTP " + response.statusCode() + " with something that is not JSON",
                    response.statusCode());
        }
        boolean ok = Json.text(body, "status").map(s -> s.equals("1")).orElse(false);
        Reply reply = new Reply(ok, body, Optional.empty(), response.statusCode());
        if (!ok && isCredentialError(reply.error())) {
            throw badCredentials();
        }
        return reply;
    }

    private static Reply lost(String why, int status) {
        return new Reply(false, Map.of(), Optional.of(why), status);
    }

    /** Leopards answers refused credentials inside an HTTP 200 ("Invalid API Key or Password"). */
    private static boolean isCredentialError(String error) {
        String e = error.toLowerCase(Locale.ROOT);
        return e.contains("api key") || e.contains("api_key") || e.contains("api password") || e.contains("credential")
                || e.contains("unauthori");
    }

    private static PermanentProviderException badCredentials() {
        return new PermanentProviderException("Leopards refused the API key or password: check"
                + " tijarat.provider.leopards.api-key and api-password");
    }
}
