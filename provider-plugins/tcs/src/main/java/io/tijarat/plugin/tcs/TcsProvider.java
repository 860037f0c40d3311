package io.tijarat.plugin.tcs;

import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.geo.PakistanCities;
import io.tijarat.spi.json.Json;
import io.tijarat.spi.shipping.BookingOutcome;
import io.tijarat.spi.shipping.CancelOutcome;
import io.tijarat.spi.shipping.CityCoverage;
import io.tijarat.spi.shipping.RateQuote;
import io.tijarat.spi.shipping.RateRequest;
import io.tijarat.spi.shipping.ShipmentRequest;
import io.tijarat.spi.shipping.ShipmentTracking;
import io.tijarat.spi.shipping.ShippingProvider;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** TCS through its COD API. Thread-safe: the only state is the cached city list. */
final class TcsProvider implements ShippingProvider {

    /** The consignment number at the end of bookingReply.result, "… : 779412345678". */
    private static final Pattern CN = Pattern.compile(":\\s*(\\d{6,20})\\s*$");

    private final TcsSettings settings;
    private final TcsApi api;
    private final Clock clock;
    private final TcsCities<String> cities;

    TcsProvider(TcsSettings settings, TcsApi api, Clock clock) {
        this.settings = settings;
        this.api = api;
        this.clock = clock;
        this.cities = new TcsCities<>(clock, settings.cityListTtl(), this::loadCities);
    }

    /** TCS's city list ({@code GET cities}): its names, found through the canonical list. */
    private Map<String, String> loadCities() {
        TcsApi.Reply reply = api.cod("GET", "cities", null);
        Map<String, String> loaded = new HashMap<>();
        if (reply.ok()) {
            for (Object item : Json.array(reply.body(), "allCities").orElse(List.of())) {
                if (item instanceof Map<?, ?> raw) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> c = (Map<String, Object>) raw;
                    Json.text(c, "cityName").ifPresent(n -> loaded.put(PakistanCities.get().key(n), n));
                }
            }
        }
        if (loaded.isEmpty()) {
            throw new TransientProviderException("TCS's city list is not available ("
                    + (reply.lost() ? reply.lostBecause().get() : "code " + reply.code()) + ")");
        }
        return loaded;
    }

    private Optional<String> city(String name) {
        return cities.find(name);
    }

    @Override
    public CityCoverage coverage(String name) {
        // TCS collects cash wherever it delivers; its city list has no pickup flag
        return city(name).map(c -> new CityCoverage(name, Optional.of(c), true, true, true))
                .orElse(CityCoverage.notCovered(name));
    }

    @Override
    public List<RateQuote> quote(RateRequest request) {
        return city(request.destinationCity()).isEmpty() ? List.of() : settings.rates().quote(request);
    }

    @Override
    public BookingOutcome book(ShipmentRequest request) {
        Optional<String> to = city(request.consignee().city());
        Optional<String> from = city(settings.rates().originCity());
        if (to.isEmpty()) {
            return new BookingOutcome.Rejected("CITY_NOT_SERVED", "TCS does not deliver to " + request.consignee().city());
        }
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("userName", settings.userName());
        order.put("password", settings.password().reveal());
        order.put("costCenterCode", settings.costCenter());
        order.put("consigneeName", request.consignee().name());
        order.put("consigneeAddress", request.consignee().address());
        order.put("consigneeMobNo", request.consignee().phone().pakistanLocal().orElse(request.consignee().phone().value()));
        order.put("consigneeEmail", request.consignee().email().map(Object::toString).orElse(""));
        order.put("originCityName", from.orElse(settings.rates().originCity()));
        order.put("destinationCityName", to.get());
        // kilograms, with grams as decimals
        order.put("weight", BigDecimal.valueOf(request.parcel().weightGrams(), 3).stripTrailingZeros());
        order.put("pieces", request.parcel().pieces());
        order.put("codAmount", String.valueOf(request.codAmount().map(Money::wholeUnits).orElse(0L)));
        order.put("customerReferenceNo", request.orderNumber());
        order.put("services", request.serviceCode().orElse(settings.rates().service()));
        order.put("productDetails", request.contents());
        order.put("fragile", "No");
        order.put("remarks", request.instructions().orElse(""));
        order.put("insuranceValue", "0");
        TcsApi.Reply reply = api.cod("POST", "create-order", order);
        if (reply.lost()) {
            return new BookingOutcome.Unknown(reply.lostBecause().get() + "; the order may have been created");
        }
        if (reply.code().equals("0429")) {
            throw new TransientProviderException("TCS is refusing requests for now (0429)");
        }
        if (reply.code().startsWith("05")) {
            return new BookingOutcome.Unknown("TCS answered " + reply.code() + "; the order may have been created");
        }
        if (!reply.ok()) {
            return new BookingOutcome.Rejected(reply.code().isEmpty() ? "FAIL" : reply.code(),
                    reply.message().isBlank() ? "TCS refused the order" : reply.message());
        }
        Optional<String> result = Json.object(reply.body(), "bookingReply").flatMap(b -> Json.text(b, "result"));
        Matcher cn = CN.matcher(result.orElse(""));
        return cn.find() ? new BookingOutcome.Booked(cn.group(1), Optional.empty(), Optional.empty())
                : new BookingOutcome.Unknown("TCS said SUCCESS but its reply names no consignment number");
    }

    @Override
    public Optional<ShipmentTracking> track(String trackingNumber) {
        URI uri = URI.create(settings.trackingUrl() + "?consignmentNo=" + URLEncoder.encode(trackingNumber, StandardCharsets.UTF_8));
        TcsApi.Reply reply = api.get(uri);
        if (reply.lost()) {
            throw new TransientProviderException(reply.lostBecause().get());
        }
        if (reply.code().equals("0404")) {
            return Optional.empty();
        }
        if (!reply.ok()) {
            throw new TransientProviderException("TCS tracking answered " + reply.code());
        }
        Map<String, Object> detail = Json.object(reply.body(), "TrackDetailReply").orElse(Map.of());
        List<ShipmentTracking.Event> events = new ArrayList<>();
        for (String list : List.of("Checkpoints", "DeliveryInfo")) {
            for (Object item : Json.array(detail, list).orElse(List.of())) {
                if (item instanceof Map<?, ?> raw) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> step = (Map<String, Object>) raw;
                    String words = Json.text(step, "status").orElse("update");
                    events.add(new ShipmentTracking.Event(TcsStatus.at(Json.text(step, "dateTime"), clock),
                            TcsStatus.of(Json.text(step, "code").orElse(""), words), words,
                            Json.text(step, "station").or(() -> Json.text(step, "recievedAt"))));
                }
            }
        }
        return Optional.of(TcsStatus.tracking(trackingNumber, events));
    }

    @Override
    public CancelOutcome cancel(IdempotencyKey key, String trackingNumber) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userName", settings.userName());
        body.put("password", settings.password().reveal());
        body.put("consignmentNumber", trackingNumber);
        TcsApi.Reply reply = api.cod("PUT", "cancel-order", body);
        if (reply.lost()) {
            return new CancelOutcome.Unknown(reply.lostBecause().get());
        }
        if (reply.ok() || reply.message().toLowerCase(java.util.Locale.ROOT).contains("already cancel")) {
            return new CancelOutcome.Cancelled();
        }
        return new CancelOutcome.Rejected(reply.code().isEmpty() ? "FAIL" : reply.code(),
                reply.message().isBlank() ? "TCS refused the cancellation" : reply.message());
    }

    @Override
    public String toString() {
        return "TcsProvider[" + settings + "]";
    }
}
