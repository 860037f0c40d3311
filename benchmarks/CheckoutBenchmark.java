import io.tijarat.server.IssueToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The storefront flow against a running Tijarat server (see README, "Benchmarks").
 *
 * <pre>
 * java -cp server-config/target/classes:&lt;mysql-connector-j.jar&gt; benchmarks/CheckoutBenchmark.java \
 *      --base http://127.0.0.1:8080 --clients 1,8,32 --seconds 20 --payment jazzcash-wallet \
 *      --server-pid 12345 --db-url 'jdbc:mysql://127.0.0.1:3306/?user=root&amp;sslMode=DISABLED'
 * </pre>
 *
 * Each client loops over one order: create a cart, add one unit, ask the shipping options for the city,
 * check out with a fresh Idempotency-Key, read the order with its access token. The whole flow is timed
 * (that is what a customer waits for); a warm-up round (not reported) precedes each measured round.
 *
 * <p>Per round it reports orders/s, p50/p95/p99/max of the flow, and, when asked:
 * <ul>
 *   <li>{@code --server-pid}: the server process's CPU time per order (utime + stime from /proc) and its
 *       resident memory at the end of the round (VmRSS);</li>
 *   <li>{@code --db-url}: SQL statements and commits per order, from the database's global status counters
 *       ({@code Com_select}, {@code Com_insert}, {@code Com_update}, {@code Com_delete}, {@code Com_set_option},
 *       {@code Com_commit}) — meaningful only on a database nothing else writes to; the server's background
 *       jobs run during the round and are counted, as they are part of what an order costs.</li>
 * </ul>
 *
 * <p>{@code --payment cod} pays cash on delivery (no remote call); {@code --payment jazzcash-wallet} charges a
 * JazzCash wallet through the bundled plugin against the JazzCash stub, whose {@code --delay-ms} (and
 * {@code --jitter-ms}, {@code --stall-percent}) play the gateway's latency.
 */
public final class CheckoutBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final String[] COUNTERS = {"Com_select", "Com_insert", "Com_update", "Com_delete", "Com_set_option",
        "Com_commit"};
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    public static void main(String[] args) throws Exception {
        String base = option(args, "--base", "http://127.0.0.1:8080");
        int seconds = Integer.parseInt(option(args, "--seconds", "20"));
        int[] clients = Arrays.stream(option(args, "--clients", "1,8,32").split(",")).mapToInt(Integer::parseInt).toArray();
        String serverPid = option(args, "--server-pid", null);
        String dbUrl = option(args, "--db-url", null);
        String city = option(args, "--city", "Lahore");
        String token = IssueToken.issue(IssueToken.readPrivateKey(Path.of(option(args, "--key",
                "server-config/dev-keys/dev-jwt-private.pem"))), IssueToken.DEFAULT_ISSUER, "benchmark", List.of("admin"),
                Duration.ofHours(2));
        String payment = switch (option(args, "--payment", "cod")) {
            case "cod" -> "\"paymentProvider\":\"cod\"";
            case "jazzcash-wallet" -> "\"paymentProvider\":\"jazzcash\",\"paymentMethod\":\"WALLET\","
                    + "\"wallet\":{\"number\":\"03001234567\",\"cnicLastSix\":\"345678\"}";
            default -> throw new IllegalArgumentException("--payment is cod or jazzcash-wallet");
        };
        String sku = "BENCH-" + UUID.randomUUID().toString().substring(0, 8);
        var created = send(base, "POST", "/api/admin/products", "{\"slug\":\"bench-" + sku.toLowerCase() + "\",\"title\":\"Benchmark\","
                + "\"variants\":[{\"sku\":\"" + sku + "\",\"title\":\"One\",\"priceMinor\":10000,\"weightGrams\":100,\"stock\":1000000}]}",
                "Authorization", "Bearer " + token);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("cannot create the benchmark product: " + created.body());
        }
        System.out.printf("%-7s %7s %8s %8s %8s %8s %8s %6s %9s %9s %8s %7s  %s%n", "clients", "orders", "orders/s", "p50 ms",
                "p95 ms", "p99 ms", "max ms", "errors", "cpu-ms/o", "sql/o", "commit/o", "rss MB", "payment outcomes");
        for (int n : clients) {
            round(base, sku, payment, city, n, Math.max(3, seconds / 4));            // warm-up
            long cpuBefore = serverPid == null ? 0 : cpuTicks(serverPid);
            Map<String, Long> dbBefore = dbUrl == null ? Map.of() : counters(dbUrl);
            Result r = round(base, sku, payment, city, n, seconds);
            long cpu = serverPid == null ? 0 : cpuTicks(serverPid) - cpuBefore;
            Map<String, Long> dbAfter = dbUrl == null ? Map.of() : counters(dbUrl);
            int orders = Math.max(1, r.count());
            String cpuPerOrder = serverPid == null ? "-" : String.format("%.1f", cpu * 1000.0 / TICKS_PER_SECOND / orders);
            String sqlPerOrder = "-";
            String commitsPerOrder = "-";
            if (dbUrl != null) {
                long statements = 0;
                for (String c : COUNTERS) {
                    statements += dbAfter.get(c) - dbBefore.get(c);
                }
                statements -= 1; // our own SHOW GLOBAL STATUS
                sqlPerOrder = String.format("%.1f", statements / (double) orders);
                commitsPerOrder = String.format("%.1f", (dbAfter.get("Com_commit") - dbBefore.get("Com_commit")) / (double) orders);
            }
            String rss = serverPid == null ? "-" : String.valueOf(rssMegabytes(serverPid));
            System.out.printf("%-7d %7d %8.1f %8.1f %8.1f %8.1f %8.1f %6d %9s %9s %8s %7s  %s%n", n, r.count(),
                    r.count() / (double) seconds, r.percentile(50), r.percentile(95), r.percentile(99), r.percentile(100),
                    r.errors(), cpuPerOrder, sqlPerOrder, commitsPerOrder, rss, r.outcomes());
            if (dbUrl != null && option(args, "--statements", null) != null) {
                var detail = new LinkedHashMap<String, String>();
                for (String c : COUNTERS) {
                    detail.put(c, String.format("%.2f", (dbAfter.get(c) - dbBefore.get(c)) / (double) orders));
                }
                System.out.println("        per order: " + detail);
            }
        }
    }

    /** @param outcomes how many orders ended with each payment attempt status (APPROVED, PENDING, NOT_SENT …) */
    private record Result(long[] nanos, int count, int errors, Map<String, Integer> outcomes) {
        double percentile(int p) {
            if (count == 0) return Double.NaN;
            long[] sorted = Arrays.copyOf(nanos, count);
            Arrays.sort(sorted);
            int index = Math.min(count - 1, (int) Math.ceil(p / 100.0 * count) - 1);
            return sorted[Math.max(0, index)] / 1e6;
        }
    }

    private static Result round(String base, String sku, String payment, String city, int clients, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger errors = new AtomicInteger();
        var outcomes = new ConcurrentSkipListMap<String, Integer>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                List<Long> samples = new ArrayList<>();
                while (System.nanoTime() < deadline) {
                    long started = System.nanoTime();
                    String status = order(base, sku, payment, city);
                    long elapsed = System.nanoTime() - started;
                    if (status == null) {
                        errors.incrementAndGet();
                    } else {
                        samples.add(elapsed);
                        outcomes.merge(status, 1, Integer::sum);
                    }
                }
                return samples;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (var f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();
        return new Result(all.stream().mapToLong(Long::longValue).toArray(), all.size(), errors.get(), outcomes);
    }

    /** One customer's order; the payment status as the order read tells it, or null when a step failed. */
    private static String order(String base, String sku, String payment, String city) throws Exception {
        var cart = send(base, "POST", "/api/carts", null);
        if (cart.statusCode() != 201) return null;
        String cartId = field(cart.body(), "id");
        if (send(base, "PUT", "/api/carts/" + cartId + "/lines/" + sku, "{\"quantity\":1}").statusCode() != 200) return null;
        var options = send(base, "GET", "/api/carts/" + cartId + "/shipping-options?city=" + city, null);
        if (options.statusCode() != 200) return null;
        String shipping = field(options.body(), "shippingProvider");
        String service = field(options.body(), "shippingService");
        String body = "{\"cartId\":\"" + cartId + "\",\"customer\":{\"name\":\"Bench Mark\",\"phone\":\"03001234567\"},"
                + "\"shippingAddress\":{\"address\":\"House 1, Street 1\",\"city\":\"" + city + "\"},"
                + payment + ",\"shippingProvider\":\"" + shipping + "\",\"shippingService\":\"" + service + "\"}";
        var answer = send(base, "POST", "/api/checkout", body, "Idempotency-Key", UUID.randomUUID().toString());
        if (answer.statusCode() != 201) return null;
        String location = answer.headers().firstValue("Location").orElseThrow();
        String orderId = location.substring(location.lastIndexOf('/') + 1);
        String accessToken = field(answer.body(), "accessToken");
        var read = send(base, "GET", "/api/orders/" + orderId, null, "X-Order-Token", accessToken);
        if (read.statusCode() != 200) return null;
        return read.body().replaceAll("(?s).*?\"payment\":\\{.*?\"status\":\"([A-Z_]+)\".*", "$1");
    }

    private static String field(String json, String name) {
        var m = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) throw new IllegalStateException("no " + name + " in " + json);
        return m.group(1);
    }

    private static long cpuTicks(String pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    }

    private static long rssMegabytes(String pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static Map<String, Long> counters(String url) throws Exception {
        var values = new LinkedHashMap<String, Long>();
        try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement();
             var rows = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('" + String.join("','", COUNTERS) + "')")) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getLong(2));
            }
        }
        return values;
    }

    private static HttpResponse<String> send(String base, String method, String path, String json, String... headers) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) builder.header("Content-Type", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) builder.header(headers[i], headers[i + 1]);
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) return args[i + 1];
        }
        return fallback;
    }
}
