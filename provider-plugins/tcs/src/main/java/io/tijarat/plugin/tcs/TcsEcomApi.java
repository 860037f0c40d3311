package io.tijarat.plugin.tcs;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * TCS's ECOM API ("OCI Connect") as the plugin uses it. Two credentials, as the integrations we read use them: the
 * bearer token TCS issues goes in the {@code Authorization} header of every call; the account's user name and password
 * buy an {@code accesstoken} ({@code GET ecom/api/authentication/token?username=&password=}, answered
 * {@code {accesstoken, expiry}}), which goes in the query of a GET and in the body of a POST. The access token is kept
 * until shortly before its expiry (25 minutes when TCS gives none it can read) and bought again once when a call is
 * refused with 401. A request that never left is a {@link TransientProviderException}; one that may have arrived
 * without an answer is {@link Answer#lost()}; credentials TCS refuses are permanent.
 */
final class TcsEcomApi {

    static final String PRODUCTION = "https://ociconnect.tcscourier.com/";
    static final String UAT = "https://devconnect.tcscourier.com/";
    static final Duration DEFAULT_TOKEN_LIFE = Duration.ofMinutes(25);
    private static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss][.SSS]");

    private final ProviderHttp http;
    private final TcsEcomSettings settings;
    private final Clock clock;
    private volatile Token token;

    private record Token(String value, Instant until) {
    }

    TcsEcomApi(ProviderHttp http, TcsEcomSettings settings, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.clock = clock;
    }

    /** An HTTP answer as it came, or none ({@code status} 0) when the request may have arrived but no answer came. */
    record Answer(int status, byte[] body, String contentType, Optional<String> lostBecause) {
        static Answer lost(String why) {
            return new Answer(0, new byte[0], "", Optional.of(why));
        }

        boolean lost() {
            return lostBecause.isPresent();
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body as a JSON object; empty if it is not one. */
        Optional<Map<String, Object>> json() {
            try {
                return Optional.of(Json.parseObject(text()));
            } catch (JsonException e) {
                return Optional.empty();
            }
        }
    }

    Answer get(String path, Map<String, String> params) {
        return call(fresh -> {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("accesstoken", accessToken(fresh));
            query.putAll(params);
            return HttpRequest.newBuilder(settings.baseUrl().resolve(path + "?" + query(query))).GET();
        });
    }

    Answer post(String path, Map<String, Object> members) {
        return call(fresh -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("accesstoken", accessToken(fresh));
            body.putAll(members);
            return HttpRequest.newBuilder(settings.baseUrl().resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8));
        });
    }

    private interface RequestFor {
        HttpRequest.Builder build(boolean freshToken);
    }

    /** One call; a 401 buys a new access token and asks once more (a refused request changed nothing). */
    private Answer call(RequestFor request) {
        Answer answer = send(request.build(false));
        if (answer.status() == 401) {
            answer = send(request.build(true));
        }
        if (answer.status() == 401 || answer.status() == 403) {
            throw refused();
        }
        return answer;
    }

    private String accessToken(boolean fresh) {
        Token known = token;
        if (!fresh && known != null && clock.instant().isBefore(known.until())) {
            return known.value();
        }
        Answer answer = send(HttpRequest.newBuilder(settings.baseUrl().resolve("ecom/api/authentication/token?"
                + query(Map.of("username", settings.userName(), "password", settings.password().reveal())))).GET());
        if (answer.lost()) {
            // nothing but the token was asked for: the call itself certainly did not happen
            throw new TransientProviderException("TCS gave no access token: " + answer.lostBecause().get());
        }
        if (answer.status() == 401 || answer.status() == 403) {
            throw refused();
        }
        Optional<String> value = answer.json().flatMap(b -> Json.text(b, "accesstoken").or(() -> Json.text(b, "accessToken")));
        if (answer.status() != 200 || value.isEmpty()) {
            if (answer.status() == 200 || answer.status() == 400) {
                throw refused(); // TCS answered, without a token: the user name or password is not accepted
            }
            throw new TransientProviderException("TCS gave no access token (HTTP " + answer.status() + ")");
        }
        Instant until = answer.json().flatMap(b -> Json.text(b, "expiry")).flatMap(this::instant)
                .map(expiry -> expiry.minus(Duration.ofMinutes(1)))
                .filter(expiry -> expiry.isAfter(clock.instant()))
                .orElse(clock.instant().plus(DEFAULT_TOKEN_LIFE));
        token = new Token(value.get(), until);
        return value.get();
    }

    private Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException notOffset) {
            try {
                return Optional.of(LocalDateTime.parse(text, LOCAL).atZone(PAKISTAN).toInstant());
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.header("Authorization", "Bearer "
                    + settings.bearerToken().reveal()).header("Accept", "application/pdf, application/json").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""), Optional.empty());
        } catch (IOException e) {
            if (ProviderHttp.wasNotSent(e)) {
                throw new TransientProviderException("TCS could not be reached: " + e.getClass().getSimpleName(), e);
            }
            return Answer.lost("no answer from TCS: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.lost("interrupted while waiting for TCS");
        }
    }

    private static String query(Map<String, String> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    URI trackingUrl(String consignment) {
        return settings.baseUrl().resolve("tracking/api/Tracking/GetDynamicTrackDetail?"
                + query(Map.of("consignee", consignment)));
    }

    /** Tracking: the bearer token only (it is not under {@code ecom/api}). */
    Answer track(String consignment) {
        Answer answer = send(HttpRequest.newBuilder(trackingUrl(consignment)).GET());
        if (answer.status() == 401 || answer.status() == 403) {
            throw refused();
        }
        return answer;
    }

    private static PermanentProviderException refused() {
        return new PermanentProviderException("TCS refused the credentials: check tijarat.provider.tcs-ecom.bearer-token,"
                + " user-name and password");
    }
}
