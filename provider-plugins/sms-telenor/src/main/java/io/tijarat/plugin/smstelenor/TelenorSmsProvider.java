package io.tijarat.plugin.smstelenor;

import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.ProviderHttp;
import io.tijarat.spi.Secret;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.notification.MessageRequest;
import io.tijarat.spi.notification.NotificationProvider;
import io.tijarat.spi.notification.Recipient;
import io.tijarat.spi.notification.SendOutcome;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends SMS through Telenor's corporate API. Thread-safe: one session id is shared by every send and renewed once
 * when Telenor says it expired (102), never in a loop.
 */
final class TelenorSmsProvider implements NotificationProvider {

    private static final Pattern RESPONSE = Pattern.compile("<response>\\s*([^<]*?)\\s*</response>", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATA = Pattern.compile("<data>\\s*([^<]*?)\\s*</data>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ERROR = Pattern.compile("(\\d{3})");

    private final ProviderHttp http;
    private final URI base;
    private final String msisdn;
    private final Secret password;
    private final String mask;
    private volatile String session;

    TelenorSmsProvider(ProviderHttp http, URI base, String msisdn, Secret password, String mask) {
        this.http = http;
        this.base = base;
        this.msisdn = msisdn;
        this.password = password;
        this.mask = mask;
    }

    /** Telenor's answer: OK with its data, an error code, or none (lost). */
    record Answer(boolean ok, String data, String errorCode, Optional<String> lostBecause) {
    }

    @Override
    public SendOutcome send(MessageRequest request) {
        if (!(request.recipient() instanceof Recipient.Phone phone) || !phone.number().isPakistani()) {
            return new SendOutcome.Rejected("MSISDN", "Telenor corporate SMS sends to Pakistani numbers only");
        }
        String to = phone.number().digits(); // 92XXXXXXXXXX
        String text = request.content().text();
        String current = session();
        Answer answer = sendWith(current, to, text);
        if (!answer.ok() && answer.errorCode().equals("102")) {
            // the session expired: log in again once, and send once more (the first send certainly did not go out)
            synchronized (this) {
                if (current.equals(session)) {
                    session = null;
                }
            }
            answer = sendWith(session(), to, text);
        }
        if (answer.lostBecause().isPresent()) {
            return new SendOutcome.Unknown(answer.lostBecause().get() + "; the message may have been sent");
        }
        if (answer.ok()) {
            return new SendOutcome.Accepted(answer.data().isBlank() ? "telenor-" + request.eventId().value() : answer.data());
        }
        return refusal(answer.errorCode(), answer.data());
    }

    /**
     * What each documented error means for this message: throughput limits (304, 305) and a session that expired
     * again are transient (nothing was sent; the outbox retries with back-off); a refused login (200), an invalid
     * mask (103) or no credit (100) need the operator (permanent, also retried by the outbox once fixed); a bad
     * number (201), a missing parameter (101) or a blocked number (300) are this message's own refusal.
     */
    static SendOutcome refusal(String code, String data) {
        return switch (code) {
            case "304", "305", "102" -> throw new TransientProviderException("Telenor refused for now (" + code
                    + "): throughput limit or session");
            case "200" -> throw new PermanentProviderException("Telenor refused the login (200): check"
                    + " tijarat.provider.sms-telenor.msisdn and password");
            case "103" -> throw new PermanentProviderException("Telenor refused the sender mask (103): check"
                    + " tijarat.provider.sms-telenor.mask is registered");
            case "100" -> throw new PermanentProviderException("Telenor account is out of credit (100): top it up");
            case "201" -> new SendOutcome.Rejected("201", "Telenor refused the number's format");
            case "300" -> new SendOutcome.Rejected("300", "Telenor blocked the number (do-not-call or blocked)");
            case "101" -> new SendOutcome.Rejected("101", "Telenor says a parameter is missing");
            default -> new SendOutcome.Rejected(code.isEmpty() ? "ERROR" : code, "Telenor refused the message: "
                    + (data.length() <= 100 ? data : data.substring(0, 100)));
        };
    }

    private Answer sendWith(String sessionId, String to, String text) {
        boolean unicode = !text.chars().allMatch(c -> c < 128);
        String query = "session_id=" + enc(sessionId) + "&to=" + enc(to) + "&text=" + enc(text) + "&mask=" + enc(mask)
                + (unicode ? "&unicode=true" : "");
        return call(base.resolve("sendsms.jsp?" + query));
    }

    /** The shared session, logging in when there is none. */
    private String session() {
        String current = session;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (session == null) {
                Answer login = call(base.resolve("auth.jsp?msisdn=" + enc(msisdn) + "&password=" + enc(password.reveal())));
                if (login.lostBecause().isPresent()) {
                    throw new TransientProviderException("Telenor login got no answer: " + login.lostBecause().get());
                }
                if (!login.ok()) {
                    if (login.errorCode().equals("200")) {
                        throw new PermanentProviderException("Telenor refused the login (200): check"
                                + " tijarat.provider.sms-telenor.msisdn and password");
                    }
                    throw new TransientProviderException("Telenor login failed (" + login.errorCode() + ")");
                }
                session = login.data();
            }
            return session;
        }
    }

    private Answer call(URI uri) {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            if (ProviderHttp.wasNotSent(e)) {
                throw new TransientProviderException("Telenor could not be reached: " + e.getClass().getSimpleName(), e);
            }
            return new Answer(false, "", "", Optional.of("no answer from Telenor: " + e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(false, "", "", Optional.of("interrupted while waiting for Telenor"));
        }
        Matcher r = RESPONSE.matcher(response.body());
        Matcher d = DATA.matcher(response.body());
        if (response.statusCode() != 200 || !r.find()) {
            return new Answer(false, "", "", Optional.of("Telenor answered HTTP " + response.statusCode()
                    + " without its XML answer"));
        }
        String data = d.find() ? d.group(1) : "";
        if (r.group(1).equalsIgnoreCase("OK")) {
            return new Answer(true, data, "", Optional.empty());
        }
        Matcher code = ERROR.matcher(data);
        return new Answer(false, data, code.find() ? code.group(1) : "", Optional.empty());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "TelenorSmsProvider[" + base + ", mask " + mask + "]";
    }
}
