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
 * <p>{@code --warmup-seconds N} sets the untimed round before each measured one (default a quarter of
 * {@code --seconds}, at least 3; 0 for none): {@code --clients 8,8,8,… --seconds 60 --warmup-seconds 0} is a drift
 * run, one line a minute.
 *
 * <p>{@code --grow <schema>} (with {@code --db-url}) first grows the shop's database to the "growth profile":
 * 20,000 more products, 50,000 past orders and 60,000 pending outbox messages (as a long e-mail outage leaves
 * them), written by SQL once ({@code --grow-sizes products,orders,messages} changes the counts; a second run on
 * the same schema adds nothing). {@code --search-seconds N} adds a round per concurrency of storefront searches
 * and listings ({@code /api/products?q=…} with words of the grown catalog, and the first listing page), reported
 * as p50/p95/p99 each.
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
        String growSchema = option(args, "--grow", null);
        if (growSchema != null) {
            if (dbUrl == null) throw new IllegalArgumentException("--grow needs --db-url");
            int[] sizes = Arrays.stream(option(args, "--grow-sizes", "20000,50000,60000").split(","))
                    .mapToInt(Integer::parseInt).toArray();
            Growth.grow(dbUrl, growSchema, sizes[0], sizes[1], sizes[2]);
        }
        int searchSeconds = Integer.parseInt(option(args, "--search-seconds", "0"));
        String warmupOption = option(args, "--warmup-seconds", null);
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
            int warmup = warmupOption == null ? Math.max(3, seconds / 4) : Integer.parseInt(warmupOption);
            if (warmup > 0) {
                round(base, sku, payment, city, n, warmup);                           // warm-up
            }
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
        if (searchSeconds > 0) {
            System.out.printf("%n%-7s %-8s %8s %8s %8s %8s %8s %6s%n", "clients", "request", "count", "req/s", "p50 ms",
                    "p95 ms", "p99 ms", "errors");
            for (int n : clients) {
                searchRound(base, n, Math.max(2, searchSeconds / 4));                 // warm-up
                Map<String, Result> byKind = searchRound(base, n, searchSeconds);
                byKind.forEach((kind, r) -> System.out.printf("%-7d %-8s %8d %8.1f %8.1f %8.1f %8.1f %6d%n", n, kind,
                        r.count(), r.count() / (double) searchSeconds, r.percentile(50), r.percentile(95), r.percentile(99),
                        r.errors()));
            }
        }
    }

    /** Words a shopper types (of the grown catalog and the demo one); one or two words, sometimes half typed. */
    private static final String[] SEARCHES = {"lawn", "silk kurta", "chappal", "khaddar shalwar", "shaw", "cotton",
        "velvet waist", "dupatta", "karandi", "linen suit"};

    /** Each client alternates a search and the first listing page; timed apart. */
    private static Map<String, Result> searchRound(String base, int clients, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[][]>> futures = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                List<Long> search = new ArrayList<>();
                List<Long> listing = new ArrayList<>();
                for (int i = client; System.nanoTime() < deadline; i++) {
                    boolean searching = i % 2 == 0;
                    String path = searching ? "/api/products?size=20&q="
                            + java.net.URLEncoder.encode(SEARCHES[(i / 2) % SEARCHES.length], java.nio.charset.StandardCharsets.UTF_8)
                            : "/api/products?size=20";
                    long started = System.nanoTime();
                    var answer = send(base, "GET", path, null);
                    long elapsed = System.nanoTime() - started;
                    if (answer.statusCode() != 200) {
                        errors.incrementAndGet();
                    } else {
                        (searching ? search : listing).add(elapsed);
                    }
                }
                return new long[][] {search.stream().mapToLong(Long::longValue).toArray(),
                    listing.stream().mapToLong(Long::longValue).toArray()};
            }));
        }
        List<Long> search = new ArrayList<>();
        List<Long> listing = new ArrayList<>();
        for (var f : futures) {
            long[][] samples = f.get();
            Arrays.stream(samples[0]).forEach(search::add);
            Arrays.stream(samples[1]).forEach(listing::add);
        }
        pool.shutdown();
        var byKind = new LinkedHashMap<String, Result>();
        byKind.put("search", new Result(search.stream().mapToLong(Long::longValue).toArray(), search.size(), errors.get(), Map.of()));
        byKind.put("listing", new Result(listing.stream().mapToLong(Long::longValue).toArray(), listing.size(), 0, Map.of()));
        return byKind;
    }

    /**
     * The growth profile, written straight into the shop's schema: plain SQL both MySQL 8 and MariaDB run (rows
     * numbered by a cross join of digits, no recursive CTE, whose depth MySQL limits).
     */
    static final class Growth {
        private static final String NUMBERS = "(SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS n FROM "
                + digits("a") + " CROSS JOIN " + digits("b") + " CROSS JOIN " + digits("c") + " CROSS JOIN " + digits("e")
                + " CROSS JOIN " + digits("f") + ")";

        private static String digits(String alias) {
            return "(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4"
                    + " UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) " + alias;
        }

        static void grow(String dbUrl, String schema, int products, int orders, int messages) throws Exception {
            if (!schema.matches("[A-Za-z0-9_]+")) throw new IllegalArgumentException("--grow takes a schema name");
            if (Math.max(products, Math.max(orders, messages)) > 100_000) {
                throw new IllegalArgumentException("--grow-sizes: at most 100000 each");
            }
            try (var connection = DriverManager.getConnection(dbUrl); var sql = connection.createStatement()) {
                sql.execute("USE " + schema);
                try (var rows = sql.executeQuery("SELECT COUNT(*) FROM product WHERE slug LIKE 'grow-%'")) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        System.out.println("growth profile: already grown (" + rows.getLong(1) + " products)");
                        return;
                    }
                }
                long started = System.nanoTime();
                String fabric = "ELT(1 + n % 10, 'Lawn', 'Khaddar', 'Silk', 'Cotton', 'Chiffon', 'Linen', 'Karandi',"
                        + " 'Marina', 'Velvet', 'Jacquard')";
                String garment = "ELT(1 + (n DIV 10) % 10, 'kurta', 'shirt', 'dupatta', 'shalwar', 'trouser', 'suit',"
                        + " 'shawl', 'chappal', 'khussa', 'waistcoat')";
                sql.executeUpdate("INSERT INTO product (id, slug, title, description, active, created_at, updated_at)"
                        + " SELECT UUID(), CONCAT('grow-', n), CONCAT(" + fabric + ", ' ', " + garment + ", ' ', n),"
                        + " CONCAT('A ', LOWER(" + fabric + "), ' ', " + garment + ", ' in colour ', n % 37,"
                        + " ', stitched in Pakistan — پاکستان میں سلا ہوا'), TRUE, NOW(6), NOW(6)"
                        + " FROM " + NUMBERS + " x WHERE n < " + products);
                sql.executeUpdate("INSERT INTO product_variant (id, product_id, sku, title, price_minor, currency,"
                        + " weight_grams, stock) SELECT UUID(), id, CONCAT('GROW-', SUBSTRING(slug, 6)), 'One size',"
                        + " 150000, 'PKR', 400, 50 FROM product WHERE slug LIKE 'grow-%'");
                sql.executeUpdate("INSERT INTO customer_order (id, order_number, access_token_hash, status,"
                        + " customer_name, customer_phone, locale, address, city, payment_provider, shipping_provider,"
                        + " shipping_service, currency, subtotal_minor, shipping_minor, tax_minor, total_minor,"
                        + " created_at, updated_at) SELECT UUID(), CONCAT('G', LPAD(n, 9, '0')), SHA2(CONCAT('g', n), 256),"
                        + " 'DELIVERED', 'Grown Customer', '03001234567', 'en', 'House 1, Street 1', 'Lahore', 'cod',"
                        + " 'flat-rate', 'standard', 'PKR', 150000, 25000, 0, 175000,"
                        + " NOW(6) - INTERVAL (n * 10) MINUTE, NOW(6) - INTERVAL (n * 10) MINUTE"
                        + " FROM " + NUMBERS + " x WHERE n < " + orders);
                // pending e-mails after a long outage: due over the next hour, so the relay meets them during the run
                sql.executeUpdate("INSERT INTO outbox_message (id, event_type, channel, recipient, locale, subject, body,"
                        + " state, attempts, next_attempt_at, created_at) SELECT CONCAT('grow', LPAD(n, 12, '0')),"
                        + " 'ORDER_PLACED', 'EMAIL', 'customer@example.com', 'en', 'Your order', 'Thank you for your order',"
                        + " 'PENDING', 3, NOW(6) + INTERVAL (n % 3600) SECOND, NOW(6) - INTERVAL 1 DAY"
                        + " FROM " + NUMBERS + " x WHERE n < " + messages);
                System.out.printf("growth profile: %d products, %d orders, %d pending messages written in %.1f s%n",
                        products, orders, messages, (System.nanoTime() - started) / 1e9);
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
