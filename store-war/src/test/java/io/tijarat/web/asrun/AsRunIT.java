package io.tijarat.web.asrun;

import static io.tijarat.web.testing.Http.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.plugin.testkit.Eventually;
import io.tijarat.core.testsupport.TestDatabase;
import io.tijarat.server.Ports;
import io.tijarat.web.testing.Http;
import io.tijarat.web.testing.Shop;
import io.tijarat.web.testing.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The product as a shop owner runs it: the packaged server started by the README's run command (the launcher,
 * the WAR, the bundled plugin jars, the embedded MariaDB, JSON logs), its background jobs running several cycles
 * with real work (an order whose payment is pending, a provider callback whose apply was missed, a notification
 * no provider can send), then restarted on the same home. It fails on any warning or error from Tijarat's own
 * loggers, on a second deployment, on readiness going down once it was up, on a checkout answered 404 while
 * readiness says UP, and on a row lost across the restart.
 *
 * <p>{@code -Dtijarat.it.asrun.restarts=3 -Dtijarat.it.asrun.minutes=10} runs the long version (ten minutes of
 * jobs before the first restart, three restarts); the build runs one restart after about a minute.
 */
class AsRunIT {

    private static final int RESTARTS = Integer.getInteger("tijarat.it.asrun.restarts", 1);
    private static final Duration RUNNING = Duration.ofMinutes(Long.getLong("tijarat.it.asrun.minutes", 0));
    private static final Duration READINESS_WATCH = Duration.ofSeconds(60);

    @Test
    void the_packaged_server_runs_its_jobs_quietly_and_restarts_on_the_same_data_without_a_flap() throws Exception {
        Path workdir = Path.of(System.getProperty("tijarat.it.workdir"), "as-run").toAbsolutePath();
        deleteTree(workdir);
        Path home = Files.createDirectories(workdir.resolve("home"));
        int dbPort = Ports.free();
        // The file sets a reconciler interval the environment overrides: sources in the README's order
        Files.writeString(home.resolve("tijarat.properties"), String.join("\n",
                "tijarat.reconciler.interval-seconds=999",
                "tijarat.reconciler.in-flight-seconds=0",
                "tijarat.events.sweep-interval-seconds=2",
                "tijarat.outbox.interval-seconds=1",
                "tijarat.tracking.interval-seconds=3",
                "tijarat.webhooks.interval-seconds=2",
                "tijarat.idempotency.purge-interval-seconds=3",
                "tijarat.cod.release-interval-seconds=3",
                "tijarat.provider.bank-transfer.account-title=Tijarat Traders",
                "tijarat.provider.bank-transfer.bank-name=Meezan Bank",
                "tijarat.provider.bank-transfer.iban=PK36 SCBL 0000 0011 2345 6702", ""), StandardCharsets.UTF_8);
        Map<String, String> environment = new HashMap<>(Map.of(
                "TIJARAT_HOME", home.toString(),
                "TIJARAT_EMBEDDED_DB_PORT", String.valueOf(dbPort),
                "TIJARAT_RECONCILER_INTERVAL_SECONDS", "2",
                "TIJARAT_LOG_FORMAT", "json",
                "TIJARAT_SERVER_JVM_OPTIONS", System.getProperty("tijarat.it.payara.jvm", "-Xmx768m")));
        // With an external test database (CI's MariaDB service) the run command uses it, as a shop on MySQL does
        Optional<TestDatabase> external = TestDatabase.ownExternal();
        external.ifPresent(db -> environment.putAll(Map.of("TIJARAT_DB_URL", db.url(), "TIJARAT_DB_USER", db.user(),
                "TIJARAT_DB_PASSWORD", db.password())));
        Database database = new Database(home, dbPort, external);
        Map<String, String> orders = new HashMap<>();

        // Given the server as the run command starts it: the port from -D, the home and database port from the
        // environment
        int port = Ports.free();
        try (var server = LaunchedServer.start(workdir, workdir.resolve("boot-0.log"), port, Map.of(), environment)) {
            server.awaitReady(Duration.ofMinutes(5));
            assertEquals(external.isEmpty(), Files.isDirectory(home.resolve("data/mariadb")),
                    "the embedded database lives in TIJARAT_HOME, and only when none is configured");
            var http = new Http(new URL("http://127.0.0.1:" + port + "/"));
            assertEquals(2, job(http, "reconciler").getInt("intervalSeconds"), "the environment beats the file");

            // When there is work for every job: a pending bank transfer, a callback whose apply was missed,
            // a message no provider can send
            var shop = new Shop(http);
            orders.put("pending", field(shop.checkout("bank-transfer").body(), "order.id"));
            var paidLater = shop.checkout("bank-transfer", "As Run", "as-run@example.pk", "ur").body();
            orders.put("paid", field(paidLater, "order.id"));
            orders.put("cod", field(shop.checkout("cod", "As Run", "as-run-cod@example.pk", "en").body(), "order.id"));
            missedCallback(database, field(paidLater, "order.payment.attemptId"),
                    Long.parseLong(field(paidLater, "order.totalMinor")));

            // Then the stale-event job applies the missed callback in the running server
            Eventually.await(Duration.ofSeconds(60), "the missed callback is applied by the background job",
                    () -> "PAID".equals(status(http, orders.get("paid"))));
            // and every job runs several cycles, none failing
            Eventually.await(Duration.ofSeconds(90), "every job ran at least three times", () -> jobs(http).stream()
                    .filter(job -> job.getInt("intervalSeconds") > 0).allMatch(job -> job.getInt("runs") >= 3));
            waitWhileRunning(server, http);
            for (JsonObject job : jobs(http)) {
                assertEquals("OK", job.getString("health"), job.toString());
                assertEquals(0, job.getInt("itemsFailed"), job.toString());
            }
            String notification = database.text("SELECT CONCAT(state, ':', attempts) FROM outbox_message"
                    + " WHERE order_id = '" + orders.get("cod") + "' AND channel = 'EMAIL'");
            // no e-mail provider is active: the message is kept, parked with its reason for an admin to retry, and
            // the relay does not retry it for ever (issue: a backlog that grows with every order)
            assertEquals("PARKED:0", notification, "the e-mail nobody can send is recorded as not sent");
            assertTrue(database.text("SELECT last_error FROM outbox_message WHERE order_id = '" + orders.get("cod")
                    + "' AND channel = 'EMAIL'").contains("no active notification provider for EMAIL"));
            String metrics = http.get("/metrics").body();
            assertTrue(metrics.lines().anyMatch(line -> line.startsWith("tijarat_job_runs_total{")
                    && line.contains("job=\"provider-events\"")), "job metrics are exported");
            var status = http.get("/api/admin/status", "Authorization", Tokens.admin());
            assertEquals(200, status.statusCode(), status.body());
            assertTrue(status.body().contains("\"openPaymentAttempts\"") && status.body().contains("\"bank-transfer\""),
                    status.body());
            assertEquals(1, server.count("Tijarat started in"), "one deployment");
            server.stop();
            assertEquals(List.of(), server.ownWarnings(), "Tijarat's own loggers stayed quiet");
        }

        for (int restart = 1; restart <= RESTARTS; restart++) {
            // When it restarts on the same home
            try (var server = LaunchedServer.start(workdir, workdir.resolve("boot-" + restart + ".log"), port, Map.of(),
                    environment)) {
                // Then readiness, once UP, stays UP, and checkout is served whenever it is UP
                List<String> flaps = watchReadiness(server);
                assertEquals(List.of(), flaps, "readiness and checkout after restart " + restart);
                var http = new Http(new URL("http://127.0.0.1:" + port + "/"));
                // and the orders from before are there, as they were
                assertEquals("PAID", status(http, orders.get("paid")));
                assertEquals("PENDING_PAYMENT", status(http, orders.get("pending")));
                assertTrue(status(http, orders.get("cod")) != null);
                assertEquals(1, server.count("Tijarat started in"), "one deployment per start: " + server.tail(30));
                server.stop();
                assertEquals(List.of(), server.ownWarnings(), "Tijarat's own loggers stayed quiet after restart " + restart);
            }
        }
    }

    @Test
    void a_bad_setting_stops_the_start_with_a_message_naming_the_key() throws Exception {
        Path workdir = Path.of(System.getProperty("tijarat.it.workdir"), "as-run-bad-setting").toAbsolutePath();
        deleteTree(workdir);
        Path home = Files.createDirectories(workdir.resolve("home"));
        Map<String, String> environment = new HashMap<>(Map.of("TIJARAT_HOME", home.toString(),
                "TIJARAT_EMBEDDED_DB_PORT", String.valueOf(Ports.free()), "TIJARAT_LOG_FORMAT", "json"));
        TestDatabase.ownExternal().ifPresent(db -> environment.putAll(Map.of("TIJARAT_DB_URL", db.url(),
                "TIJARAT_DB_USER", db.user(), "TIJARAT_DB_PASSWORD", db.password())));

        // Given a typo in a setting given on the command line
        try (var server = LaunchedServer.start(workdir, workdir.resolve("boot.log"), Ports.free(),
                Map.of("tijarat.outbox.max-attempts", "lots"), environment)) {
            // Then the server does not stay up without its application: it stops, saying which key and why
            Eventually.await(Duration.ofMinutes(4), "the launcher exits", () -> !server.alive());
            assertTrue(server.logText().contains("tijarat.outbox.max-attempts must be a whole number from 1 to 100,"
                    + " was 'lots'"), server.tail(30));
            assertEquals(0, server.status("GET", "/health/live"), "nothing is left listening");
        }
    }

    /**
     * Polls readiness every 100 ms from the start; from its first UP, for {@link #READINESS_WATCH}, any other answer
     * is a flap, and so is a checkout answered 404 (or 5xx, or nothing) while readiness says UP.
     */
    private static List<String> watchReadiness(LaunchedServer server) throws InterruptedException {
        List<String> problems = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        Instant firstUp = null;
        while (Instant.now().isBefore(firstUp == null ? deadline : firstUp.plus(READINESS_WATCH))) {
            if (!server.alive()) {
                problems.add("the server exited: " + server.tail(30));
                break;
            }
            int ready = server.status("GET", "/health/ready");
            if (ready == 200) {
                if (firstUp == null) {
                    firstUp = Instant.now();
                }
                int checkout = server.status("POST", "/api/checkout");
                if (checkout == 0 || checkout == 404 || checkout >= 500) {
                    problems.add("checkout answered " + checkout + " while ready, " + since(firstUp));
                }
            } else if (firstUp != null) {
                problems.add("readiness " + ready + " after it was UP, " + since(firstUp));
            }
            Thread.sleep(100);
        }
        if (firstUp == null) {
            problems.add("never ready: " + server.tail(30));
        }
        return problems.size() > 10 ? problems.subList(0, 10) : problems;
    }

    private static String since(Instant firstUp) {
        return Duration.between(firstUp, Instant.now()).toMillis() + " ms after the first UP";
    }

    /** The long version keeps the jobs running; the build's version goes on at once. */
    private static void waitWhileRunning(LaunchedServer server, Http http) throws InterruptedException {
        Instant until = Instant.now().plus(RUNNING);
        while (Instant.now().isBefore(until)) {
            assertTrue(server.alive(), "the server is still running");
            assertEquals(200, http.get("/health/ready").statusCode());
            Thread.sleep(5_000);
        }
    }

    private static String status(Http http, String orderId) {
        var answer = http.get("/api/admin/orders/" + orderId, "Authorization", Tokens.admin());
        assertEquals(200, answer.statusCode(), answer.body());
        return field(answer.body(), "summary.status");
    }

    private static List<JsonObject> jobs(Http http) {
        var answer = http.get("/api/admin/jobs", "Authorization", Tokens.admin());
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.createReader(new StringReader(answer.body())).readArray().getValuesAs(JsonObject.class);
    }

    private static JsonObject job(Http http, String name) {
        var answer = http.get("/api/admin/jobs/" + name, "Authorization", Tokens.admin());
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    /** A verified provider callback stored a minute ago whose asynchronous apply never ran (the server stopped). */
    private static void missedCallback(Database database, String attemptId, long amountMinor) throws Exception {
        try (var connection = database.connect();
             var insert = connection.prepareStatement("INSERT INTO provider_event (id, provider_id, event_key, attempt_id,"
                     + " reported, reference, amount_minor, currency, confirm_by_inquiry, state, received_at)"
                     + " VALUES (?, 'bank-transfer', ?, ?, 'PAID', 'IT-BANK-REF-1', ?, 'PKR', FALSE, 'RECEIVED', ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, "missed-" + attemptId);
            insert.setString(3, attemptId);
            insert.setLong(4, amountMinor);
            insert.setTimestamp(5, Timestamp.from(Instant.now().minusSeconds(60)));
            assertEquals(1, insert.executeUpdate());
        }
    }

    /** The server's database: the embedded one as the server's own user (password kept in the home), or CI's. */
    private record Database(Path home, int embeddedPort, Optional<TestDatabase> external) {

        java.sql.Connection connect() throws Exception {
            if (external.isPresent()) {
                return DriverManager.getConnection(external.get().url(), external.get().user(), external.get().password());
            }
            var props = new Properties();
            try (var in = Files.newInputStream(home.resolve("data/embedded-db.properties"))) {
                props.load(in);
            }
            return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + embeddedPort + "/tijarat?sslMode=DISABLED"
                    + "&allowPublicKeyRetrieval=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true",
                    "tijarat", props.getProperty("password"));
        }

        String text(String query) throws Exception {
            try (var connection = connect(); var rs = connection.createStatement().executeQuery(query)) {
                assertTrue(rs.next(), query);
                return rs.getString(1);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        assertFalse(Files.exists(dir));
    }
}
