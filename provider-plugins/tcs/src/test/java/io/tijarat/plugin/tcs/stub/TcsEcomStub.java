package io.tijarat.plugin.tcs.stub;

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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TCS's ECOM API ("OCI Connect") on 127.0.0.1, as the integrations we read use it: the bearer token in
 * {@code Authorization} on every call (HTTP 401 {@code {"code":401,"message":"Invalid bearer token"}} without it); an
 * {@code accesstoken} bought with the account's user name and password ({@code ecom/api/authentication/token},
 * answered with its {@code expiry}), then sent in the query of a GET and the body of a POST, refused with 401 once it
 * has expired; cities by three-letter code; a booking's names of 3 to 50 characters, refusals as an {@code error}
 * list; the airway bill as a PDF; tracking with checkpoints newest first, delivery info with TCS's codes, and a
 * summary ending "Current Status: …". It keeps the consignments it booked; {@link #checkpoint} and {@link #deliver}
 * move them along, {@link #expireTokens} ends every access token.
 */
public final class TcsEcomStub implements AutoCloseable {

    private static final Map<String, String> CITIES = Map.of("KHI", "KARACHI", "LHE", "LAHORE", "ISB", "ISLAMABAD",
            "RWP", "RAWALPINDI", "MUX", "MULTAN", "LYP", "FAISALABAD", "PEW", "PESHAWAR", "DGK", "DERA GHAZI KHAN");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One consignment TCS holds. */
    public static final class Consignment {
        public final String number;
        public final String reference;
        public final long codAmount;
        public final String weightKg;
        public final String cityCode;
        public final String body;
        final List<String[]> checkpoints = Collections.synchronizedList(new ArrayList<>());
        final List<String[]> deliveries = Collections.synchronizedList(new ArrayList<>());
        volatile boolean cancelled;

        Consignment(String number, String reference, long codAmount, String weightKg, String cityCode, String body) {
            this.number = number;
            this.reference = reference;
            this.codAmount = codAmount;
            this.weightKg = weightKg;
            this.cityCode = cityCode;
            this.body = body;
        }

        public boolean cancelled() {
            return cancelled;
        }
    }

    private final HttpServer server;
    private final String bearer;
    private final String userName = "envio-shop";
    private final String password;
    private final Map<String, Consignment> consignments = new ConcurrentHashMap<>();
    private final Map<String, Boolean> accessTokens = new ConcurrentHashMap<>();
    private final AtomicLong numbers = new AtomicLong(306_100_000_000L);
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private volatile boolean down;

    private TcsEcomStub(int port, String bearer, String password) {
        this.bearer = bearer;
        this.password = password;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::handle);
        server.start();
    }

    public static TcsEcomStub start() {
        long n = System.nanoTime();
        return new TcsEcomStub(0, "bearer-" + Long.toHexString(n), "envio-pw-" + Long.toHexString(n * 13));
    }

    /** By hand: {@code java … TcsEcomStub 8092}; prints the settings that point the plugin at it. */
    public static void main(String[] args) {
        TcsEcomStub stub = new TcsEcomStub(args.length > 0 ? Integer.parseInt(args[0]) : 8092, "stub-bearer",
                "stub-password");
        settings(stub).forEach((k, v) -> System.out.println("tijarat.provider.tcs-ecom." + k + "=" + v));
    }

    /** The plugin's settings that point it at this stub, as a shop's account would fill them in. */
    public static Map<String, String> settings(TcsEcomStub stub) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("base-url", stub.baseUrl().toString());
        settings.put("bearer-token", stub.bearer);
        settings.put("user-name", stub.userName);
        settings.put("password", stub.password);
        settings.put("account-number", "T-404001");
        settings.put("cost-center-code", "CC-01");
        settings.put("shipper-name", "Tijarat Test Shop");
        settings.put("shipper-address", "Plot 4, Korangi Industrial Area");
        settings.put("shipper-mobile", "03001112233");
        return settings;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public Optional<Consignment> byNumber(String number) {
        return Optional.ofNullable(consignments.get(number));
    }

    public Optional<Consignment> byReference(String reference) {
        return consignments.values().stream().filter(c -> c.reference.equals(reference)).findFirst();
    }

    public int count() {
        return consignments.size();
    }

    /** How many access tokens were bought. */
    public int tokensIssued() {
        return tokensIssued.get();
    }

    /** Every access token given so far expires: the next call with one is refused with 401. */
    public void expireTokens() {
        accessTokens.replaceAll((token, valid) -> false);
    }

    public void down(boolean down) {
        this.down = down;
    }

    /** A checkpoint on the way ("Arrived at TCS Facility", …). */
    public void checkpoint(String number, String status) {
        consignments.get(number).checkpoints.add(new String[] {"", status, now()});
    }

    /** A delivery attempt's outcome: TCS's code (OK, RD, RR, RS, OH, UV, SD) and its wording. */
    public void deliver(String number, String code, String status) {
        consignments.get(number).deliveries.add(new String[] {code, status, now()});
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ------------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (down) {
                send(exchange, 503, "text/html", "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>");
                return;
            }
            if (!("Bearer " + bearer).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "application/json", "{\"code\":401,\"message\":\"Invalid bearer token\"}");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.equals("/ecom/api/authentication/token")) {
                token(exchange, query);
                return;
            }
            if (path.equals("/tracking/api/Tracking/GetDynamicTrackDetail")) {
                track(exchange, query.getOrDefault("consignee", ""));
                return;
            }
            if (!path.startsWith("/ecom/api/")) {
                send(exchange, 404, "application/json", "{\"message\":\"Resource not found\"}");
                return;
            }
            String access = exchange.getRequestMethod().equals("POST") ? member(body, "accesstoken") : query.get("accesstoken");
            if (access == null || !accessTokens.getOrDefault(access, false)) {
                send(exchange, 401, "application/json", "{\"code\":401,\"message\":\"Access token is invalid or expired\"}");
                return;
            }
            switch (path) {
                case "/ecom/api/setup/citylistbycountry" -> cities(exchange);
                case "/ecom/api/booking/create" -> book(exchange, body);
                case "/ecom/api/booking/cancel" -> cancel(exchange, member(body, "consignmentnumber"));
                case "/ecom/api/print/label" -> label(exchange, query.getOrDefault("consignmentno", ""));
                default -> send(exchange, 404, "application/json", "{\"message\":\"Resource not found\"}");
            }
        }
    }

    private void token(HttpExchange exchange, Map<String, String> query) throws IOException {
        if (!userName.equals(query.get("username")) || !password.equals(query.get("password"))) {
            send(exchange, 401, "application/json", "{\"code\":401,\"message\":\"Invalid username or password\"}");
            return;
        }
        String token = "AT" + Long.toHexString(System.nanoTime()) + tokensIssued.incrementAndGet();
        accessTokens.put(token, true);
        ok(exchange, "{\"accesstoken\":\"" + token + "\",\"expiry\":\""
                + LocalDateTime.now(ZoneId.of("Asia/Karachi")).plusHours(1).format(TIME) + "\"}");
    }

    private void cities(HttpExchange exchange) throws IOException {
        StringBuilder data = new StringBuilder();
        CITIES.forEach((code, name) -> data.append(data.length() == 0 ? "" : ",").append("{\"citycode\":\"").append(code)
                .append("\",\"cityname\":\"").append(name).append("\",\"countrycode\":\"PK\"}"));
        ok(exchange, "{\"message\":\"SUCCESS\",\"data\":[" + data + "]}");
    }

    private void book(HttpExchange exchange, String body) throws IOException {
        List<String> errors = new ArrayList<>();
        String firstName = member(body, "firstname");
        String mobile = member(body, "mobile");
        String cityCode = section(body, "consigneeinfo").map(c -> member(c, "citycode")).orElse(null);
        String reference = member(body, "referenceno");
        String weight = number(body, "weightinkg");
        String cod = number(body, "codamount");
        if (firstName == null || firstName.length() < 3 || firstName.length() > 50) {
            errors.add("{\"key\":\"consigneeinfo.firstname\",\"errormessage\":\"First name must be 3 to 50 characters\"}");
        }
        String consigneeMobile = section(body, "consigneeinfo").map(c -> member(c, "mobile")).orElse(mobile);
        if (consigneeMobile == null || !consigneeMobile.matches("03\\d{9}")) {
            errors.add("{\"key\":\"consigneeinfo.mobile\",\"errormessage\":\"Invalid mobile number\"}");
        }
        if (cityCode == null || !CITIES.containsKey(cityCode)) {
            errors.add("{\"key\":\"consigneeinfo.citycode\",\"errormessage\":\"Invalid city code\"}");
        }
        if (!"CC-01".equals(member(body, "costcentercode"))) {
            errors.add("{\"key\":\"shipmentinfo.costcentercode\",\"errormessage\":\"Invalid cost center\"}");
        }
        if (reference == null || weight == null || cod == null || member(body, "tcsaccount") == null) {
            errors.add("{\"key\":\"shipmentinfo\",\"errormessage\":\"Required fields are missing\"}");
        }
        if (!errors.isEmpty()) {
            send(exchange, 400, "application/json", "{\"message\":\"Validation failed\",\"error\":["
                    + String.join(",", errors) + "]}");
            return;
        }
        String cn = String.valueOf(numbers.incrementAndGet());
        consignments.put(cn, new Consignment(cn, reference, Long.parseLong(cod.contains(".") ? cod.substring(0,
                cod.indexOf('.')) : cod), weight, cityCode, body));
        ok(exchange, "{\"message\":\"SUCCESS\",\"consignmentNo\":\"" + cn + "\",\"traceid\":\"TR" + cn + "\"}");
    }

    private void cancel(HttpExchange exchange, String number) throws IOException {
        Consignment c = number == null ? null : consignments.get(number);
        if (c == null) {
            ok(exchange, "{\"message\":\"FAIL\",\"error\":[{\"key\":\"consignmentnumber\",\"errormessage\":"
                    + "\"Consignment not found\"}]}");
        } else if (c.cancelled) {
            ok(exchange, "{\"message\":\"Consignment already cancelled\"}");
        } else if (!c.checkpoints.isEmpty() || !c.deliveries.isEmpty()) {
            ok(exchange, "{\"message\":\"FAIL\",\"error\":[{\"key\":\"consignmentnumber\",\"errormessage\":"
                    + "\"Consignment cannot be cancelled after pickup\"}]}");
        } else {
            c.cancelled = true;
            ok(exchange, "{\"message\":\"Consignment cancelled successfully\"}");
        }
    }

    private void label(HttpExchange exchange, String number) throws IOException {
        if (!consignments.containsKey(number)) {
            send(exchange, 404, "application/json", "{\"message\":\"Consignment not found\"}");
            return;
        }
        send(exchange, 200, "application/pdf", "%PDF-1.4\n% TCS airway bill " + number + "\n%%EOF\n");
    }

    private void track(HttpExchange exchange, String number) throws IOException {
        Consignment c = consignments.get(number);
        if (c == null) {
            ok(exchange, "{\"message\":\"FAIL\",\"shipmentinfo\":[],\"checkpoints\":[],\"deliveryinfo\":[]}");
            return;
        }
        StringBuilder checkpoints = new StringBuilder();
        String latest = "Booked";
        synchronized (c.checkpoints) {
            for (int i = c.checkpoints.size() - 1; i >= 0; i--) { // newest first
                String[] p = c.checkpoints.get(i);
                checkpoints.append(checkpoints.length() == 0 ? "" : ",").append("{\"datetime\":\"").append(p[2])
                        .append("\",\"status\":\"").append(p[1]).append("\",\"recievedby\":\"\",\"station\":\"")
                        .append(c.cityCode).append("\"}");
            }
            if (!c.checkpoints.isEmpty()) {
                latest = c.checkpoints.get(c.checkpoints.size() - 1)[1];
            }
        }
        StringBuilder deliveries = new StringBuilder();
        synchronized (c.deliveries) {
            for (int i = c.deliveries.size() - 1; i >= 0; i--) {
                String[] d = c.deliveries.get(i);
                deliveries.append(deliveries.length() == 0 ? "" : ",").append("{\"code\":\"").append(d[0])
                        .append("\",\"status\":\"").append(d[1]).append("\",\"datetime\":\"").append(d[2])
                        .append("\",\"recievedby\":\"\"}");
            }
            if (!c.deliveries.isEmpty()) {
                latest = c.deliveries.get(c.deliveries.size() - 1)[1];
            }
        }
        ok(exchange, "{\"message\":\"SUCCESS\",\"shipmentsummary\":\"Consignment No: " + number + "\\nCurrent Status: "
                + latest + "\",\"shipmentinfo\":[{\"consignmentno\":\"" + number + "\",\"referenceno\":\"" + c.reference
                + "\"}],\"checkpoints\":[" + checkpoints + "],\"deliveryinfo\":[" + deliveries + "]}");
    }

    private static String now() {
        return LocalDateTime.now(ZoneId.of("Asia/Karachi")).format(TIME);
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

    /** The object member {@code name} of a JSON body, as text (enough for the booking's four sections). */
    private static Optional<String> section(String json, String name) {
        int at = json.indexOf("\"" + name + "\"");
        if (at < 0) {
            return Optional.empty();
        }
        int open = json.indexOf('{', at);
        int close = open < 0 ? -1 : json.indexOf('}', open);
        return open < 0 || close < 0 ? Optional.empty() : Optional.of(json.substring(open, close + 1));
    }

    /** A string member anywhere in the body (the first with that name). */
    static String member(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /** A number member (or a number written as a string). */
    static String number(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"?(-?\\d+(?:\\.\\d+)?)\"?").matcher(json);
        return m.find() ? m.group(1) : null;
    }
}
