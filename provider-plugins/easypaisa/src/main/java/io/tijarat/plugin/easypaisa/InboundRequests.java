package io.tijarat.plugin.easypaisa;

import io.tijarat.spi.CallbackReply;
import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.payment.CallbackOutcome;
import io.tijarat.spi.payment.InquiryOutcome;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads what EasyPaisa sends us: the IPN, and the customer's browser coming back from the hosted
 * checkout. <b>Nothing EasyPaisa sends here is signed</b>, so nothing here changes an attempt: every
 * result is {@link CallbackOutcome.Verified} with {@code confirmByInquiry}, and the core inquires before
 * it believes a word. The reported status is passed on as a hint only.
 *
 * <ul>
 *   <li><b>IPN</b> ({@code NOTIFICATION}): {@code ?url=<EasyPaisa URL>}, whose last path segment is our
 *       order id. The URL is <b>never fetched</b> — a forged IPN could point it anywhere; its host must
 *       merely be EasyPaisa's, or the request is rejected. Status: {@code Unknown} ("something happened").</li>
 *   <li><b>First return</b> ({@code CUSTOMER_RETURN} with {@code auth_token}): {@link
 *       CallbackOutcome.ContinueCheckout} with the second form, to {@code /easypay/Confirm.jsf}.</li>
 *   <li><b>Final return</b> ({@code status}, {@code desc}, {@code orderRefNumber}, for vouchers
 *       {@code paymentToken}): the status as a hint — {@code 0000} with a token is {@code Pending} (a voucher
 *       to pay), {@code 0000} without is {@code Unknown} (there is no amount to report a payment with), any
 *       other status {@code Failed}.</li>
 * </ul>
 * Malformed, ambiguous or foreign requests are {@link CallbackOutcome.Rejected}. Stateless and thread-safe.
 */
final class InboundRequests {

    private static final String SUCCESS = "0000";
    private static final Pattern AUTH_TOKEN = Pattern.compile("[A-Za-z0-9._~+/=-]{1,512}");
    private static final Pattern STATUS = Pattern.compile("[A-Za-z0-9_-]{1,16}");
    private static final Pattern PAYMENT_TOKEN = Pattern.compile("[A-Za-z0-9-]{1,40}");

    private final EasyPaisaSettings settings;
    private final HostedCheckout checkout;

    InboundRequests(EasyPaisaSettings settings, HostedCheckout checkout) {
        this.settings = settings;
        this.checkout = checkout;
    }

    CallbackOutcome verify(CallbackRequest request) {
        Map<String, String> parameters;
        try {
            parameters = parameters(request);
        } catch (IllegalArgumentException e) {
            return new CallbackOutcome.Rejected("unreadable parameters: " + e.getMessage());
        }
        return switch (request.source()) {
            case NOTIFICATION -> notification(parameters);
            case CUSTOMER_RETURN -> customerReturn(parameters, request.uri());
        };
    }

    private CallbackOutcome notification(Map<String, String> parameters) {
        String url = parameters.get("url");
        if (url == null || url.isBlank()) {
            return new CallbackOutcome.Rejected("an EasyPaisa IPN carries ?url=…; this request has none");
        }
        URI named;
        try {
            named = new URI(url.strip());
        } catch (URISyntaxException e) {
            return new CallbackOutcome.Rejected("the IPN's url is not a URL");
        }
        String scheme = Optional.ofNullable(named.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        String host = Optional.ofNullable(named.getHost()).orElse("").toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || !settings.easyPaisaHosts().contains(host)) {
            return new CallbackOutcome.Rejected("the IPN's url does not point at EasyPaisa (" + settings.baseUrl().getHost()
                    + "); not ours");
        }
        Optional<IdempotencyKey> attemptId = attempt(lastSegment(Optional.ofNullable(named.getPath()).orElse("")));
        if (attemptId.isEmpty()) {
            return new CallbackOutcome.Rejected("the last path segment of the IPN's url is not one of our attempt ids");
        }
        // The URL names the event: a redelivery repeats it exactly.
        String eventKey = "easypaisa:ipn:" + attemptId.get() + ":" + digest(named.toString());
        return new CallbackOutcome.Verified(eventKey, attemptId.get(), new InquiryOutcome.Unknown(
                "EasyPaisa IPN (unsigned, not fetched): something happened to attempt " + attemptId.get()),
                true, CallbackReply.ok());
    }

    private CallbackOutcome customerReturn(Map<String, String> parameters, URI arrivedAt) {
        Optional<IdempotencyKey> ours = Optional.ofNullable(parameters.get(EasyPaisaSettings.ATTEMPT_PARAMETER))
                .flatMap(InboundRequests::attempt);
        if (parameters.containsKey("auth_token")) {
            return firstReturn(parameters.get("auth_token"), ours, arrivedAt);
        }
        if (parameters.containsKey("status")) {
            return finalReturn(parameters, ours);
        }
        return new CallbackOutcome.Rejected("a return from EasyPaisa carries auth_token or status; this one neither");
    }

    private CallbackOutcome firstReturn(String authToken, Optional<IdempotencyKey> attemptId, URI arrivedAt) {
        if (attemptId.isEmpty()) {
            return new CallbackOutcome.Rejected("an auth_token return without our " + EasyPaisaSettings.ATTEMPT_PARAMETER
                    + " parameter: not a postBackURL this plugin made");
        }
        if (!AUTH_TOKEN.matcher(authToken).matches()) {
            return new CallbackOutcome.Rejected("the auth_token is empty, too long or has unexpected characters");
        }
        return new CallbackOutcome.ContinueCheckout(attemptId.get(), checkout.confirm(authToken, withoutAuthToken(arrivedAt)));
    }

    /**
     * The {@code postBackURL} the browser came back to, less the {@code auth_token} EasyPaisa appended (with
     * {@code &}, or with {@code ?} after a URL that already had a query).
     */
    static String withoutAuthToken(URI arrivedAt) {
        String text = arrivedAt.toString();
        int query = text.indexOf('?');
        if (query < 0) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.substring(0, query));
        char separator = '?';
        for (String pair : text.substring(query + 1).split("[&?]")) {
            if (pair.isEmpty() || pair.startsWith("auth_token=") || pair.equals("auth_token")) {
                continue;
            }
            kept.append(separator).append(pair);
            separator = '&';
        }
        return kept.toString();
    }

    private CallbackOutcome finalReturn(Map<String, String> parameters, Optional<IdempotencyKey> ours) {
        Optional<String> reference = Optional.ofNullable(parameters.get("orderRefNumber")).filter(v -> !v.isBlank());
        Optional<IdempotencyKey> theirs = reference.flatMap(InboundRequests::attempt);
        if (reference.isPresent() && theirs.isEmpty()) {
            return new CallbackOutcome.Rejected("the orderRefNumber is not one of our attempt ids");
        }
        if (ours.isPresent() && theirs.isPresent() && !ours.equals(theirs)) {
            return new CallbackOutcome.Rejected("the orderRefNumber and our attempt parameter name different attempts");
        }
        Optional<IdempotencyKey> attemptId = theirs.or(() -> ours);
        if (attemptId.isEmpty()) {
            return new CallbackOutcome.Rejected("a return with a status names no attempt");
        }
        String status = parameters.get("status").strip();
        if (!STATUS.matcher(status).matches()) {
            return new CallbackOutcome.Rejected("the status is empty, too long or has unexpected characters");
        }
        InquiryOutcome hint;
        if (!status.equals(SUCCESS)) {
            hint = new InquiryOutcome.Failed(status, "the customer's browser came back with status " + status
                    + " (unsigned; to be confirmed by inquiry)");
        } else if (Optional.ofNullable(parameters.get("paymentToken")).filter(t -> PAYMENT_TOKEN.matcher(t).matches())
                .isPresent()) {
            hint = new InquiryOutcome.Pending(Optional.empty());
        } else {
            hint = new InquiryOutcome.Unknown("the customer's browser came back with status 0000 (unsigned; to be"
                    + " confirmed by inquiry)");
        }
        return new CallbackOutcome.Verified("easypaisa:return:" + attemptId.get() + ":" + status, attemptId.get(),
                hint, true, CallbackReply.ok());
    }

    /**
     * The query string's parameters, and a form body's. Read leniently in one way only: {@code ?} counts as a
     * separator, because EasyPaisa may append {@code ?auth_token=…} to a {@code postBackURL} that already has
     * a query. A name given twice with different values is refused: two readers could take different ones.
     */
    private static Map<String, String> parameters(CallbackRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Optional.ofNullable(request.uri().getRawQuery()).ifPresent(query -> parse(query, parameters));
        boolean form = request.header("Content-Type").map(type -> type.toLowerCase(Locale.ROOT)
                .startsWith("application/x-www-form-urlencoded")).orElse(false);
        if (form) {
            parse(request.bodyText(), parameters);
        }
        return parameters;
    }

    private static void parse(String encoded, Map<String, String> into) {
        for (String pair : encoded.split("[&?]")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            String earlier = into.putIfAbsent(name, value);
            if (earlier != null && !earlier.equals(value)) {
                throw new IllegalArgumentException("parameter '" + GatewayText.clean(name)
                        + "' appears twice with different values");
            }
        }
    }

    private static Optional<IdempotencyKey> attempt(String text) {
        try {
            return Optional.of(IdempotencyKey.of(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String lastSegment(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
