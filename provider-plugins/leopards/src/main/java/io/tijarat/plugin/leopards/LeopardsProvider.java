package io.tijarat.plugin.leopards;

import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.json.Json;
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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Leopards through its merchant API. Thread-safe: the only state is the cached city list. */
final class LeopardsProvider implements ShippingProvider {

    private static final ZoneId PAKISTAN = ZoneId.of("Asia/Karachi");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]");

    private final LeopardsSettings settings;
    private final LeopardsApi api;
    private final Clock clock;
    private final LeopardsCities cities;

    LeopardsProvider(LeopardsSettings settings, LeopardsApi api, Clock clock) {
        this.settings = settings;
        this.api = api;
        this.clock = clock;
        this.cities = new LeopardsCities(api, clock, settings.cityListTtl());
    }

    @Override
    public CityCoverage coverage(String city) {
        // Leopards collects cash wherever it delivers
        return cities.find(city).map(c -> new CityCoverage(city, Optional.of(c.name()), c.origin(), c.destination(),
                c.destination())).orElse(CityCoverage.notCovered(city));
    }

    /** Leopards' tariff API, one call per service; a prepaid order is quoted without the cash-handling charge. */
    @Override
    public List<RateQuote> quote(RateRequest request) {
        Optional<LeopardsCities.City> to = cities.find(request.destinationCity());
        Optional<LeopardsCities.City> from = cities.find(request.originCity().orElse(settings.originCity()));
        if (to.isEmpty() || !to.get().destination() || from.isEmpty()) {
            return List.of();
        }
        List<RateQuote> quotes = new ArrayList<>();
        for (String service : settings.services()) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("packet_weight", String.valueOf(request.parcel().weightGrams()));
            params.put("shipment_type", service);
            params.put("origin_city", from.get().id());
            params.put("destination_city", to.get().id());
            params.put("cod_amount", String.valueOf(request.codAmount().map(Money::wholeUnits).orElse(0L)));
            LeopardsApi.Reply reply = api.get("getTariffDetails", params);
            if (reply.lost() || !reply.ok()) {
                throw new TransientProviderException("Leopards' tariff is not available ("
                        + (reply.lost() ? reply.lostBecause().get() : reply.error()) + ")");
            }
            Map<String, Object> charges = Json.object(reply.body(), "packet_charges").orElse(Map.of());
            BigDecimal total = rupees(charges, "shipment_charges").add(rupees(charges, "insurance_charges"))
                    .add(rupees(charges, "fuel_surcharge_amount")).add(rupees(charges, "gst_amount"))
                    .add(request.cashOnDelivery() ? rupees(charges, "cash_handling") : BigDecimal.ZERO);
            quotes.add(new RateQuote(service.toUpperCase(Locale.ROOT), "Leopards " + service,
                    Money.pkr(total.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact()),
                    Duration.ofHours(6), Optional.empty()));
        }
        quotes.sort(Comparator.comparing(RateQuote::charge));
        return quotes;
    }

    private static BigDecimal rupees(Map<String, Object> object, String name) {
        return Json.text(object, name).map(v -> {
            try {
                return new BigDecimal(v.replace(",", ""));
            } catch (NumberFormatException e) {
                return BigDecimal.ZERO;
            }
        }).orElse(BigDecimal.ZERO);
    }

    /**
     * Books the packet. No lookup first: the core never books a request again after a lost answer; it asks
     * {@link #findBooking} for the reference, and a new booking of the same order carries a new reference.
     */
    @Override
    public BookingOutcome book(ShipmentRequest request) {
        Optional<LeopardsCities.City> to = cities.find(request.consignee().city());
        if (to.isEmpty() || !to.get().destination()) {
            return new BookingOutcome.Rejected("CITY_NOT_SERVED", "Leopards does not deliver to " + request.consignee().city());
        }
        Map<String, Object> packet = new LinkedHashMap<>();
        packet.put("booked_packet_weight", request.parcel().weightGrams()); // grams
        packet.put("booked_packet_no_piece", request.parcel().pieces());
        packet.put("booked_packet_collect_amount", request.codAmount().map(Money::wholeUnits).orElse(0L));
        packet.put("booked_packet_order_id", request.orderNumber());
        packet.put("origin_city", "self");
        packet.put("destination_city", to.get().id());
        packet.put("shipment_name_eng", "self");
        packet.put("shipment_email", "self");
        packet.put("shipment_phone", "self");
        packet.put("shipment_address", "self");
        packet.put("consignment_name_eng", request.consignee().name());
        packet.put("consignment_email", request.consignee().email().map(Object::toString).orElse(""));
        packet.put("consignment_phone", request.consignee().phone().pakistanLocal().orElse(request.consignee().phone().value()));
        packet.put("consignment_address", request.consignee().address());
        packet.put("special_instructions", request.instructions().orElse(request.contents()));
        request.serviceCode().ifPresent(service -> packet.put("shipment_type", service.toLowerCase(Locale.ROOT)));
        LeopardsApi.Reply reply = api.post("bookPacket", packet);
        if (reply.lost()) {
            return new BookingOutcome.Unknown(reply.lostBecause().get() + "; the packet may have been booked");
        }
        if (!reply.ok()) {
            return new BookingOutcome.Rejected("0", reply.error());
        }
        return booked(reply.body()).<BookingOutcome>map(b -> b)
                .orElseGet(() -> new BookingOutcome.Unknown("Leopards said booked but gave no track number"));
    }

    /** {@code getShipmentDetailsByOrderID}: the packet booked with this reference (the order number), if any. */
    @Override
    public Optional<BookingOutcome.Booked> findBooking(ShipmentRequest request) {
        LeopardsApi.Reply reply = api.get("getShipmentDetailsByOrderID", Map.of("shipment_order_id", request.orderNumber()));
        if (reply.lost()) {
            throw new TransientProviderException(reply.lostBecause().get());
        }
        if (!reply.ok()) {
            return Optional.empty(); // status 0: no packet with this order id
        }
        for (Object item : Json.array(reply.body(), "data").orElse(List.of())) {
            if (item instanceof Map<?, ?> raw) {
                @SuppressWarnings("unchecked")
                Map<String, Object> packet = (Map<String, Object>) raw;
                boolean cancelled = Json.text(packet, "booked_packet_status").map(LeopardsStatus::of)
                        .filter(s -> s == TrackingStatus.CANCELLED).isPresent();
                if (!cancelled) {
                    return booked(packet);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<BookingOutcome.Booked> booked(Map<String, Object> packet) {
        Optional<String> tracking = Json.text(packet, "track_number").or(() -> Json.text(packet, "booked_packet_cn"));
        Optional<ShippingLabel> slip = Json.string(packet, "slip_link").flatMap(LeopardsProvider::link);
        return tracking.map(t -> new BookingOutcome.Booked(t, Optional.empty(), slip));
    }

    /** The slip link, when it is an absolute http(s) URL without credentials in it. */
    private static Optional<ShippingLabel> link(String url) {
        try {
            URI uri = URI.create(url.strip());
            String q = uri.getRawQuery() == null ? "" : uri.getRawQuery().toLowerCase(Locale.ROOT);
            boolean credential = q.contains("api_key") || q.contains("password") || q.contains("token");
            return uri.isAbsolute() && uri.getScheme().startsWith("http") && !credential
                    ? Optional.of(new ShippingLabel.Link(uri)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<ShipmentTracking> track(String trackingNumber) {
        LeopardsApi.Reply reply = api.post("trackBookedPacket", Map.of("track_numbers", trackingNumber));
        if (reply.lost()) {
            throw new TransientProviderException(reply.lostBecause().get());
        }
        if (!reply.ok()) {
            return Optional.empty();
        }
        for (Object item : Json.array(reply.body(), "packet_list").orElse(List.of())) {
            if (item instanceof Map<?, ?> raw) {
                @SuppressWarnings("unchecked")
                Map<String, Object> packet = (Map<String, Object>) raw;
                return Optional.of(tracking(trackingNumber, packet));
            }
        }
        return Optional.empty();
    }

    private ShipmentTracking tracking(String trackingNumber, Map<String, Object> packet) {
        List<ShipmentTracking.Event> events = new ArrayList<>();
        for (Object item : Json.array(packet, "Tracking Detail").or(() -> Json.array(packet, "Tracking_Detail"))
                .orElse(List.of())) {
            if (item instanceof Map<?, ?> raw) {
                @SuppressWarnings("unchecked")
                Map<String, Object> step = (Map<String, Object>) raw;
                // "Staus" (sic) in the API; "Status" tolerated in case Leopards fixes it
                String words = Json.text(step, "Staus").or(() -> Json.text(step, "Status")).orElse("");
                Optional<String> reason = Json.text(step, "Reason").filter(r -> !r.equals("0") && !r.isBlank());
                events.add(new ShipmentTracking.Event(when(Json.text(step, "Activity Date")
                        .or(() -> Json.text(step, "Activity_Date"))), LeopardsStatus.of(words),
                        words.isBlank() ? "update" : words + reason.map(r -> " (" + r + ")").orElse(""), Optional.empty()));
            }
        }
        TrackingStatus current = Json.text(packet, "booked_packet_status").map(LeopardsStatus::of)
                .orElseGet(() -> events.isEmpty() ? TrackingStatus.BOOKED : events.stream()
                        .max(Comparator.comparing(ShipmentTracking.Event::at)).get().status());
        return new ShipmentTracking(trackingNumber, current, events);
    }

    /** Leopards writes Pakistan local time, with or without the clock time; missing or unreadable is now. */
    private Instant when(Optional<String> text) {
        if (text.isPresent()) {
            try {
                return LocalDateTime.parse(text.get(), LOCAL).atZone(PAKISTAN).toInstant();
            } catch (DateTimeParseException notDateTime) {
                try {
                    return LocalDate.parse(text.get()).atStartOfDay(PAKISTAN).toInstant();
                } catch (DateTimeParseException unreadable) {
                    // fall through
                }
            }
        }
        return clock.instant();
    }

    /** CNs per payment or charges call, as Leopards' API document allows. */
    static final int CNS_PER_CALL = 50;

    /**
     * What Leopards paid for these packets. {@code getPaymentDetails} says whether a packet is paid and under which
     * cheque or invoice number and date, but no amounts; {@code getShippingCharges} gives what Leopards billed the
     * packet ({@code net_charges}, of which {@code return_charges} for a returned packet) and the COD amount
     * ({@code booked_packet_collect_amount}). Both are in Leopards' eCom Merchant API v2 document; the field names are
     * the same in two independent integrations. A paid packet with return charges is a deduction (nothing was
     * collected); any other paid packet was paid its COD amount less the charges. A packet not paid yet, or not
     * billed yet, has no record and is asked again later.
     */
    @Override
    public List<RemittanceRecord> remittances(List<String> trackingNumbers) {
        List<String> all = trackingNumbers.stream().distinct().toList();
        List<RemittanceRecord> records = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CNS_PER_CALL) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CNS_PER_CALL));
            Map<String, Map<String, Object>> paid = new LinkedHashMap<>();
            for (Map<String, Object> payment : rows(api.get("getPaymentDetails", Map.of("cn_numbers",
                    String.join(",", chunk))), "payment_list")) {
                boolean isPaid = Json.text(payment, "status").filter(s -> s.equalsIgnoreCase("paid")).isPresent();
                Optional<String> cn = Json.text(payment, "booked_packet_cn");
                if (isPaid && cn.isPresent() && Json.text(payment, "invoice_cheque_no").isPresent()
                        && day(payment, "invoice_cheque_date").isPresent()) {
                    paid.put(cn.get(), payment);
                }
            }
            if (paid.isEmpty()) {
                continue;
            }
            for (Map<String, Object> billed : rows(api.get("getShippingCharges", Map.of("cn_numbers",
                    String.join(",", paid.keySet()))), "data")) {
                Optional<String> cn = Json.text(billed, "cn_number");
                Map<String, Object> payment = cn.map(paid::get).orElse(null);
                if (payment == null) {
                    continue;
                }
                String reference = Json.text(payment, "invoice_cheque_no").get();
                LocalDate on = day(payment, "invoice_cheque_date").get();
                Money charges = amount(billed, "net_charges").or(() -> amount(billed, "billed_charges"))
                        .orElse(Money.pkr(0));
                Money collected = amount(billed, "booked_packet_collect_amount").orElse(Money.pkr(0));
                boolean returned = amount(billed, "return_charges").filter(Money::isPositive).isPresent();
                if (returned) {
                    if (charges.isPositive()) {
                        records.add(RemittanceRecord.deduction(cn.get(), charges, on, reference));
                    }
                } else if (collected.isPositive()) {
                    Money kept = charges.isGreaterThan(collected) ? collected : charges;
                    records.add(new RemittanceRecord(cn.get(), collected, Optional.of(kept), collected.minus(kept), on,
                            reference));
                }
            }
        }
        return records;
    }

    /** The rows of a list answer; none when Leopards says it has none ({@code status:0}); lost is transient. */
    private static List<Map<String, Object>> rows(LeopardsApi.Reply reply, String name) {
        if (reply.lost()) {
            throw new TransientProviderException(reply.lostBecause().get());
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        if (reply.ok()) {
            for (Object item : Json.array(reply.body(), name).orElse(List.of())) {
                if (item instanceof Map<?, ?> raw) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> row = (Map<String, Object>) raw;
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** A rupee amount, number or string, with or without paisa. */
    private static Optional<Money> amount(Map<String, Object> row, String name) {
        return Json.text(row, name).flatMap(text -> {
            try {
                return Optional.of(Money.pkr(new BigDecimal(text.replace(",", "")).setScale(2, RoundingMode.HALF_UP).movePointRight(2)
                        .longValueExact())).filter(m -> !m.isNegative());
            } catch (NumberFormatException | ArithmeticException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<LocalDate> day(Map<String, Object> row, String name) {
        return Json.text(row, name).filter(t -> t.length() >= 10).flatMap(t -> {
            try {
                return Optional.of(LocalDate.parse(t.substring(0, 10)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public CancelOutcome cancel(IdempotencyKey key, String trackingNumber) {
        LeopardsApi.Reply reply = api.post("cancelBookedPackets", Map.of("cn_numbers", trackingNumber));
        if (reply.lost()) {
            return new CancelOutcome.Unknown(reply.lostBecause().get());
        }
        if (reply.ok()) {
            return new CancelOutcome.Cancelled();
        }
        String error = reply.error();
        return error.toLowerCase(Locale.ROOT).contains("already cancel") ? new CancelOutcome.Cancelled()
                : new CancelOutcome.Rejected("0", error);
    }

    @Override
    public String toString() {
        return "LeopardsProvider[" + settings + "]";
    }
}
