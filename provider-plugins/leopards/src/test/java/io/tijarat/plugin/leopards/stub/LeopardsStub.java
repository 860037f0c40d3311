package io.tijarat.plugin.leopards.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Leopards' eCom Merchant API v2 on 127.0.0.1, quirks included: {@code <operation>/format/json/}; credentials in the
 * JSON body or the query; {@code status} sometimes the number 1, sometimes the string "1"; errors (wrong credentials
 * too) as HTTP 200 with {@code status:0}; weights in grams; the tracking detail's {@code "Staus"} and
 * {@code "Reciever Name"}. It keeps the packets it booked, so tests and people (through {@link #main}) can move them
 * along with {@link #advance}. Tariff: Rs 150 up to 500 g and Rs 100 per further 500 g, 2 % cash handling on the COD
 * amount, 10 % fuel, 16 % GST. COD payouts: {@code getPaymentDetails} (status, cheque or invoice number and date)
 * and {@code getShippingCharges} (what was billed, with the COD amount), up to 50 CNs per call; see {@link #bill} and
 * {@link #pay}.
 */
public final class LeopardsStub implements AutoCloseable {

    /** Leopards' wording for the statuses a packet goes through. */
    public static final List<String> JOURNEY = List.of("Pickup Request not Send", "Shipment Picked", "Arrived at Station",
            "Assign to Courier", "Delivered");

    private static final List<String[]> CITIES = List.of(
            new String[] {"789", "Karachi", "1", "1"}, new String[] {"202", "Lahore", "1", "1"},
            new String[] {"25", "Islamabad", "1", "1"}, new String[] {"263", "Rawalpindi", "0", "1"},
            new String[] {"219", "Multan", "1", "1"}, new String[] {"74", "Dera Ghazi Khan", "0", "1"},
            new String[] {"95", "Faisalabad", "1", "1"});
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One packet Leopards holds. */
    public static final class Packet {
        public final String trackNumber;
        public final String orderId;
        public final long collectAmount;
        public final int weightGrams;
        public final String destinationCity;
        public final String body;
        final List<String[]> details = Collections.synchronizedList(new ArrayList<>());
        volatile String status = "Pickup Request not Send";
        /** What Leopards billed for the packet (rupees, as {@code getShippingCharges} shows them), once it has. */
        volatile BigDecimal shipmentCharges;
        volatile BigDecimal cashHandling = BigDecimal.ZERO;
        volatile BigDecimal returnCharges = BigDecimal.ZERO;
        volatile BigDecimal gstAmount = BigDecimal.ZERO;
        /** The payment: "Pending" until Leopards pays, then "Paid" with the cheque or invoice number and date. */
        volatile String paymentStatus = "Pending";
        volatile String chequeNo;
        volatile java.time.LocalDate chequeDate;

        Packet(String trackNumber, String orderId, long collectAmount, int weightGrams, String destinationCity, String body) {
            this.trackNumber = trackNumber;
            this.orderId = orderId;
            this.collectAmount = collectAmount;
            this.weightGrams = weightGrams;
            this.destinationCity = destinationCity;
            this.body = body;
        }

        public String status() {
            return status;
        }
    }

    private final HttpServer server;
    private final String apiKey;
    private final String apiPassword;
    private final Map<String, Packet> packets = new ConcurrentHashMap<>();
    private final AtomicLong numbers = new AtomicLong(6_001_000_000L);
    private volatile boolean down;
    private volatile boolean loseBookingAnswers;

    private LeopardsStub(int port, String apiKey, String apiPassword) {
        this.apiKey = apiKey;
        this.apiPassword = apiPassword;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/api/", this::handle);
        server.start();
    }

    public static LeopardsStub start() {
        long n = System.nanoTime();
        return new LeopardsStub(0, "stub-key-" + Long.toHexString(n), "stub-password-" + Long.toHexString(n * 31));
    }

    /** By hand: {@code java … LeopardsStub 8090}; prints the settings that point the plugin at it. */
    public static void main(String[] args) {
        LeopardsStub stub = new LeopardsStub(args.length > 0 ? Integer.parseInt(args[0]) : 8090, "stub-key", "stub-password");
        System.out.println("tijarat.provider.leopards.base-url=" + stub.baseUrl());
        System.out.println("tijarat.provider.leopards.api-key=" + stub.apiKey());
        System.out.println("tijarat.provider.leopards.api-password=" + stub.apiPassword());
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/");
    }

    public String apiKey() {
        return apiKey;
    }

    public String apiPassword() {
        return apiPassword;
    }

    public void down(boolean down) {
        this.down = down;
    }

    /** Book packets but answer with a gateway timeout page, as when Leopards' front end gives up. */
    public void loseBookingAnswers(boolean lose) {
        this.loseBookingAnswers = lose;
    }

    public Optional<Packet> byTrackNumber(String trackNumber) {
        return Optional.ofNullable(packets.get(trackNumber));
    }

    public List<Packet> byOrderId(String orderId) {
        return packets.values().stream().filter(p -> p.orderId.equals(orderId)).toList();
    }

    public int packetCount() {
        return packets.size();
    }

    /** Moves a packet on: Leopards' wording of its new status (see {@link #JOURNEY}), with an optional reason. */
    public void advance(String trackNumber, String status) {
        Packet packet = packets.get(trackNumber);
        packet.status = status;
        packet.details.add(new String[] {status, LocalDateTime.now(ZoneId.of("Asia/Karachi")).format(TIME)});
    }

    /**
     * Leopards bills the packet (rupees): shipment charges, cash handling, return charges (a returned packet) and
     * the GST on them; {@code getShippingCharges} shows them, with their sum as {@code net_charges}.
     */
    public void bill(String trackNumber, String shipment, String cashHandling, String returnCharges, String gst) {
        Packet packet = packets.get(trackNumber);
        packet.shipmentCharges = new BigDecimal(shipment);
        packet.cashHandling = new BigDecimal(cashHandling);
        packet.returnCharges = new BigDecimal(returnCharges);
        packet.gstAmount = new BigDecimal(gst);
    }

    /** Leopards pays the packet's COD (less its charges) by cheque or invoice {@code chequeNo} on {@code on}. */
    public void pay(String trackNumber, String chequeNo, java.time.LocalDate on) {
        Packet packet = packets.get(trackNumber);
        packet.chequeNo = chequeNo;
        packet.chequeDate = on;
        packet.paymentStatus = "Paid";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ------------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (down) {
                send(exchange, 503, "text/html", "<html><body><h1>503 Service Unavailable</h1></body></html>");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Matcher op = Pattern.compile("/api/(\\w+)/format/json/?").matcher(path);
            if (!op.matches()) {
                send(exchange, 404, "text/html", "<html><body>404 Page Not Found</body></html>");
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> in = new LinkedHashMap<>(query(exchange.getRequestURI().getRawQuery()));
            in.putAll(body.strip().startsWith("{") ? json(body) : query(body));
            if (!apiKey.equals(in.get("api_key")) || !apiPassword.equals(in.get("api_password"))) {
                ok(exchange, "{\"status\":0,\"error\":\"Invalid API Key or Password\"}");
                return;
            }
            switch (op.group(1)) {
                case "getAllCities" -> cities(exchange);
                case "getTariffDetails" -> tariff(exchange, in);
                case "bookPacket" -> book(exchange, in, body);
                case "getShipmentDetailsByOrderID" -> byOrder(exchange, in.getOrDefault("shipment_order_id", ""));
                case "trackBookedPacket" -> track(exchange, in.getOrDefault("track_numbers", ""));
                case "cancelBookedPackets" -> cancel(exchange, in.getOrDefault("cn_numbers", ""));
                case "getPaymentDetails" -> payments(exchange, in.getOrDefault("cn_numbers", ""));
                case "getShippingCharges" -> charges(exchange, in.getOrDefault("cn_numbers", ""));
                default -> ok(exchange, "{\"status\":0,\"error\":\"Unknown method\"}");
            }
        }
    }

    private void cities(HttpExchange exchange) throws IOException {
        StringBuilder list = new StringBuilder();
        for (String[] c : CITIES) {
            list.append(list.length() == 0 ? "" : ",").append("{\"id\":").append(c[0]).append(",\"name\":\"").append(c[1])
                    .append("\",\"shipment_type\":[\"overnight\",\"overland\"],\"allow_as_origin\":").append(c[2])
                    .append(",\"allow_as_destination\":").append(c[3]).append('}');
        }
        ok(exchange, "{\"status\":1,\"error\":\"0\",\"city_list\":[" + list + "]}");
    }

    private void tariff(HttpExchange exchange, Map<String, String> in) throws IOException {
        if (city(in.get("destination_city")).isEmpty() || city(in.get("origin_city")).isEmpty()) {
            ok(exchange, "{\"status\":0,\"error\":\"Invalid origin or destination city\"}");
            return;
        }
        int grams = Integer.parseInt(in.getOrDefault("packet_weight", "0"));
        long cod = Long.parseLong(in.getOrDefault("cod_amount", "0"));
        BigDecimal shipment = BigDecimal.valueOf(150 + 100L * Math.max(0, (grams - 1) / 500));
        if (in.getOrDefault("shipment_type", "overnight").equals("overland")) {
            shipment = shipment.multiply(BigDecimal.valueOf(0.8));
        }
        BigDecimal cashHandling = BigDecimal.valueOf(cod).multiply(BigDecimal.valueOf(0.02));
        BigDecimal fuel = shipment.multiply(BigDecimal.valueOf(0.10));
        BigDecimal gst = shipment.add(fuel).add(cashHandling).multiply(BigDecimal.valueOf(0.16));
        ok(exchange, "{\"status\":1,\"error\":0,\"packet_charges\":{\"shipment_charges\":\"" + money(shipment)
                + "\",\"cash_handling\":\"" + money(cashHandling) + "\",\"insurance_charges\":\"0.00\",\"gst_percentage\":\"16\","
                + "\"gst_amount\":\"" + money(gst) + "\",\"fuel_surcharge_percentage\":\"10\",\"fuel_surcharge_amount\":\""
                + money(fuel) + "\"}}");
    }

    private void book(HttpExchange exchange, Map<String, String> in, String body) throws IOException {
        Optional<String[]> to = city(in.get("destination_city"));
        String weight = in.get("booked_packet_weight");
        String orderId = in.get("booked_packet_order_id");
        if (to.isEmpty() || to.get()[3].equals("0")) {
            ok(exchange, "{\"status\":0,\"error\":{\"destination_city\":\"Invalid destination city\"},\"track_number\":null,"
                    + "\"slip_link\":null}");
            return;
        }
        if (weight == null || orderId == null || in.get("consignment_phone") == null || in.get("consignment_address") == null) {
            ok(exchange, "{\"status\":0,\"error\":\"Required fields are missing\",\"track_number\":null,\"slip_link\":null}");
            return;
        }
        String track = "KI" + numbers.incrementAndGet();
        Packet packet = new Packet(track, orderId, Long.parseLong(in.getOrDefault("booked_packet_collect_amount", "0")),
                Integer.parseInt(weight), to.get()[1], body);
        packet.details.add(new String[] {packet.status, LocalDateTime.now(ZoneId.of("Asia/Karachi")).format(TIME)});
        packets.put(track, packet);
        if (loseBookingAnswers) {
            send(exchange, 504, "text/html", "<html><body><h1>504 Gateway Time-out</h1></body></html>");
            return;
        }
        ok(exchange, "{\"status\":1,\"error\":0,\"track_number\":\"" + track + "\",\"slip_link\":\"" + baseUrl()
                + "booking/slip/" + track + "\"}");
    }

    private void byOrder(HttpExchange exchange, String orderId) throws IOException {
        List<Packet> found = byOrderId(orderId);
        if (found.isEmpty()) {
            ok(exchange, "{\"status\":0,\"error\":\"No record found\",\"data\":null}");
            return;
        }
        StringBuilder data = new StringBuilder();
        for (Packet p : found) {
            data.append(data.length() == 0 ? "" : ",").append("{\"track_number\":\"").append(p.trackNumber)
                    .append("\",\"booked_packet_order_id\":\"").append(p.orderId).append("\",\"booked_packet_status\":\"")
                    .append(p.status).append("\",\"slip_link\":\"").append(baseUrl()).append("booking/slip/")
                    .append(p.trackNumber).append("\"}");
        }
        ok(exchange, "{\"status\":\"1\",\"error\":\"0\",\"data\":[" + data + "]}");
    }

    private void track(HttpExchange exchange, String trackNumbers) throws IOException {
        StringBuilder list = new StringBuilder();
        for (String tn : trackNumbers.split(",")) {
            Packet p = packets.get(tn.strip());
            if (p == null) {
                continue;
            }
            StringBuilder details = new StringBuilder();
            synchronized (p.details) {
                for (String[] d : p.details) {
                    details.append(details.length() == 0 ? "" : ",").append("{\"Staus\":\"").append(d[0])
                            .append("\",\"Reciever Name\":\"\",\"Activity Date\":\"").append(d[1]).append("\",\"Reason\":\"0\"}");
                }
            }
            list.append(list.length() == 0 ? "" : ",").append("{\"track_number\":\"").append(p.trackNumber)
                    .append("\",\"booked_packet_status\":\"").append(p.status).append("\",\"booked_packet_order_id\":\"")
                    .append(p.orderId).append("\",\"Tracking Detail\":[").append(details).append("]}");
        }
        if (list.length() == 0) {
            ok(exchange, "{\"status\":0,\"error\":\"Invalid Tracking Number\",\"packet_list\":[]}");
            return;
        }
        ok(exchange, "{\"status\":1,\"error\":0,\"packet_list\":[" + list + "]}");
    }

    private void cancel(HttpExchange exchange, String cn) throws IOException {
        Packet p = packets.get(cn.strip());
        if (p == null) {
            ok(exchange, "{\"status\":0,\"error\":{\"" + cn + "\":\"Invalid CN number\"}}");
        } else if (p.status.equals("Cancelled")) {
            ok(exchange, "{\"status\":0,\"error\":{\"" + cn + "\":\"Packet already cancelled\"}}");
        } else if (!p.status.equals("Pickup Request not Send")) {
            ok(exchange, "{\"status\":0,\"error\":{\"" + cn + "\":\"Packet cannot be cancelled after pickup\"}}");
        } else {
            advance(p.trackNumber, "Cancelled");
            ok(exchange, "{\"status\":\"1\",\"error\":\"null\"}");
        }
    }

    /** {@code getPaymentDetails}: up to 50 CNs; each packet's payment status, cheque or invoice number and date. */
    private void payments(HttpExchange exchange, String cns) throws IOException {
        List<Packet> asked = asked(cns);
        if (asked == null) {
            ok(exchange, "{\"status\":0,\"error\":\"Maximum 50 CN numbers are allowed\",\"payment_list\":null}");
            return;
        }
        if (asked.isEmpty()) {
            ok(exchange, "{\"status\":0,\"error\":\"CN number not found\",\"payment_list\":null}");
            return;
        }
        StringBuilder list = new StringBuilder();
        for (Packet p : asked) {
            list.append(list.length() == 0 ? "" : ",").append("{\"booked_packet_cn\":\"").append(p.trackNumber)
                    .append("\",\"billing_method\":\"COD\",\"status\":\"").append(p.paymentStatus)
                    .append("\",\"invoice_cheque_no\":").append(p.chequeNo == null ? "null" : "\"" + p.chequeNo + "\"")
                    .append(",\"invoice_cheque_date\":").append(p.chequeDate == null ? "null" : "\"" + p.chequeDate + "\"")
                    .append(",\"payment_method\":\"Cheque\",\"message\":\"\",\"slip_link\":\"\"}");
        }
        ok(exchange, "{\"status\":1,\"error\":\"0\",\"payment_list\":[" + list + "]}");
    }

    /** {@code getShippingCharges}: up to 50 CNs; what Leopards billed each packet, with the COD amount. */
    private void charges(HttpExchange exchange, String cns) throws IOException {
        List<Packet> asked = asked(cns);
        if (asked == null) {
            ok(exchange, "{\"status\":0,\"error\":\"Maximum 50 CN numbers are allowed\"}");
            return;
        }
        StringBuilder data = new StringBuilder();
        for (Packet p : asked) {
            if (p.shipmentCharges == null) {
                continue; // not billed yet
            }
            BigDecimal net = p.shipmentCharges.add(p.cashHandling).add(p.returnCharges).add(p.gstAmount);
            data.append(data.length() == 0 ? "" : ",").append("{\"cn_number\":\"").append(p.trackNumber)
                    .append("\",\"billing_method\":\"COD\",\"invoice_cheque_no\":")
                    .append(p.chequeNo == null ? "\"\"" : "\"" + p.chequeNo + "\"")
                    .append(",\"weight_charged\":").append(p.weightGrams)
                    .append(",\"shipment_charges\":").append(p.shipmentCharges.toPlainString())
                    .append(",\"cash_handling_charges\":").append(p.cashHandling.toPlainString())
                    .append(",\"return_charges\":").append(p.returnCharges.toPlainString())
                    .append(",\"insurance_charges\":0,\"gst\":16,\"gst_amount\":").append(p.gstAmount.toPlainString())
                    .append(",\"booked_packet_collect_amount\":").append(p.collectAmount)
                    .append(",\"net_charges\":").append(net.toPlainString())
                    .append(",\"billed_charges\":").append(net.toPlainString()).append('}');
        }
        if (data.length() == 0) {
            ok(exchange, "{\"status\":0,\"error\":\"CN number not found\"}");
            return;
        }
        ok(exchange, "{\"status\":1,\"error\":\"0\",\"data\":[" + data + "]}");
    }

    /** The packets named (unknown ones left out), or null for more than 50. */
    private List<Packet> asked(String cns) {
        String[] names = cns.split(",");
        if (names.length > 50) {
            return null;
        }
        List<Packet> found = new ArrayList<>();
        for (String cn : names) {
            Packet p = packets.get(cn.strip());
            if (p != null) {
                found.add(p);
            }
        }
        return found;
    }

    private static Optional<String[]> city(String id) {
        return CITIES.stream().filter(c -> c[0].equals(id)).findFirst();
    }

    private static String money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static void ok(HttpExchange exchange, String json) throws IOException {
        send(exchange, 200, "application/json", json);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String q) {
        Map<String, String> params = new LinkedHashMap<>();
        if (q != null && !q.isBlank()) {
            for (String pair : q.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    /** The members of a flat JSON object, strings and numbers as text (enough for Leopards' request bodies). */
    private static Map<String, String> json(String body) {
        Map<String, String> members = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|(-?\\d+(?:\\.\\d+)?))").matcher(body);
        while (m.find()) {
            members.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(4));
        }
        return members;
    }
}
