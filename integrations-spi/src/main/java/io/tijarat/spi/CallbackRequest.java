package io.tijarat.spi;

import io.tijarat.spi.internal.Checks;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An inbound HTTP request from a gateway, exactly as it arrived, for the plugin to verify and read:
 * a server-to-server notification (JazzCash or EasyPaisa IPN, a webhook, a courier's tracking webhook
 * since SPI 1.1), or the customer's browser coming back from a hosted checkout.
 *
 * <p>The body is the raw bytes: verify signatures over these, never over a re-serialised form.
 * Header lookup is case-insensitive ({@link HttpHeaders}). The core has already limited the body size
 * and the request rate; it has not checked anything else, so treat every byte as hostile until
 * verified.
 *
 * <p>{@link #toString()} shows neither the body nor the query string, which carry personal data.
 * Immutable and thread-safe (the body is copied in and out).
 *
 * @param source        who sent it
 * @param method        the HTTP method, upper case
 * @param uri           the request URI as received, with its query string
 * @param headers       the request headers
 * @param body          the raw body, possibly empty
 * @param remoteAddress the client's address as the core determined it (behind a trusted proxy, from
 *                      its forwarding header); for allow-lists, never as the only check
 */
public record CallbackRequest(Source source, String method, URI uri, HttpHeaders headers, byte[] body,
                              Optional<String> remoteAddress) {

    /** Who sent an inbound request. */
    public enum Source {
        /** The gateway's server, in the background (IPN, webhook). */
        NOTIFICATION,
        /** The customer's browser, returning from the gateway's page. */
        CUSTOMER_RETURN
    }

    public CallbackRequest {
        Checks.notNull(source, "source");
        Checks.notBlank(method, "method");
        Checks.notNull(uri, "uri");
        Checks.notNull(headers, "headers");
        body = Checks.notNull(body, "body").clone();
        Checks.optional(remoteAddress, "remoteAddress");
    }

    /** A copy of the raw body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body decoded as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header, looked up case-insensitively. */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /**
     * The body read as {@code application/x-www-form-urlencoded} (how JazzCash posts {@code pp_*}
     * fields), whatever the content type claims. Keeps the order of the fields.
     *
     * @throws IllegalArgumentException if a name appears twice or the encoding is malformed: a request
     *                                  a signature check could read one way and the plugin another;
     *                                  reject it
     */
    public Map<String, String> formParameters() {
        return parse(bodyText(), "body");
    }

    /**
     * The query string's parameters (how EasyPaisa's IPN and return pass theirs), with the same rules
     * as {@link #formParameters()}.
     */
    public Map<String, String> queryParameters() {
        String query = uri.getRawQuery();
        return query == null ? Map.of() : parse(query, "query string");
    }

    private static Map<String, String> parse(String encoded, String where) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (encoded.isEmpty()) {
            return Map.of();
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            if (parameters.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("parameter '" + name + "' appears twice in the " + where);
            }
        }
        return Collections.unmodifiableMap(parameters);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CallbackRequest that
                && source == that.source
                && method.equals(that.method)
                && uri.equals(that.uri)
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body)
                && remoteAddress.equals(that.remoteAddress);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, method, uri, headers, Arrays.hashCode(body), remoteAddress);
    }

    @Override
    public String toString() {
        return "CallbackRequest[" + source + " " + method + " " + uri.getRawPath() + ", " + body.length + " bytes]";
    }
}
