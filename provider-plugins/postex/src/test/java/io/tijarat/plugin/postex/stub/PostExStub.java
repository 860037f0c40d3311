package io.tijarat.plugin.postex.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostEx COD API on 127.0.0.1 that behaves like the real one, quirks included (PostEx COD API Integration Guide
 * v4.1.9, and what integrators report of the live API): the {@code token} header; {@code statusCode} as a string;
 * refusals as HTTP 200 with {@code statusCode:"404"} or {@code "400"} in the body; a bad token as HTTP 401
 * {@code TOKEN IS INVALID}; bad parameters as a raw Spring 400 body, checked before the token; an upper-case
 * {@code operationalCityType} refused; plain-digit tracking numbers; orders created "UnBooked" until picked up;
 * cancel only before pickup; the airway bill as a PDF. It keeps the orders it created, so tests (and people, through
 * {@link #main}) can move them along: {@link #advance}.
 */
public final class PostExStub implements AutoCloseable {

    /** The history codes of the guide, with PostEx's wording. */
    public static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("0001", "At Merchant's Warehouse"), Map.entry("0002", "Returned"),
            Map.entry("0003", "At PostEx Warehouse"), Map.entry("0004", "Package on Route"),
            Map.entry("0005", "Delivered"), Map.entry("0006", "Returned"), Map.entry("0007", "Returned"),
            Map.entry("0008", "Under Review"), Map.entry("0013", "Attempt Made"));

    private static final List<String[]> CITIES = List.of(
            new String[] {"Karachi", "true", "true"}, new String[] {"Lahore", "true", "true"},
            new String[] {"Islamabad", "true", "true"}, new String[] {"Rawalpindi", "false", "true"},
            new String[] {"Multan", "false", "true"}, new String[] {"Faisalabad", "false", "true"},
            new String[] {"Peshawar", "false", "true"}, new String[] {"Dera Ghazi Khan", "false", "true"});
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One order PostEx holds. */
    public static final class Order {
        public final String trackingNumber;
        public final String orderRef;
        public final long invoicePayment;
        public final String orderType;
        public final String city;
        public final String body;
        final List<String[]> history = Collections.synchronizedList(new ArrayList<>());
        final java.time.LocalDate createdOn = java.time.LocalDate.now(ZoneId.of("Asia/Karachi"));
        volatile boolean cancelled;
        /** Amounts in paisa, as PostEx sets them when the parcel is delivered or returned and when it pays. */
        volatile long transactionFee;
        volatile long transactionTax;
        volatile long reversalFee;
        volatile long reversalTax;
        volatile long upfrontPayment;
        volatile long reservePayment;
        volatile String cpr1;
        volatile java.time.LocalDate upfrontDate;
        volatile String cpr2;
        volatile java.time.LocalDate reserveDate;
        volatile boolean settled;

        Order(String trackingNumber, String orderRef, long invoicePayment, String orderType, String city, String body) {
            this.trackingNumber = trackingNumber;
            this.orderRef = orderRef;
            this.invoicePayment = invoicePayment;
            this.orderType = orderType;
            this.city = city;
            this.body = body;
        }

        /** The latest history code. */
        public String lastCode() {
            synchronized (history) {
                return history.isEmpty() ? "0001" : history.get(history.size() - 1)[0];
            }
        }

        public boolean cancelled() {
            return cancelled;
        }
    }

    private final HttpServer server;
    private final String token;
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final AtomicLong numbers = new AtomicLong(22_450_000_000L);
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> requestCounts = new ConcurrentHashMap<>();
    private volatile boolean down;
    private volatile long delayMillis;

    private PostExStub(int port, String token) {
        this.token = token;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/services/integration/api/order/", this::handle);
        server.start();
    }

    /** A stub on a free port, with a token of its own. */
    public static PostExStub start() {
        return new PostExStub(0, "stub-token-" + Long.toHexString(System.nanoTime()));
    }

    /** Runs a stub by hand: {@code java … PostExStub 8089 [token]}. */
    public static void main(String[] args) {
        PostExStub stub = new PostExStub(args.length > 0 ? Integer.parseInt(args[0]) : 8089,
                args.length > 1 ? args[1] : "stub-token");
        System.out.println("tijarat.provider.postex.base-url=" + stub.baseUrl());
        System.out.println("tijarat.provider.postex.token=" + stub.token());
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/services/integration/api/order/");
    }

    public String token() {
        return token;
    }

    /** Every answer 503 (true) or normal again (false). */
    public void down(boolean down) {
        this.down = down;
    }

    /** Answer every request this much later. */
    public void delay(long millis) {
        this.delayMillis = millis;
    }

    /** The order with this reference (the shop's order number), if PostEx holds one. */
    public java.util.Optional<Order> byReference(String orderRef) {
        return orders.values().stream().filter(o -> o.orderRef.equals(orderRef)).findFirst();
    }

    public java.util.Optional<Order> byTrackingNumber(String trackingNumber) {
        return java.util.Optional.ofNullable(orders.get(trackingNumber));
    }

    public int orderCount() {
        return orders.size();
    }

    /** Moves an order on, as PostEx's riders and warehouses would: appends the history code (see {@link #CODES}). */
    public void advance(String trackingNumber, String code) {
        Order order = orders.get(trackingNumber);
        if (order == null) {
            throw new IllegalArgumentException("no order " + trackingNumber);
        }
        order.history.add(new String[] {code, LocalDateTime.now(ZoneId.of("Asia/Karachi")).format(TIME)});
    }

    /** What PostEx keeps of a delivered parcel (paisa): its fee and the tax on it, shown on the order from then on. */
    public void charge(String trackingNumber, long feePaisa, long taxPaisa) {
        Order order = order(trackingNumber);
        order.transactionFee = feePaisa;
        order.transactionTax = taxPaisa;
    }

    /** What PostEx charges for carrying a parcel back (paisa), besides its fee. */
    public void chargeReturn(String trackingNumber, long feePaisa, long taxPaisa) {
        Order order = order(trackingNumber);
        order.reversalFee = feePaisa;
        order.reversalTax = taxPaisa;
    }

    /** PostEx pays the upfront part under a CPR; {@code settles} marks the parcel settled with it. */
    public void payUpfront(String trackingNumber, String cpr, java.time.LocalDate on, long paisa, boolean settles) {
        Order order = order(trackingNumber);
        order.upfrontPayment = paisa;
        order.cpr1 = cpr;
        order.upfrontDate = on;
        order.settled = settles;
    }

    /** PostEx pays the reserve under a second CPR, which settles the parcel. */
    public void payReserve(String trackingNumber, String cpr, java.time.LocalDate on, long paisa) {
        Order order = order(trackingNumber);
        order.reservePayment = paisa;
        order.cpr2 = cpr;
        order.reserveDate = on;
        order.settled = true;
    }

    /** How many times each path was asked for (e.g. {@code v1/payment-status}), for tests that count calls. */
    public int requests(String pathPrefix) {
        return requestCounts.entrySet().stream().filter(e -> e.getKey().startsWith(pathPrefix))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    private Order order(String trackingNumber) {
        Order order = orders.get(trackingNumber);
        if (order == null) {
            throw new IllegalArgumentException("no order " + trackingNumber);
        }
        return order;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ------------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (down) {
                send(exchange, 503, "text/html", "<html><body>Service Unavailable</body></html>");
                return;
            }
            String path = exchange.getRequestURI().getPath().substring("/services/integration/api/order/".length());
            String method = exchange.getRequestMethod();
            requestCounts.computeIfAbsent(path, p -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String body = new String(raw, StandardCharsets.UTF_8);
            // Spring checks the parameters before the token
            if (path.equals("v2/get-operational-city")) {
                String type = query(exchange).getOrDefault("operationalCityType", "");
                if (!type.equals("pickup") && !type.equals("delivery")) {
                    springBadRequest(exchange, path);
                    return;
                }
            }
            if (path.equals("v1/get-all-order")) {
                // the live names; the guide's orderStatusID/fromDate/toDate are refused like any missing parameter
                Map<String, String> q = query(exchange);
                if (!q.containsKey("orderStatusId") || !q.containsKey("startDate") || !q.containsKey("endDate")) {
                    springBadRequest(exchange, path);
                    return;
                }
            }
            if (!token.equals(exchange.getRequestHeaders().getFirst("token"))) {
                send(exchange, 401, "application/json", "{\"statusCode\":\"401\",\"statusMessage\":\"TOKEN IS INVALID\"}");
                return;
            }
            if (method.equals("GET") && path.equals("v2/get-operational-city")) {
                cities(exchange);
            } else if (method.equals("POST") && path.equals("v3/create-order")) {
                create(exchange, body, path);
            } else if (method.equals("GET") && path.startsWith("v1/track-order/")) {
                track(exchange, path.substring("v1/track-order/".length()));
            } else if (method.equals("GET") && path.startsWith("v1/payment-status/")) {
                paymentStatus(exchange, path.substring("v1/payment-status/".length()));
            } else if (method.equals("GET") && path.equals("v1/get-all-order")) {
                allOrders(exchange, query(exchange));
            } else if (method.equals("PUT") && path.equals("v1/cancel-order")) {
                cancel(exchange, body);
            } else if (method.equals("GET") && path.equals("v1/get-invoice")) {
                invoice(exchange, query(exchange).getOrDefault("trackingNumbers", ""));
            } else {
                send(exchange, 404, "application/json", "{\"timestamp\":\"2026-12-05T10:00:00.000+00:00\",\"status\":404,"
                        + "\"error\":\"Not Found\",\"path\":\"/services/integration/api/order/" + path + "\"}");
            }
        }
    }

    private void cities(HttpExchange exchange) throws IOException {
        StringBuilder dist = new StringBuilder();
        for (String[] c : CITIES) {
            dist.append(dist.length() == 0 ? "" : ",").append("{\"operationalCityName\":\"").append(c[0])
                    .append("\",\"countryName\":\"Pakistan\",\"isPickupCity\":").append(c[1])
                    .append(",\"isDeliveryCity\":").append(c[2]).append('}');
        }
        ok(exchange, "{\"statusCode\":\"200\",\"statusMessage\":\"SUCCESSFULLY OPERATED\",\"dist\":[" + dist + "]}");
    }

    private void create(HttpExchange exchange, String body, String path) throws IOException {
        String ref = field(body, "orderRefNumber");
        String city = field(body, "cityName");
        String phone = field(body, "customerPhone");
        String invoice = number(body, "invoicePayment");
        if (ref == null || city == null || phone == null || invoice == null || field(body, "customerName") == null
                || field(body, "deliveryAddress") == null) {
            springBadRequest(exchange, path);
            return;
        }
        if (CITIES.stream().noneMatch(c -> c[0].equalsIgnoreCase(city) && c[2].equals("true"))) {
            ok(exchange, "{\"statusCode\":\"404\",\"statusMessage\":\"INVALID CITY NAME\",\"dist\":null}");
            return;
        }
        if (!phone.matches("03\\d{9}")) {
            ok(exchange, "{\"statusCode\":\"400\",\"statusMessage\":\"INVALID CUSTOMER PHONE NUMBER\",\"dist\":null}");
            return;
        }
        String tracking = String.valueOf(numbers.incrementAndGet());
        String type = field(body, "orderType") == null ? "Normal" : field(body, "orderType");
        Order order = new Order(tracking, ref, Long.parseLong(invoice), type, city, body);
        order.history.add(new String[] {"0001", LocalDateTime.now(ZoneId.of("Asia/Karachi")).format(TIME)});
        orders.put(tracking, order);
        ok(exchange, "{\"statusCode\":\"200\",\"statusMessage\":\"ORDER HAS BEEN CREATED\",\"dist\":{\"trackingNumber\":\""
                + tracking + "\",\"orderStatus\":\"UnBooked\",\"orderDate\":\""
                + LocalDateTime.now(ZoneId.of("Asia/Karachi")).format(TIME) + "\"}}");
    }

    private void track(HttpExchange exchange, String tracking) throws IOException {
        Order order = orders.get(tracking);
        if (order == null) {
            ok(exchange, "{\"statusCode\":\"404\",\"statusMessage\":\"ORDER NOT FOUND\",\"dist\":null}");
            return;
        }
        StringBuilder history = new StringBuilder();
        synchronized (order.history) {
            for (String[] step : order.history) {
                history.append(history.length() == 0 ? "" : ",").append("{\"transactionStatusMessage\":\"")
                        .append(CODES.getOrDefault(step[0], "Unknown")).append("\",\"transactionStatusMessageCode\":\"")
                        .append(step[0]).append("\",\"modifiedDatetime\":\"").append(step[1]).append("\"}");
            }
        }
        ok(exchange, "{\"statusCode\":\"200\",\"statusMessage\":\"SUCCESSFULLY OPERATED\",\"dist\":{\"trackingNumber\":\""
                + tracking + "\",\"orderRefNumber\":\"" + order.orderRef + "\",\"invoicePayment\":" + order.invoicePayment
                + amounts(order) + ",\"transactionStatusHistory\":[" + history + "]}}");
    }

    /** The order's money fields as PostEx writes them: rupees, with decimals when there are paisa. */
    private static String amounts(Order order) {
        return ",\"transactionFee\":" + rupees(order.transactionFee) + ",\"transactionTax\":" + rupees(order.transactionTax)
                + ",\"reversalFee\":" + rupees(order.reversalFee) + ",\"reversalTax\":" + rupees(order.reversalTax)
                + ",\"upfrontPayment\":" + rupees(order.upfrontPayment) + ",\"reservePayment\":"
                + rupees(order.reservePayment) + ",\"balancePayment\":0";
    }

    private static String rupees(long paisa) {
        return java.math.BigDecimal.valueOf(paisa, 2).stripTrailingZeros().toPlainString();
    }

    /** Only the keys that have values, as live: an unpaid parcel is {orderRefNumber, trackingNumber, settle:false}. */
    private void paymentStatus(HttpExchange exchange, String tracking) throws IOException {
        Order order = orders.get(tracking);
        if (order == null) {
            ok(exchange, "{\"statusCode\":\"404\",\"statusMessage\":\"RECORD NOT FOUND\",\"dist\":null}");
            return;
        }
        StringBuilder dist = new StringBuilder("{\"orderRefNumber\":\"" + order.orderRef + "\",\"trackingNumber\":\""
                + tracking + "\",\"settle\":" + order.settled);
        if (order.cpr1 != null) {
            dist.append(",\"upfrontPaymentDate\":\"").append(order.upfrontDate).append(" 00:00:00\",\"cprNumber_1\":\"")
                    .append(order.cpr1).append('"');
        }
        if (order.cpr2 != null) {
            dist.append(",\"reservePaymentDate\":\"").append(order.reserveDate).append(" 00:00:00\",\"cprNumber_2\":\"")
                    .append(order.cpr2).append('"');
        }
        if (order.settled) {
            dist.append(",\"settlementDate\":\"").append(order.cpr2 != null ? order.reserveDate : order.upfrontDate)
                    .append(" 00:00:00\"");
        }
        ok(exchange, "{\"statusCode\":\"200\",\"statusMessage\":\"SUCCESSFULLY OPERATED\",\"dist\":" + dist + "}}");
    }

    /** Orders created between two dates (inclusive), as flat rows (not wrapped as the guide shows). */
    private void allOrders(HttpExchange exchange, Map<String, String> q) throws IOException {
        java.time.LocalDate from;
        java.time.LocalDate to;
        try {
            from = java.time.LocalDate.parse(q.get("startDate"));
            to = java.time.LocalDate.parse(q.get("endDate"));
        } catch (java.time.format.DateTimeParseException e) {
            springBadRequest(exchange, "v1/get-all-order");
            return;
        }
        StringBuilder rows = new StringBuilder();
        for (Order order : orders.values()) {
            if (!order.createdOn.isBefore(from) && !order.createdOn.isAfter(to)) {
                rows.append(rows.length() == 0 ? "" : ",").append("{\"trackingNumber\":\"").append(order.trackingNumber)
                        .append("\",\"orderRefNumber\":\"").append(order.orderRef).append("\",\"invoicePayment\":")
                        .append(order.invoicePayment).append(",\"cityName\":\"").append(order.city)
                        .append("\",\"transactionDate\":\"").append(order.createdOn).append(" 10:00:00\"}");
            }
        }
        ok(exchange, "{\"statusCode\":\"200\",\"statusMessage\":\"SUCCESSFULLY OPERATED\",\"dist\":[" + rows + "]}");
    }

    private void cancel(HttpExchange exchange, String body) throws IOException {
        Order order = orders.get(String.valueOf(field(body, "trackingNumber")));
        if (order == null) {
            ok(exchange, "{\"statusCode\":\"404\",\"statusMessage\":\"ORDER NOT FOUND\",\"dist\":null}");
        } else if (order.cancelled || order.lastCode().equals("0001")) {
            order.cancelled = true;
            ok(exchange, "{\"statusCode\":\"200\",\"statusMessage\":\"ORDER CANCELLED SUCCESSFULLY\",\"dist\":null}");
        } else {
            ok(exchange, "{\"statusCode\":\"400\",\"statusMessage\":\"ORDER CANNOT BE CANCELLED AFTER PICKUP\",\"dist\":null}");
        }
    }

    private void invoice(HttpExchange exchange, String trackingNumbers) throws IOException {
        String[] asked = trackingNumbers.split(",");
        if (asked.length > 10 || trackingNumbers.isBlank() || !orders.keySet().containsAll(List.of(asked))) {
            ok(exchange, "{\"statusCode\":\"404\",\"statusMessage\":\"INVOICE NOT FOUND\",\"dist\":null}");
            return;
        }
        send(exchange, 200, "application/pdf", "%PDF-1.4\n% PostEx airway bill " + String.join(",", asked) + "\n%%EOF\n");
    }

    private static void springBadRequest(HttpExchange exchange, String path) throws IOException {
        send(exchange, 400, "application/json", "{\"timestamp\":\"2026-12-05T10:00:00.000+00:00\",\"status\":400,"
                + "\"error\":\"Bad Request\",\"path\":\"/services/integration/api/order/" + path + "\"}");
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

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new LinkedHashMap<>();
        String q = exchange.getRequestURI().getRawQuery();
        if (q != null) {
            for (String pair : q.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    /** A string member of a flat JSON object (enough for PostEx's order body). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /** A number member (or a number written as a string). */
    static String number(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"?(-?\\d+)\"?").matcher(json);
        return m.find() ? m.group(1) : null;
    }
}
