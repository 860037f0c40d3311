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
import io.tijarat.spi.shipping.ShippingLabel;
import io.tijarat.spi.shipping.ShippingProvider;
import io.tijarat.spi.shipping.TrackingStatus;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * TCS through its ECOM API. Sources: the operations named in TCS's ECOM API material as integrators quote it
 * ({@code ecom/api/authentication/token}, {@code ecom/api/setup/citylistbycountry}, {@code ecom/api/booking/create},
 * {@code ecom/api/booking/cancel}, {@code ecom/api/print/label}, {@code tracking/api/Tracking/GetDynamicTrackDetail}),
 * and two independent open-source integrations for the bodies: the booking's {@code shipperinfo},
 * {@code consigneeinfo}, {@code vendorinfo} and {@code shipmentinfo}, names of 3 to 50 characters, the answer's
 * {@code consignmentNo}, refusals as an {@code error} list. Thread-safe: the state is the cached city list and the
 * access token.
 */
final class TcsEcomProvider implements ShippingProvider {

    private static final Pattern CURRENT = Pattern.compile("Current Status:\\s*([^\\n\\r]+)", Pattern.CASE_INSENSITIVE);

    /** One of TCS's cities: its code (KHI, LHE…) and name. */
    record City(String code, String name) {
    }

    private final TcsEcomSettings settings;
    private final TcsEcomApi api;
    private final Clock clock;
    private final TcsCities<City> cities;

    TcsEcomProvider(TcsEcomSettings settings, TcsEcomApi api, Clock clock) {
        this.settings = settings;
        this.api = api;
        this.clock = clock;
        this.cities = new TcsCities<>(clock, settings.cityListTtl(), this::loadCities);
    }

    /** TCS's city list ({@code citylistbycountry}): codes and names, found through the canonical list. */
    private Map<String, City> loadCities() {
        TcsEcomApi.Answer answer = api.get("ecom/api/setup/citylistbycountry", Map.of("countrycode", "PK"));
        Map<String, City> loaded = new HashMap<>();
        if (answer.status() == 200) {
            for (Object item : answer.json().flatMap(b -> Json.array(b, "data")).orElse(List.of())) {
                if (item instanceof Map<?, ?> raw) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> c = (Map<String, Object>) raw;
                    Optional<String> code = Json.text(c, "citycode");
                    Optional<String> cityName = Json.text(c, "cityname");
                    if (code.isPresent() && cityName.isPresent()) {
                        loaded.put(PakistanCities.get().key(cityName.get()), new City(code.get(), cityName.get()));
                    }
                }
            }
        }
        if (loaded.isEmpty()) {
            throw new TransientProviderException("TCS's city list is not available ("
                    + answer.lostBecause().orElse("HTTP " + answer.status()) + ")");
        }
        return loaded;
    }

    private Optional<City> city(String name) {
        return cities.find(name);
    }

    @Override
    public CityCoverage coverage(String name) {
        // TCS collects cash wherever it delivers; its city list has no pickup flag
        return city(name).map(c -> new CityCoverage(name, Optional.of(c.name()), true, true, true))
                .orElse(CityCoverage.notCovered(name));
    }

    @Override
    public List<RateQuote> quote(RateRequest request) {
        return city(request.destinationCity()).isEmpty() ? List.of() : settings.rates().quote(request);
    }

    @Override
    public BookingOutcome book(ShipmentRequest request) {
        // Everything that can fail before the booking leaves fails for certain: transient or Rejected, never Unknown.
        Optional<City> to = city(request.consignee().city());
        if (to.isEmpty()) {
            return new BookingOutcome.Rejected("CITY_NOT_SERVED", "TCS does not deliver to " + request.consignee().city());
        }
        Optional<String> mobile = request.consignee().phone().pakistanLocal();
        if (mobile.isEmpty()) {
            return new BookingOutcome.Rejected("PHONE", "TCS takes Pakistani mobile numbers (03xxxxxxxxx) only");
        }
        City from = city(settings.rates().originCity()).orElse(new City("", settings.rates().originCity()));
        Map<String, Object> shipper = new LinkedHashMap<>();
        shipper.put("tcsaccount", settings.account());
        shipper.put("shippername", name(settings.shipperName()));
        shipper.put("address1", settings.shipperAddress());
        shipper.put("countrycode", "PK");
        shipper.put("countryname", "Pakistan");
        shipper.put("citycode", from.code());
        shipper.put("cityname", from.name());
        shipper.put("mobile", settings.shipperMobile());
        Map<String, Object> consignee = new LinkedHashMap<>();
        consignee.put("firstname", name(request.consignee().name()));
        consignee.put("address1", request.consignee().address());
        consignee.put("mobile", mobile.get());
        request.consignee().email().ifPresent(email -> consignee.put("email", email.toString()));
        consignee.put("countrycode", "PK");
        consignee.put("countryname", "Pakistan");
        consignee.put("citycode", to.get().code());
        consignee.put("cityname", to.get().name());
        Map<String, Object> vendor = new LinkedHashMap<>();
        vendor.put("name", name(settings.shipperName()));
        vendor.put("address1", settings.shipperAddress());
        vendor.put("citycode", from.code());
        vendor.put("cityname", from.name());
        vendor.put("mobile", settings.shipperMobile());
        Map<String, Object> shipment = new LinkedHashMap<>();
        shipment.put("costcentercode", settings.costCenter());
        shipment.put("referenceno", request.orderNumber());
        shipment.put("contentdesc", request.contents());
        shipment.put("servicecode", request.serviceCode().orElse(settings.rates().service()));
        shipment.put("currency", "PKR");
        // whole rupees, exactly what the customer was told; 0 for a prepaid order
        shipment.put("codamount", request.codAmount().map(Money::wholeUnits).orElse(0L));
        shipment.put("weightinkg", BigDecimal.valueOf(request.parcel().weightGrams(), 3).stripTrailingZeros());
        shipment.put("pieces", request.parcel().pieces());
        shipment.put("fragile", false);
        request.instructions().ifPresent(notes -> shipment.put("remarks", notes));
        Map<String, Object> booking = new LinkedHashMap<>();
        booking.put("consignmentno", "");
        booking.put("shipperinfo", shipper);
        booking.put("consigneeinfo", consignee);
        booking.put("vendorinfo", vendor);
        booking.put("shipmentinfo", shipment);

        TcsEcomApi.Answer answer = api.post("ecom/api/booking/create", booking);
        if (answer.lost()) {
            return new BookingOutcome.Unknown(answer.lostBecause().get() + "; the consignment may have been booked");
        }
        if (answer.status() == 429) {
            throw new TransientProviderException("TCS is refusing requests for now (HTTP 429)");
        }
        if (answer.status() >= 500) {
            return new BookingOutcome.Unknown("TCS answered HTTP " + answer.status() + "; the consignment may have been booked");
        }
        Optional<Map<String, Object>> body = answer.json();
        if (body.isEmpty()) {
            return answer.status() == 200
                    ? new BookingOutcome.Unknown("TCS answered with something that is not JSON; the consignment may have been booked")
                    : new BookingOutcome.Rejected(String.valueOf(answer.status()), "TCS refused the booking (HTTP "
                    + answer.status() + ")");
        }
        Optional<String> cn = Json.text(body.get(), "consignmentNo").or(() -> Json.text(body.get(), "consignmentno"));
        if (cn.isPresent() && errors(body.get()).isEmpty()) {
            return new BookingOutcome.Booked(cn.get(), Optional.empty(), Optional.empty());
        }
        String why = errors(body.get()).orElseGet(() -> Json.text(body.get(), "message").orElse("TCS refused the booking"));
        return new BookingOutcome.Rejected(answer.status() == 200 ? "FAIL" : String.valueOf(answer.status()), why);
    }

    /** A name as TCS takes it: 3 to 50 characters (a shorter one is padded with dots, as integrators do). */
    private static String name(String name) {
        String n = name.strip();
        if (n.length() > 50) {
            return n.substring(0, 50);
        }
        return n.length() < 3 ? (n + "...").substring(0, 3) : n;
    }

    /** TCS's refusal reasons: an {@code error} (or {@code errorList}) list of {@code {key, errormessage}}. */
    private static Optional<String> errors(Map<String, Object> body) {
        List<Object> list = Json.array(body, "error").or(() -> Json.array(body, "errorList")).orElse(List.of());
        String joined = list.stream().map(item -> {
            if (item instanceof Map<?, ?> raw) {
                @SuppressWarnings("unchecked")
                Map<String, Object> e = (Map<String, Object>) raw;
                return Json.text(e, "errormessage").or(() -> Json.text(e, "message")).map(m ->
                        Json.text(e, "key").map(k -> k + ": " + m).orElse(m)).orElse("");
            }
            return String.valueOf(item);
        }).filter(s -> !s.isBlank()).limit(5).collect(Collectors.joining("; "));
        return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
    }

    /**
     * The airway bill: {@code ecom/api/print/label?consignmentno=…&printtype=2}. TCS answers the PDF, or JSON naming
     * where it is; a link is kept only if it carries no token (a link with the access token in it would put a
     * credential in the shop's database).
     */
    @Override
    public ShippingLabel label(String trackingNumber) {
        TcsEcomApi.Answer answer = api.get("ecom/api/print/label", Map.of("consignmentno", trackingNumber,
                "printtype", "2"));
        if (answer.lost()) {
            throw new TransientProviderException(answer.lostBecause().get());
        }
        boolean pdf = answer.status() == 200 && answer.body().length > 4
                && new String(answer.body(), 0, 4, StandardCharsets.US_ASCII).equals("%PDF");
        if (pdf) {
            return new ShippingLabel.Document("application/pdf", answer.body());
        }
        Optional<ShippingLabel> link = answer.status() == 200 ? answer.json().flatMap(TcsEcomProvider::linkIn)
                : Optional.empty();
        return link.orElseThrow(() -> new TransientProviderException("TCS gave no airway bill for " + trackingNumber
                + " (HTTP " + answer.status() + ")"));
    }

    private static Optional<ShippingLabel> linkIn(Map<String, Object> body) {
        for (String name : List.of("url", "labelurl", "labelUrl", "data")) {
            Optional<String> text = Json.text(body, name).filter(t -> t.startsWith("http"));
            if (text.isPresent()) {
                try {
                    URI uri = URI.create(text.get());
                    String q = uri.getRawQuery() == null ? "" : uri.getRawQuery().toLowerCase(Locale.ROOT);
                    if (!q.contains("token") && !q.contains("password")) {
                        return Optional.of(new ShippingLabel.Link(uri));
                    }
                } catch (IllegalArgumentException e) {
                    // not a link
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code tracking/api/Tracking/GetDynamicTrackDetail?consignee=…}: {@code message} SUCCESS or FAIL (TCS does not
     * know the number), {@code checkpoints} (newest first) and {@code deliveryinfo}, each with a {@code status} in words
     * and sometimes a delivery {@code code} (OK, RS…), and {@code shipmentsummary} ending "Current Status: …".
     */
    @Override
    public Optional<ShipmentTracking> track(String trackingNumber) {
        TcsEcomApi.Answer answer = api.track(trackingNumber);
        if (answer.lost()) {
            throw new TransientProviderException(answer.lostBecause().get());
        }
        if (answer.status() == 404) {
            return Optional.empty();
        }
        Map<String, Object> body = answer.json().orElseThrow(() -> new TransientProviderException(
                "TCS tracking answered HTTP " + answer.status() + " with something that is not JSON"));
        if (answer.status() != 200) {
            throw new TransientProviderException("TCS tracking answered HTTP " + answer.status());
        }
        if (!Json.text(body, "message").orElse("").equalsIgnoreCase("SUCCESS")) {
            return Optional.empty();
        }
        List<ShipmentTracking.Event> events = new ArrayList<>();
        for (String list : List.of("checkpoints", "deliveryinfo")) {
            // TCS lists the newest first: read oldest first, so that of two steps in the same second the later wins
            List<Object> steps = new ArrayList<>(Json.array(body, list).orElse(List.of()));
            java.util.Collections.reverse(steps);
            for (Object item : steps) {
                if (item instanceof Map<?, ?> raw) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> step = (Map<String, Object>) raw;
                    String words = Json.text(step, "status").orElse("update");
                    events.add(new ShipmentTracking.Event(TcsStatus.at(Json.text(step, "datetime"), clock),
                            TcsStatus.of(Json.text(step, "code").orElse(""), words), words,
                            Json.text(step, "station").or(() -> Json.text(step, "location"))));
                }
            }
        }
        Matcher current = CURRENT.matcher(Json.text(body, "shipmentsummary").orElse(""));
        if (events.isEmpty()) {
            TrackingStatus status = current.find() ? TcsStatus.of("", current.group(1).strip()) : TrackingStatus.BOOKED;
            return Optional.of(new ShipmentTracking(trackingNumber, status == TrackingStatus.EXCEPTION
                    ? TrackingStatus.BOOKED : status, List.of()));
        }
        return Optional.of(TcsStatus.tracking(trackingNumber, events));
    }

    @Override
    public CancelOutcome cancel(IdempotencyKey key, String trackingNumber) {
        TcsEcomApi.Answer answer = api.post("ecom/api/booking/cancel", Map.of("consignmentnumber", trackingNumber));
        if (answer.lost()) {
            return new CancelOutcome.Unknown(answer.lostBecause().get());
        }
        if (answer.status() >= 500) {
            return new CancelOutcome.Unknown("TCS answered HTTP " + answer.status());
        }
        Map<String, Object> body = answer.json().orElse(Map.of());
        String message = Json.text(body, "message").orElse("");
        String lower = message.toLowerCase(Locale.ROOT);
        if (answer.status() == 200 && (lower.contains("success") || lower.contains("already cancel"))) {
            return new CancelOutcome.Cancelled();
        }
        return new CancelOutcome.Rejected(answer.status() == 200 ? "FAIL" : String.valueOf(answer.status()),
                errors(body).orElse(message.isBlank() ? "TCS refused the cancellation" : message));
    }

    @Override
    public String toString() {
        return "TcsEcomProvider[" + settings + "]";
    }
}
