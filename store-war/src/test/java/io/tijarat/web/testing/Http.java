package io.tijarat.web.testing;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for tests: always 127.0.0.1, JSON in and out, headers as pairs. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final URL base;

    public Http(URL base) {
        this.base = base;
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public HttpResponse<String> post(String path, String json, String... headers) {
        return send("POST", path, json, headers);
    }

    public HttpResponse<String> put(String path, String json, String... headers) {
        return send("PUT", path, json, headers);
    }

    public HttpResponse<String> patch(String path, String json, String... headers) {
        return send("PATCH", path, json, headers);
    }

    public HttpResponse<String> send(String method, String path, String json, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + base.getPort() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        boolean typed = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (json != null && !typed) {
            builder.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The string value of a top-level or nested field ("order.id", "history[0].source") in a JSON answer, read with JSON-P. */
    public static String field(String json, String path) {
        jakarta.json.JsonValue value = jakarta.json.Json.createReader(new java.io.StringReader(json)).readValue();
        for (String part : path.split("\\.")) {
            int index = -1;
            if (part.endsWith("]")) { // "history[0]": an element of an array member
                index = Integer.parseInt(part.substring(part.indexOf('[') + 1, part.length() - 1));
                part = part.substring(0, part.indexOf('['));
            }
            value = value.asJsonObject().get(part);
            if (value != null && index >= 0) {
                var array = value.asJsonArray();
                value = index < array.size() ? array.get(index) : null;
            }
            if (value == null) {
                return null;
            }
        }
        return value instanceof jakarta.json.JsonString s ? s.getString() : value.toString();
    }
}
