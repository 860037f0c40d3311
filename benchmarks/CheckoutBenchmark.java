import io.tijarat.server.IssueToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checkout throughput and latency against a running Tijarat server (see README, "Benchmarks").
 *
 * <pre>
 * java -cp server-config/target/classes benchmarks/CheckoutBenchmark.java \
 *      --base http://127.0.0.1:8080 --clients 1,8,32 --seconds 20 --key server-config/dev-keys/dev-jwt-private.pem
 * </pre>
 *
 * Each client loops: create a cart, add one unit, POST /api/checkout with a fresh Idempotency-Key. Only the
 * checkout request is timed. A warm-up round (not reported) precedes each measured round.
 *
 * <p>{@code --payment cod} (default) pays cash on delivery: no remote call, a zero-latency provider.
 * {@code --payment jazzcash-wallet} charges a JazzCash wallet through the plugin — point the server's
 * jazzcash plugin at the JazzCash stub (provider-plugins/jazzcash/README.md), whose {@code --delay-ms}
 * plays the gateway's latency.
 */
public final class CheckoutBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        String base = option(args, "--base", "http://127.0.0.1:8080");
        int seconds = Integer.parseInt(option(args, "--seconds", "20"));
        int[] clients = Arrays.stream(option(args, "--clients", "1,8,32").split(",")).mapToInt(Integer::parseInt).toArray();
        String token = IssueToken.issue(IssueToken.readPrivateKey(Path.of(option(args, "--key",
                "server-config/dev-keys/dev-jwt-private.pem"))), IssueToken.DEFAULT_ISSUER, "benchmark", List.of("admin"),
                Duration.ofHours(2));
        String payment = switch (option(args, "--payment", "cod")) {
            case "cod" -> "\"paymentProvider\":\"cod\"";
            case "jazzcash-wallet" -> "\"paymentProvider\":\"jazzcash\",\"wallet\":{\"number\":\"03001234567\",\"cnicLastSix\":\"345678\"}";
            default -> throw new IllegalArgumentException("--payment is cod or jazzcash-wallet");
        };
        String sku = "BENCH-" + UUID.randomUUID().toString().substring(0, 8);
        var created = send(base, "POST", "/api/admin/products", "{\"slug\":\"bench-" + sku.toLowerCase() + "\",\"title\":\"Benchmark\","
                + "\"variants\":[{\"sku\":\"" + sku + "\",\"title\":\"One\",\"priceMinor\":10000,\"weightGrams\":100,\"stock\":1000000}]}",
                "Authorization", "Bearer " + token);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("cannot create the benchmark product: " + created.body());
        }
        System.out.printf("%-8s %10s %12s %10s %10s %10s %8s  %s%n", "clients", "checkouts", "checkouts/s", "p50 ms", "p99 ms",
                "max ms", "errors", "payment outcomes");
        for (int n : clients) {
            round(base, sku, payment, n, Math.max(3, seconds / 4));            // warm-up
            Result r = round(base, sku, payment, n, seconds);
            System.out.printf("%-8d %10d %12.1f %10.1f %10.1f %10.1f %8d  %s%n", n, r.count(), r.count() / (double) seconds,
                    r.percentile(50), r.percentile(99), r.percentile(100), r.errors(), r.outcomes());
        }
    }

    /** @param outcomes how many checkouts ended with each payment attempt status (APPROVED, PENDING, NOT_SENT …) */
    private record Result(long[] nanos, int count, int errors, java.util.Map<String, Integer> outcomes) {
        double percentile(int p) {
            if (count == 0) return Double.NaN;
            long[] sorted = Arrays.copyOf(nanos, count);
            Arrays.sort(sorted);
            int index = Math.min(count - 1, (int) Math.ceil(p / 100.0 * count) - 1);
            return sorted[Math.max(0, index)] / 1e6;
        }
    }

    private static Result round(String base, String sku, String payment, int clients, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger errors = new AtomicInteger();
        var outcomes = new java.util.concurrent.ConcurrentSkipListMap<String, Integer>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                List<Long> samples = new ArrayList<>();
                while (System.nanoTime() < deadline) {
                    var cart = send(base, "POST", "/api/carts", null);
                    String cartId = cart.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
                    send(base, "PUT", "/api/carts/" + cartId + "/lines/" + sku, "{\"quantity\":1}");
                    String body = "{\"cartId\":\"" + cartId + "\",\"customer\":{\"name\":\"Bench Mark\",\"phone\":\"03001234567\"},"
                            + "\"shippingAddress\":{\"address\":\"House 1, Street 1\",\"city\":\"Lahore\"},"
                            + payment + ",\"shippingProvider\":\"flat-rate\"}";
                    long started = System.nanoTime();
                    var answer = send(base, "POST", "/api/checkout", body, "Idempotency-Key", UUID.randomUUID().toString());
                    long elapsed = System.nanoTime() - started;
                    if (answer.statusCode() == 201) {
                        samples.add(elapsed);
                        outcomes.merge(answer.body().replaceAll("(?s).*?\"payment\":\\{.*?\"status\":\"([A-Z_]+)\"}.*", "$1"), 1,
                                Integer::sum);
                    } else {
                        errors.incrementAndGet();
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

    private static HttpResponse<String> send(String base, String method, String path, String json, String... headers) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
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
