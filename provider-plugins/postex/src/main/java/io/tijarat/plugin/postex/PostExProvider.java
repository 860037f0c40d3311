package io.tijarat.plugin.postex;

import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.json.Json;
import io.tijarat.spi.json.JsonException;
import io.tijarat.spi.shipping.BookingOutcome;
import io.tijarat.spi.shipping.CancelOutcome;
import io.tijarat.spi.shipping.CityCoverage;
import io.tijarat.spi.shipping.RateQuote;
import io.tijarat.spi.shipping.RateRequest;
import io.tijarat.spi.shipping.ShipmentRequest;
import io.tijarat.spi.shipping.ShipmentTracking;
import io.tijarat.spi.shipping.ShippingLabel;
import io.tijarat.spi.shipping.ShippingProvider;
import io.tijarat.spi.shipping.TrackingStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** PostEx through its COD API. Thread-safe: the only state is the cached city list. */
final class PostExProvider implements ShippingProvider {

    /** The one service PostEx offers through the API (its "Normal" order type). */
    static final String SERVICE = "NORMAL";
    private static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss][.SSS]");

    private final PostExSettings settings;
    private final PostExApi api;
    private final Clock clock;
    private final PostExCities cities;

    PostExProvider(PostExSettings settings, PostExApi api, Clock clock) {
        this.settings = settings;
        this.api = api;
        this.clock = clock;
        this.cities = new PostExCities(api, clock, settings.cityListTtl());
    }

    @Override
    public CityCoverage coverage(String city) {
        return cities.find(city).map(c -> new CityCoverage(city, Optional.of(c.name()), c.pickup(), c.delivery(),
                c.delivery())).orElse(CityCoverage.notCovered(city));
    }

    @Override
    public List<RateQuote> quote(RateRequest request) {
        if (!coverage(request.destinationCity()).delivery()) {
            return List.of();
        }
        boolean sameCity = io.tijarat.spi.geo.PakistanCities.get().key(request.destinationCity())
                .equals(io.tijarat.spi.geo.PakistanCities.get().key(settings.originCity()));
        OptionalLong delivery = (sameCity ? settings.sameCity() : settings.otherCities())
                .charge(request.parcel().weightGrams());
        if (delivery.isEmpty()) {
            return List.of();
        }
        long charge = delivery.getAsLong();
        long fuel = percent(charge, settings.fuelPercent());
        // the cash-handling fee only for cash on delivery: a prepaid order pays none
        long codFee = request.codAmount().map(cod -> percent(cod.minorUnits(), settings.codFeePercent())).orElse(0L);
        long gst = percent(charge + fuel + codFee, settings.gstPercent());
        return List.of(new RateQuote(SERVICE, "PostEx", Money.pkr(charge + fuel + codFee + gst), Duration.ofHours(6),
                Optional.empty()));
    }

    private static long percent(long paisa, int percent) {
        return (paisa * percent + 50) / 100;
    }

    @Override
    public BookingOutcome book(ShipmentRequest request) {
        // Everything that can fail before the order is sent fails for certain: transient or Rejected, never Unknown.
        Optional<PostExCities.City> city = cities.find(request.consignee().city());
        if (city.isEmpty() || !city.get().delivery()) {
            return new BookingOutcome.Rejected("CITY_NOT_SERVED", "PostEx does not deliver to "
                    + request.consignee().city());
        }
        Optional<String> phone = request.consignee().phone().pakistanLocal();
        if (phone.isEmpty()) {
            return new BookingOutcome.Rejected("PHONE", "PostEx takes Pakistani mobile numbers (03xxxxxxxxx) only");
        }
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("orderRefNumber", request.orderNumber());
        // whole rupees, exactly what the customer was told; 0 for a prepaid order
        order.put("invoicePayment", request.codAmount().map(Money::wholeUnits).orElse(0L));
        order.put("orderDetail", request.contents());
        order.put("customerName", request.consignee().name());
        order.put("customerPhone", phone.get());
        order.put("deliveryAddress", request.consignee().address());
        request.instructions().ifPresent(notes -> order.put("transactionNotes", notes));
        order.put("cityName", city.get().name());
        order.put("invoiceDivision", 1);
        order.put("items", request.parcel().pieces());
        order.put("orderType", request.reverse() ? "Reverse" : "Normal");
        settings.pickupAddressCode().ifPresent(code -> order.put("pickupAddressCode", code));
        settings.storeAddressCode().ifPresent(code -> order.put("storeAddressCode", code));

        PostExApi.Answer answer = api.post("v3/create-order", Json.write(order));
        if (answer.isLost()) {
            return new BookingOutcome.Unknown(answer.lostBecause().get() + "; the order may have been created");
        }
        refuseBadToken(answer);
        if (answer.status() == 400) {
            return new BookingOutcome.Rejected("400", "PostEx refused the order's fields: " + brief(answer.text()));
        }
        if (answer.status() != 200) {
            return new BookingOutcome.Unknown("PostEx answered HTTP " + answer.status() + "; the order may have been created");
        }
        Map<String, Object> body;
        try {
            body = Json.parseObject(answer.text());
        } catch (JsonException e) {
            return new BookingOutcome.Unknown("PostEx answered with something that is not JSON");
        }
        String code = Json.text(body, "statusCode").orElse("");
        if (!code.equals("200")) {
            // HTTP 200 with the refusal in the body, e.g. statusCode "404"
            return new BookingOutcome.Rejected(code.isEmpty() ? "UNKNOWN" : code,
                    Json.text(body, "statusMessage").orElse("PostEx refused the order"));
        }
        Optional<String> tracking = Json.object(body, "dist").flatMap(dist -> Json.text(dist, "trackingNumber"));
        return tracking.<BookingOutcome>map(t -> new BookingOutcome.Booked(t, Optional.empty(), Optional.empty()))
                .orElseGet(() -> new BookingOutcome.Unknown("PostEx said the order was created but gave no tracking number"));
    }

    @Override
    public ShippingLabel label(String trackingNumber) {
        PostExApi.Answer answer = api.get("v1/get-invoice?trackingNumbers=" + encode(trackingNumber));
        if (answer.isLost()) {
            throw new TransientProviderException(answer.lostBecause().get());
        }
        refuseBadToken(answer);
        boolean pdf = answer.status() == 200 && answer.body().length > 4
                && new String(answer.body(), 0, 4, StandardCharsets.US_ASCII).equals("%PDF");
        if (!pdf) {
            throw new TransientProviderException("PostEx gave no airway bill for " + trackingNumber + " (HTTP "
                    + answer.status() + ")");
        }
        return new ShippingLabel.Document("application/pdf", answer.body());
    }

    @Override
    public Optional<ShipmentTracking> track(String trackingNumber) {
        PostExApi.Answer answer = api.get("v1/track-order/" + encode(trackingNumber));
        if (answer.isLost()) {
            throw new TransientProviderException(answer.lostBecause().get());
        }
        refuseBadToken(answer);
        if (answer.status() != 200) {
            throw new TransientProviderException("PostEx tracking answered HTTP " + answer.status());
        }
        Map<String, Object> body;
        try {
            body = Json.parseObject(answer.text());
        } catch (JsonException e) {
            throw new TransientProviderException("PostEx tracking answered with something that is not JSON");
        }
        if (!Json.text(body, "statusCode").orElse("").equals("200")) {
            return Optional.empty(); // statusCode "404": PostEx does not know the number
        }
        Map<String, Object> dist = Json.object(body, "dist").orElse(Map.of());
        List<ShipmentTracking.Event> events = new ArrayList<>();
        for (Object item : Json.array(dist, "transactionStatusHistory").orElse(List.of())) {
            if (item instanceof Map<?, ?> raw) {
                @SuppressWarnings("unchecked")
                Map<String, Object> step = (Map<String, Object>) raw;
                TrackingStatus status = PostExStatus.ofHistoryCode(Json.text(step, "transactionStatusMessageCode").orElse(""));
                String wording = Json.text(step, "transactionStatusMessage").orElse(status.name());
                events.add(new ShipmentTracking.Event(when(step), status, wording, Optional.empty()));
            }
        }
        TrackingStatus current = Json.text(dist, "orderStatusId").map(PostExStatus::ofOrderStatus)
                .orElseGet(() -> events.isEmpty() ? TrackingStatus.BOOKED
                        : new ShipmentTracking(trackingNumber, TrackingStatus.BOOKED, events).latestEvent().get().status());
        return Optional.of(new ShipmentTracking(trackingNumber, current, events));
    }

    /** When a history step happened: PostEx writes Pakistan local time; a step without a time gets now. */
    private Instant when(Map<String, Object> step) {
        for (String name : List.of("modifiedDatetime", "updatedAt", "transactionDate", "createdDatetime")) {
            Optional<String> text = Json.text(step, name);
            if (text.isPresent()) {
                try {
                    return OffsetDateTime.parse(text.get()).toInstant();
                } catch (DateTimeParseException notOffset) {
                    try {
                        return LocalDateTime.parse(text.get(), LOCAL).atZone(PAKISTAN).toInstant();
                    } catch (DateTimeParseException unreadable) {
                        // try the next field
                    }
                }
            }
        }
        return clock.instant();
    }

    @Override
    public CancelOutcome cancel(IdempotencyKey key, String trackingNumber) {
        PostExApi.Answer answer = api.put("v1/cancel-order", Json.write(Map.of("trackingNumber", trackingNumber)));
        if (answer.isLost()) {
            return new CancelOutcome.Unknown(answer.lostBecause().get());
        }
        refuseBadToken(answer);
        if (answer.status() != 200) {
            return answer.status() == 400 ? new CancelOutcome.Rejected("400", brief(answer.text()))
                    : new CancelOutcome.Unknown("PostEx answered HTTP " + answer.status());
        }
        try {
            Map<String, Object> body = Json.parseObject(answer.text());
            String code = Json.text(body, "statusCode").orElse("");
            return code.equals("200") ? new CancelOutcome.Cancelled()
                    : new CancelOutcome.Rejected(code.isEmpty() ? "UNKNOWN" : code,
                    Json.text(body, "statusMessage").orElse("PostEx refused the cancellation (only before pickup)"));
        } catch (JsonException e) {
            return new CancelOutcome.Unknown("PostEx answered with something that is not JSON");
        }
    }

    /** A refused token is the operator's to fix: HTTP 401 "TOKEN IS INVALID". */
    private static void refuseBadToken(PostExApi.Answer answer) {
        if (answer.status() == 401 || answer.status() == 403) {
            throw new PermanentProviderException("PostEx refused the API token (HTTP " + answer.status()
                    + "): check tijarat.provider.postex.token");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The first 200 characters of an error body, on one line: for staff, never the whole page. */
    private static String brief(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }

    @Override
    public String toString() {
        return "PostExProvider[" + settings + "]";
    }
}
