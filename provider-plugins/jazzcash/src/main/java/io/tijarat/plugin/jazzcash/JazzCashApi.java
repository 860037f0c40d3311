package io.tijarat.plugin.jazzcash;

import io.tijarat.spi.json.Json;
import io.tijarat.spi.json.JsonException;
import io.tijarat.spi.ProviderHttp;
import io.tijarat.spi.ProviderLogger;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Talks JSON to JazzCash's {@code ApplicationAPI}: signs each request with {@code pp_SecureHash}, posts it
 * through the core's {@link ProviderHttp} (never a client of its own), and reports how it went as an
 * {@link Exchange}: answered (and whether the answer was signed), not sent, lost, busy, or unusable. It
 * reads no meaning into response codes; the operations do.
 *
 * <p>Logs the operation, the reference, the HTTP status, the response code and the time taken; never a
 * body, a secret, a phone or a CNIC number. Thread-safe: immutable fields, nothing kept between calls.
 */
final class JazzCashApi {

    /** The response code's name in the unprefixed shape newer API versions answer with. */
    static final String UNPREFIXED_CODE = "responseCode";

    private static final Pattern MEDIA_TYPE_NOISE = Pattern.compile("[^A-Za-z0-9/;=+. -]");

    private final JazzCashSettings settings;
    private final SecureHash hash;
    private final ProviderHttp http;
    private final ProviderLogger log;

    JazzCashApi(JazzCashSettings settings, SecureHash hash, ProviderHttp http, ProviderLogger log) {
        this.settings = settings;
        this.hash = hash;
        this.http = http;
        this.log = log;
    }

    /**
     * Signs {@code fields}, posts them to {@code path} and waits at most {@code timeout}.
     *
     * @param operation what the call does, for logs ({@code wallet}, {@code inquiry}, …)
     * @param reference the {@code pp_TxnRefNo} the request carries; an answer about another one is unusable
     */
    Exchange post(String operation, String path, Map<String, String> fields, Duration timeout, String reference) {
        Map<String, String> signed = new LinkedHashMap<>(fields);
        signed.put(SecureHash.FIELD, hash.sign(fields));
        HttpRequest request = HttpRequest.newBuilder(settings.endpoint(path))
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(signed), StandardCharsets.UTF_8))
                .build();
        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            String what = e.getClass().getSimpleName();
            if (ProviderHttp.wasNotSent(e)) {
                log.warn("jazzcash " + operation + " " + reference + ": not sent (" + what + ")");
                return new Exchange.NotSent("could not reach " + settings.baseUrl().getHost() + " (" + what
                        + "); nothing was sent", e);
            }
            log.warn("jazzcash " + operation + " " + reference + ": no answer after " + millis(started) + " ms (" + what
                    + ")");
            return new Exchange.Lost("no answer from JazzCash (" + what + " after " + millis(started) + " ms)");
        } catch (InterruptedException e) {
            // The core's timeout or shutdown: end the call as a response timeout would.
            Thread.currentThread().interrupt();
            log.warn("jazzcash " + operation + " " + reference + ": interrupted after " + millis(started) + " ms");
            return new Exchange.Lost("interrupted while waiting for JazzCash (the call's time budget ran out)");
        }
        Exchange exchange = read(response, reference);
        log.info("jazzcash " + operation + " " + reference + ": HTTP " + response.statusCode() + ", "
                + describe(exchange) + ", " + millis(started) + " ms");
        return exchange;
    }

    private Exchange read(HttpResponse<String> response, String reference) {
        int status = response.statusCode();
        if (status == 429 || status == 503) {
            return new Exchange.Busy(status, retryAfter(response));
        }
        if (status < 200 || status > 299) {
            return new Exchange.Unusable("HTTP " + status + " from JazzCash instead of its JSON answer");
        }
        Map<String, String> fields;
        try {
            fields = Json.parseFlatObject(response.body());
        } catch (JsonException e) {
            // JazzCash's firewall answers 200 with an HTML "Request Rejected" page: a transport error. Describe it,
            // never paste it.
            String type = response.headers().firstValue("Content-Type").map(JazzCashApi::mediaType)
                    .orElse("no content type");
            return new Exchange.Unusable("HTTP " + status + " with a body that is not JazzCash's JSON (" + type + ", "
                    + response.body().length() + " characters: " + e.getMessage() + ")");
        }
        return answer(fields, reference);
    }

    /**
     * An answer in either of JazzCash's shapes: {@code pp_ResponseCode}, … with {@code pp_SecureHash}, or the
     * newer unprefixed {@code responseCode}, … with {@code secureHash}. Each is verified by its own rule
     * ({@link SecureHash}); the unprefixed one is then read under the {@code pp_} names, so that every
     * operation reads one shape. An answer that mixes the two is refused: a hash check could cover one
     * value and the plugin read the other.
     */
    private Exchange answer(Map<String, String> fields, String reference) {
        boolean prefixed = fields.containsKey("pp_ResponseCode");
        boolean unprefixed = fields.containsKey(UNPREFIXED_CODE);
        if (prefixed == unprefixed) {
            return new Exchange.Unusable(prefixed ? "JSON from JazzCash with both pp_ResponseCode and responseCode"
                    : "JSON from JazzCash without pp_ResponseCode or responseCode");
        }
        Optional<Map<String, String>> readable = prefixed ? Optional.of(fields) : withPrefixedNames(fields);
        if (readable.isEmpty()) {
            return new Exchange.Unusable("JSON from JazzCash that names a field both with and without pp_");
        }
        Exchange.Answer answer = new Exchange.Answer(readable.get(), true);
        if (answer.code().isEmpty()) {
            return new Exchange.Unusable("JSON from JazzCash without a response code");
        }
        Optional<String> about = answer.field("pp_TxnRefNo");
        if (about.isPresent() && !about.get().equals(reference)) {
            return new Exchange.Unusable("JazzCash answered about another pp_TxnRefNo than the one sent");
        }
        SecureHash.Verdict verdict = prefixed ? hash.verify(fields) : hash.verifyUnprefixed(fields);
        return switch (verdict) {
            case VALID -> answer;
            case MISSING -> new Exchange.Answer(readable.get(), false);
            case INVALID -> {
                String code = GatewayText.code(answer.code());
                log.error("jazzcash: an answer with code " + code + " carries a secure hash that does not verify;"
                        + " it is not trusted. If every answer fails, " + settings.keys().integritySalt()
                        + " does not match the merchant's integrity salt", null);
                yield new Exchange.Unusable("JazzCash's answer (code " + code + ") carries a secure hash that does"
                        + " not verify: not trusted");
            }
        };
    }

    /**
     * An unprefixed answer's fields under the names the prefixed shape uses: {@code responseCode} becomes
     * {@code pp_ResponseCode}, {@code secureHash} {@code pp_SecureHash}; a name that already starts with
     * {@code pp} stays. Empty if two names end up the same.
     */
    static Optional<Map<String, String>> withPrefixedNames(Map<String, String> fields) {
        Map<String, String> renamed = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            String name = field.getKey();
            String prefixedName = name.startsWith("pp") || name.isEmpty() ? name
                    : "pp_" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
            if (renamed.putIfAbsent(prefixedName, field.getValue()) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(renamed);
    }

    /** For the log line; {@link #read} returns only these three kinds. */
    private static String describe(Exchange exchange) {
        if (exchange instanceof Exchange.Answer answer) {
            return "code " + GatewayText.code(answer.code()) + (answer.signed() ? "" : " (unsigned)");
        }
        return exchange instanceof Exchange.Busy ? "busy" : "unusable answer";
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

    /** A Content-Type fit for a detail: its usual characters only, short. */
    private static String mediaType(String header) {
        String safe = MEDIA_TYPE_NOISE.matcher(header).replaceAll("");
        return safe.length() <= 60 ? safe : safe.substring(0, 60) + "…";
    }

    private static long millis(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    @Override
    public String toString() {
        return "JazzCashApi[" + settings.baseUrl() + "]";
    }
}
