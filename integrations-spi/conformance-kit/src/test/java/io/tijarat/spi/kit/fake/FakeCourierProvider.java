package io.tijarat.spi.kit.fake;

import io.tijarat.spi.CallbackReply;
import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.ProviderContext;
import io.tijarat.spi.Secret;
import io.tijarat.spi.shipping.BookingOutcome;
import io.tijarat.spi.shipping.CityCoverage;
import io.tijarat.spi.shipping.ShipmentRequest;
import io.tijarat.spi.shipping.ShipmentTracking;
import io.tijarat.spi.shipping.ShippingProvider;
import io.tijarat.spi.shipping.TrackingCallbackOutcome;
import io.tijarat.spi.shipping.TrackingStatus;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Books with {@code POST /bookings}, answered by {@code {"status":1,"cn":…}} (booked) or
 * {@code {"status":0,"error":…}} (refused, with HTTP 200, as Pakistani couriers do). Serves two cities.
 * Pushes tracking webhooks {@code {"event":…,"cn":…,"status":…,"at":…}}, signed with HMAC-SHA256 of the
 * raw body under the webhook secret, hex, in {@code X-Courier-Signature}.
 */
final class FakeCourierProvider implements ShippingProvider {

    private static final Set<String> CITIES = Set.of("karachi", "lahore");

    private final FakeGateway gateway;
    static final String SIGNATURE_HEADER = "X-Courier-Signature";
    private static final Pattern FIELD = Pattern.compile("\"(event|cn|status|at)\"\\s*:\\s*\"([^\"]*)\"");

    private final Secret apiKey;
    private final Secret webhookSecret;
    private final Quirk quirk;

    FakeCourierProvider(ProviderContext context, Quirk quirk) {
        this.quirk = quirk;
        this.apiKey = context.config().secret("api-key");
        this.webhookSecret = context.config().secret("webhook-secret");
        this.gateway = new FakeGateway(context, Fakes.baseUrl(context, quirk), quirk);
    }

    @Override
    public CityCoverage coverage(String city) {
        boolean served = CITIES.contains(city.strip().toLowerCase(Locale.ROOT));
        return served ? new CityCoverage(city, Optional.of(city.strip().toUpperCase(Locale.ROOT)), true, true, true)
                : CityCoverage.notCovered(city);
    }

    @Override
    public BookingOutcome book(ShipmentRequest request) {
        String reference = request.orderNumber();
        long cod = request.codAmount().map(m -> quirk == Quirk.SENDS_COD_IN_PAISA ? m.minorUnits() : m.wholeUnits())
                .orElse(0L);
        String json = "{\"orderRef\":\"" + reference + "\",\"city\":\"" + request.consignee().city()
                + "\",\"grams\":" + request.parcel().weightGrams() + ",\"cod\":" + cod + "}";
        FakeGateway.Result result = gateway.post("/bookings", json, reference, apiKey.reveal());
        if (result instanceof FakeGateway.Result.MaybeSent maybe) {
            return new BookingOutcome.Unknown(maybe.detail());
        }
        if (result instanceof FakeGateway.Result.HttpError error) {
            return new BookingOutcome.Unknown("HTTP " + error.status());
        }
        FakeGateway.Result.Json answer = (FakeGateway.Result.Json) result;
        return switch (answer.field("status").orElse("")) {
            case "1" -> new BookingOutcome.Booked(answer.field("cn").orElse("?"), Optional.empty(), Optional.empty());
            case "0" -> new BookingOutcome.Rejected("0", answer.field("error").orElse("refused"));
            default -> new BookingOutcome.Unknown("unexpected answer");
        };
    }

    @Override
    public TrackingCallbackOutcome verifyTrackingCallback(CallbackRequest request) {
        Optional<String> signature = request.header(SIGNATURE_HEADER);
        if (signature.isEmpty()) {
            return new TrackingCallbackOutcome.Rejected("no " + SIGNATURE_HEADER + " header");
        }
        if (quirk != Quirk.ACCEPTS_TAMPERED_WEBHOOKS && !MessageDigest.isEqual(
                sign(webhookSecret, request.body()).getBytes(StandardCharsets.US_ASCII),
                signature.get().getBytes(StandardCharsets.US_ASCII))) {
            return new TrackingCallbackOutcome.Rejected("the signature does not match the body");
        }
        java.util.Map<String, String> fields = new java.util.HashMap<>();
        Matcher matcher = FIELD.matcher(request.bodyText());
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2));
        }
        if (!fields.keySet().containsAll(List.of("event", "cn", "status", "at"))) {
            return new TrackingCallbackOutcome.Rejected("a signed webhook without event, cn, status and at");
        }
        try {
            String cn = fields.get("cn");
            TrackingStatus status = TrackingStatus.valueOf(fields.get("status"));
            Instant at = Instant.parse(fields.get("at"));
            ShipmentTracking tracking = new ShipmentTracking(cn, status,
                    List.of(new ShipmentTracking.Event(at, status, status.name(), Optional.empty())));
            return new TrackingCallbackOutcome.Verified(fields.get("event"), cn, tracking, CallbackReply.ok());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return new TrackingCallbackOutcome.Rejected("a signed webhook the plugin cannot read");
        }
    }

    /** HMAC-SHA256 of {@code body} under {@code key}, lower-case hex, as the courier signs its webhooks. */
    static String sign(Secret key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from the JDK", e);
        }
    }
}
