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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TCS's COD API on 127.0.0.1 as integrations describe it: the {@code X-IBM-Client-Id} header (HTTP 401 without the
 * right one); user name and password in the body ({@code returnStatus.code "0401"} when wrong); every answer with
 * {@code returnStatus{status, code, message}}; the new consignment number inside {@code bookingReply.result}
 * ("Your generated CN is : 779412345678"); weights in kilograms; the tracking reply's {@code recievedBy} (sic) and
 * its delivery codes (OK, RD, RR, RS, OH, UV, SD). It keeps the consignments it booked; {@link #deliver} and
 * {@link #checkpoint} move them along.
 */
public final class TcsStub implements AutoCloseable {

    private static final List<String> CITIES = List.of("KARACHI", "LAHORE", "ISLAMABAD", "RAWALPINDI", "MULTAN",
            "FAISALABAD", "PESHAWAR", "DERA GHAZI KHAN");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One consignment TCS holds. */
    public static final class Consignment {
        public final String number;
        public final String reference;
        public final String codAmount;
        public final String weight;
        public final String destination;
        public final String body;
        final List<String[]> checkpoints = Collections.synchronizedList(new ArrayList<>());
        final List<String[]> deliveries = Collections.synchronizedList(new ArrayList<>());
        volatile boolean cancelled;

        Consignment(String number, String reference, String codAmount, String weight, String destination, String body) {
            this.number = number;
            this.reference = reference;
            this.codAmount = codAmount;
            this.weight = weight;
            this.destination = destination;
            this.body = body;
        }

        public boolean cancelled() {
            return cancelled;
        }
    }

    private final HttpServer server;
    private final String clientId;
    private final String userName = "shop-user";
    private final String password;
    private final Map<String, Consignment> consignments = new ConcurrentHashMap<>();
    private final AtomicLong numbers = new AtomicLong(779_400_000_000L);

    private TcsStub(int port, String clientId, String password) {
        this.clientId = clientId;
        this.password = password;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/production/", this::handle);
        server.start();
    }

    public static TcsStub start() {
        long n = System.nanoTime();
        return new TcsStub(0, "client-" + Long.toHexString(n), "pw-" + Long.toHexString(n * 7));
    }

    /** By hand: {@code java … TcsStub 8091}; prints the settings that point the plugin at it. */
    public static void main(String[] args) {
        TcsStub stub = new TcsStub(args.length > 0 ? Integer.parseInt(args[0]) : 8091, "stub-client", "stub-password");
        System.out.println("tijarat.provider.tcs.base-url=" + stub.baseUrl());
        System.out.println("tijarat.provider.tcs.tracking-url=" + stub.trackingUrl());
        System.out.println("tijarat.provider.tcs.client-id=" + stub.clientId());
        System.out.println("tijarat.provider.tcs.user-name=" + stub.userName());
        System.out.println("tijarat.provider.tcs.password=" + stub.password());
        System.out.println("tijarat.provider.tcs.cost-center-code=CC-01");
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/production/v1/cod/");
    }

    public URI trackingUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/production/track/v1/shipments/detail");
    }

    public String clientId() {
        return clientId;
    }

    public String userName() {
        return userName;
    }

    public String password() {
        return password;
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

    /** A checkpoint on the way ("Arrived at TCS Facility", "Departed", …), without a delivery code. */
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

    private static String now() {
        return LocalDateTime.now(ZoneId.of("Asia/Karachi")).format(TIME);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!clientId.equals(exchange.getRequestHeaders().getFirst("X-IBM-Client-Id"))) {
                send(exchange, 401, "{\"httpCode\":\"401\",\"httpMessage\":\"Unauthorized\",\"moreInformation\":"
                        + "\"Client id not registered.\"}");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (method.equals("GET") && path.equals("/production/v1/cod/cities")) {
                StringBuilder list = new StringBuilder();
                for (String c : CITIES) {
                    list.append(list.length() == 0 ? "" : ",").append("{\"cityID\":").append(CITIES.indexOf(c) + 1)
                            .append(",\"cityName\":\"").append(c).append("\",\"cityCode\":\"").append(c, 0, 3).append("\"}");
                }
                send(exchange, 200, status("SUCCESS", "0200", "Operation Successful") + ",\"allCities\":[" + list + "]}");
            } else if (path.startsWith("/production/v1/cod/") && !credentialsOk(body)) {
                send(exchange, 200, status("FAIL", "0401", "Invalid username or password") + "}");
            } else if (method.equals("POST") && path.equals("/production/v1/cod/create-order")) {
                create(exchange, body);
            } else if (method.equals("PUT") && path.equals("/production/v1/cod/cancel-order")) {
                cancel(exchange, field(body, "consignmentNumber"));
            } else if (method.equals("GET") && path.equals("/production/track/v1/shipments/detail")) {
                track(exchange, query(exchange.getRequestURI().getRawQuery(), "consignmentNo"));
            } else {
                send(exchange, 404, status("FAIL", "0404", "Resource not found") + "}");
            }
        }
    }

    private boolean credentialsOk(String body) {
        return userName.equals(field(body, "userName")) && password.equals(field(body, "password"));
    }

    private void create(HttpExchange exchange, String body) throws IOException {
        String destination = field(body, "destinationCityName");
        String reference = field(body, "customerReferenceNo");
        String weight = number(body, "weight");
        if (destination == null || reference == null || weight == null || field(body, "consigneeMobNo") == null) {
            send(exchange, 200, status("FAIL", "0406", "Invalid request: required fields missing") + "}");
            return;
        }
        if (!CITIES.contains(destination.toUpperCase())) {
            send(exchange, 200, status("FAIL", "0406", "Invalid destination city name") + "}");
            return;
        }
        String cn = String.valueOf(numbers.incrementAndGet());
        consignments.put(cn, new Consignment(cn, reference, field(body, "codAmount"), weight, destination, body));
        send(exchange, 200, status("SUCCESS", "0200", "Operation Successful")
                + ",\"bookingReply\":{\"result\":\"Your generated CN is : " + cn + "\"}}");
    }

    private void cancel(HttpExchange exchange, String cn) throws IOException {
        Consignment c = cn == null ? null : consignments.get(cn);
        if (c == null) {
            send(exchange, 200, status("FAIL", "0404", "Consignment not found") + "}");
        } else if (!c.checkpoints.isEmpty() || !c.deliveries.isEmpty()) {
            send(exchange, 200, status("FAIL", "0405", "Consignment cannot be cancelled after pickup") + "}");
        } else {
            c.cancelled = true;
            send(exchange, 200, status("SUCCESS", "0200", "Consignment cancelled") + "}");
        }
    }

    private void track(HttpExchange exchange, String cn) throws IOException {
        Consignment c = cn == null ? null : consignments.get(cn);
        if (c == null) {
            send(exchange, 200, status("FAIL", "0404", "No record found") + "}");
            return;
        }
        StringBuilder checkpoints = new StringBuilder();
        synchronized (c.checkpoints) {
            for (String[] p : c.checkpoints) {
                checkpoints.append(checkpoints.length() == 0 ? "" : ",").append("{\"status\":\"").append(p[1])
                        .append("\",\"dateTime\":\"").append(p[2]).append("\",\"station\":\"KHI\"}");
            }
        }
        StringBuilder deliveries = new StringBuilder();
        synchronized (c.deliveries) {
            for (String[] d : c.deliveries) {
                deliveries.append(deliveries.length() == 0 ? "" : ",").append("{\"consignmentNo\":\"").append(cn)
                        .append("\",\"code\":\"").append(d[0]).append("\",\"status\":\"").append(d[1])
                        .append("\",\"recievedBy\":\"\",\"dateTime\":\"").append(d[2]).append("\",\"station\":\"LHE\"}");
            }
        }
        send(exchange, 200, status("SUCCESS", "0200", "Operation Successful") + ",\"TrackDetailReply\":{\"Checkpoints\":["
                + checkpoints + "],\"DeliveryInfo\":[" + deliveries + "]}}");
    }

    private static String status(String status, String code, String message) {
        return "{\"returnStatus\":{\"status\":\"" + status + "\",\"code\":\"" + code + "\",\"message\":\"" + message + "\"}";
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static String query(String raw, String name) {
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name)) {
                    return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static String number(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"?(-?\\d+(?:\\.\\d+)?)\"?").matcher(json);
        return m.find() ? m.group(1) : null;
    }
}
