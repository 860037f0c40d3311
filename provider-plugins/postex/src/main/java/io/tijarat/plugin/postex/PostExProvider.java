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
import io.tijarat.spi.shipping.RemittanceRecord;
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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
    /** When each parcel's payout was last asked about: the least recently asked go first (see {@link #remittances}). */
    private final Map<String, Instant> payoutAsked = new ConcurrentHashMap<>();

    /** Parcels asked about in one {@link #remittances} call: two PostEx calls each, within the call's time budget. */
    static final int PAYOUT_PARCELS_PER_CALL = 10;
    /** Days of orders searched for a lost booking: the core asks within half an hour, so today and yesterday. */
    static final int LOOKUP_DAYS = 1;

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
        Optional<Money> delivery = (sameCity ? settings.sameCity() : settings.otherCities())
                .charge(request.parcel().weightGrams());
        if (delivery.isEmpty()) {
            return List.of();
        }
        long charge = delivery.get().minorUnits();
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

    /**
     * Finds a booking whose answer was lost by its reference: PostEx looks orders up only by tracking number, so this
     * lists the orders created today and yesterday ({@code v1/get-all-order}) and picks the one with this
     * {@code orderRefNumber}. The parameter names are the live API's ({@code orderStatusId}, {@code startDate},
     * {@code endDate}); the guide's ({@code orderStatusID}, {@code fromDate}, {@code toDate}) are refused with a
     * Spring 400, as integrators report. Rows come flat, or wrapped in {@code trackingResponse} as the guide shows.
     */
    @Override
    public Optional<BookingOutcome.Booked> findBooking(ShipmentRequest request) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), PAKISTAN);
        Optional<Object> dist = read("v1/get-all-order?orderStatusId=0&startDate=" + today.minusDays(LOOKUP_DAYS)
                + "&endDate=" + today, "order list");
        for (Object item : dist.filter(List.class::isInstance).map(d -> (List<?>) d).orElse(List.of())) {
            if (item instanceof Map<?, ?> raw) {
                @SuppressWarnings("unchecked")
                Map<String, Object> row = (Map<String, Object>) raw;
                Map<String, Object> order = Json.object(row, "trackingResponse").orElse(row);
                if (Json.text(order, "orderRefNumber").filter(request.orderNumber()::equals).isPresent()) {
                    Optional<String> tracking = Json.text(order, "trackingNumber").or(() -> Json.text(row, "trackingNumber"));
                    if (tracking.isPresent()) {
                        return Optional.of(new BookingOutcome.Booked(tracking.get(), Optional.empty(), Optional.empty()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * What PostEx paid for these parcels. {@code v1/payment-status} gives the CPR (cash payment receipt) numbers and
     * dates of the upfront and the reserve payment, and whether the parcel is settled, but no amounts; the order
     * itself ({@code v1/track-order}) carries them: {@code invoicePayment} (the COD amount), {@code transactionFee}
     * and {@code transactionTax} (what PostEx keeps), {@code upfrontPayment} and {@code reservePayment} (what it paid),
     * and {@code reversalFee}/{@code reversalTax} for a returned parcel. Those order fields are not in the guide's
     * excerpt; two independent integrations read them from live orders.
     *
     * <p>Each CPR is a record as soon as it is paid: the upfront payment with the charges, then the reserve (the core
     * asks again about a parcel until its payments and charges add up to what was collected, and records a CPR once).
     * A returned parcel with reversal charges and a CPR is a deduction. Two PostEx calls per parcel, so at most
     * {@link #PAYOUT_PARCELS_PER_CALL} parcels are asked per call, those asked least recently first; the rest are asked
     * on the next calls.
     */
    @Override
    public List<RemittanceRecord> remittances(List<String> trackingNumbers) {
        List<String> chosen = trackingNumbers.stream().distinct()
                .sorted(Comparator.comparing(tn -> payoutAsked.getOrDefault(tn, Instant.EPOCH)))
                .limit(PAYOUT_PARCELS_PER_CALL).toList();
        if (payoutAsked.size() > 100_000) {
            Instant old = clock.instant().minus(Duration.ofDays(30));
            payoutAsked.values().removeIf(asked -> asked.isBefore(old));
        }
        List<RemittanceRecord> records = new ArrayList<>();
        for (String trackingNumber : chosen) {
            payoutAsked.put(trackingNumber, clock.instant());
            records.addAll(payoutsOf(trackingNumber));
        }
        return records;
    }

    private List<RemittanceRecord> payoutsOf(String trackingNumber) {
        Map<String, Object> payment = objectOf(read("v1/payment-status/" + encode(trackingNumber), "payment status"));
        Optional<String> cpr1 = Json.text(payment, "cprNumber_1");
        Optional<LocalDate> paid1 = date(payment, "upfrontPaymentDate").or(() -> date(payment, "settlementDate"));
        if (cpr1.isEmpty() || paid1.isEmpty()) {
            return List.of(); // nothing paid yet
        }
        Map<String, Object> order = objectOf(read("v1/track-order/" + encode(trackingNumber), "order"));
        if (order.isEmpty()) {
            return List.of();
        }
        if (returned(order)) {
            Money charges = amount(order, "transactionFee").plus(amount(order, "transactionTax"))
                    .plus(amount(order, "reversalFee")).plus(amount(order, "reversalTax"));
            return charges.isPositive()
                    ? List.of(RemittanceRecord.deduction(trackingNumber, charges, paid1.get(), "CPR " + cpr1.get()))
                    : List.of();
        }
        Money collected = amount(order, "invoicePayment");
        if (!collected.isPositive()) {
            return List.of();
        }
        Money charges = amount(order, "transactionFee").plus(amount(order, "transactionTax"));
        List<RemittanceRecord> records = new ArrayList<>();
        records.add(new RemittanceRecord(trackingNumber, collected, Optional.of(charges), amount(order, "upfrontPayment"),
                paid1.get(), "CPR " + cpr1.get()));
        Optional<String> cpr2 = Json.text(payment, "cprNumber_2");
        Optional<LocalDate> paid2 = date(payment, "reservePaymentDate");
        if (cpr2.isPresent() && paid2.isPresent()) {
            records.add(new RemittanceRecord(trackingNumber, collected, Optional.empty(), amount(order, "reservePayment"),
                    paid2.get(), "CPR " + cpr2.get()));
        }
        return records;
    }

    /** Whether PostEx returned the parcel to the shop: its order status or its latest history code says so. */
    private static boolean returned(Map<String, Object> order) {
        Optional<TrackingStatus> byStatus = Json.text(order, "orderStatusId").map(PostExStatus::ofOrderStatus);
        if (byStatus.isPresent()) {
            return byStatus.get() == TrackingStatus.RETURNED;
        }
        List<Object> history = Json.array(order, "transactionStatusHistory").orElse(List.of());
        return !history.isEmpty() && history.get(history.size() - 1) instanceof Map<?, ?> last
                && PostExStatus.ofHistoryCode(String.valueOf(last.get("transactionStatusMessageCode")))
                == TrackingStatus.RETURNED;
    }

    /** A rupee amount as PostEx writes it (a number, maybe with decimals, or a string), to the paisa; absent is 0. */
    private static Money amount(Map<String, Object> object, String name) {
        return Json.text(object, name).map(text -> {
            try {
                return Money.pkr(new BigDecimal(text).setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact());
            } catch (NumberFormatException | ArithmeticException e) {
                throw new TransientProviderException("PostEx wrote " + name + " as '" + brief(text) + "'");
            }
        }).filter(m -> !m.isNegative()).orElse(Money.pkr(0));
    }

    /** A date PostEx writes as {@code 2026-12-05}, {@code 2026-12-05 14:00:00} or {@code 2026-12-05T14:00:00}. */
    private static Optional<LocalDate> date(Map<String, Object> object, String name) {
        return Json.text(object, name).filter(t -> t.length() >= 10).flatMap(t -> {
            try {
                return Optional.of(LocalDate.parse(t.substring(0, 10)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> objectOf(Optional<Object> dist) {
        return dist.filter(Map.class::isInstance).map(d -> (Map<String, Object>) d).orElse(Map.of());
    }

    /**
     * A read's {@code dist}: empty when PostEx does not know the thing (HTTP 404, or HTTP 200 with
     * {@code statusCode:"404"}); anything else unexpected is transient, to be asked again.
     */
    private Optional<Object> read(String path, String what) {
        PostExApi.Answer answer = api.get(path);
        if (answer.isLost()) {
            throw new TransientProviderException(answer.lostBecause().get());
        }
        refuseBadToken(answer);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (answer.status() != 200) {
            throw new TransientProviderException("PostEx " + what + " answered HTTP " + answer.status() + ": "
                    + brief(answer.text()));
        }
        Map<String, Object> body;
        try {
            body = Json.parseObject(answer.text());
        } catch (JsonException e) {
            throw new TransientProviderException("PostEx " + what + " answered with something that is not JSON");
        }
        String code = Json.text(body, "statusCode").orElse("");
        if (code.equals("404")) {
            return Optional.empty();
        }
        if (!code.equals("200")) {
            throw new TransientProviderException("PostEx " + what + " answered statusCode " + code + ": "
                    + Json.text(body, "statusMessage").orElse(""));
        }
        return Optional.ofNullable(body.get("dist"));
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
