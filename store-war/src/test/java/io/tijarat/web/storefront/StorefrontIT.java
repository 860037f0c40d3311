package io.tijarat.web.storefront;

import static io.tijarat.web.testing.TestSql.count;
import static io.tijarat.web.testing.Http.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.web.testing.Http;
import io.tijarat.web.testing.PayaraTestServer;
import io.tijarat.web.testing.TestSql;
import io.tijarat.web.testing.TijaratIT;
import io.tijarat.web.testing.Tokens;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The storefront over HTTP on the real WAR with the bundled plugins loaded from the plugin directory:
 * browse → cart → checkout with cash on delivery → order status; Idempotency-Key semantics; the
 * concurrency promises on the real database; bad input; and the admin API's security.
 */
@TijaratIT
@RunAsClient
class StorefrontIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PayaraTestServer.realWar();
    }

    @ArquillianResource
    URL base;

    private Http http() {
        return new Http(base);
    }

    @Test
    void a_customer_browses_fills_a_cart_pays_cash_on_delivery_and_follows_the_order() {
        var products = http().get("/api/products?q=halwa");
        assertEquals(200, products.statusCode(), products.body());
        assertTrue(products.body().contains("HALWA-500"), products.body());

        String cartId = newCartWith("HALWA-500", 2);
        var cart = http().get("/api/carts/" + cartId);
        assertEquals("250000", field(cart.body(), "subtotalMinor"));
        var options = http().get("/api/carts/" + cartId + "/shipping-options?city=%D9%84%D8%A7%DB%81%D9%88%D8%B1");
        assertEquals(200, options.statusCode(), options.body());
        assertTrue(options.body().contains("\"shippingProvider\":\"flat-rate\""), options.body());
        assertEquals(400, http().get("/api/carts/" + cartId + "/shipping-options?city=Atlantis").statusCode());

        var checkout = checkout(UUID.randomUUID().toString(), checkoutBody(cartId, "Ayesha Khan", "لاہور"));

        assertEquals(201, checkout.statusCode(), checkout.body());
        assertEquals("CONFIRMED", field(checkout.body(), "order.status"), "COD orders go straight to fulfilment");
        assertEquals("PENDING", field(checkout.body(), "order.payment.status"));
        assertEquals("PAY_OFFLINE", field(checkout.body(), "order.payment.nextAction.type"));
        assertEquals("Lahore", field(checkout.body(), "order.city"));
        String orderId = field(checkout.body(), "order.id");
        String token = field(checkout.body(), "accessToken");
        long total = Long.parseLong(field(checkout.body(), "order.totalMinor"));
        assertEquals(250_000 + Long.parseLong(field(checkout.body(), "order.shippingMinor")), total);

        var status = http().get("/api/orders/" + orderId, "X-Order-Token", token);
        assertEquals(200, status.statusCode(), status.body());
        assertEquals(field(checkout.body(), "order.number"), field(status.body(), "number"));
        assertTrue(field(status.body(), "phone").contains("*"), "the phone number is masked");

        assertEquals(404, http().get("/api/orders/" + orderId, "X-Order-Token", "wrong").statusCode());
        assertEquals(404, http().get("/api/orders/" + orderId).statusCode(), "never by id alone");
        assertEquals(409, http().put("/api/carts/" + cartId + "/lines/HALWA-500", "{\"quantity\":1}").statusCode(),
                "a checked-out cart is frozen");
    }

    @Test
    void the_same_idempotency_key_and_body_replay_the_first_answer_and_a_different_body_is_refused() {
        String cartId = newCartWith("AJRAK-STD", 1);
        String key = UUID.randomUUID().toString();
        String body = checkoutBody(cartId, "Bilal Ahmed", "Karachi");

        var first = checkout(key, body);
        var again = checkout(key, body);
        var otherBody = checkout(key, checkoutBody(cartId, "Someone Else", "Karachi"));
        var noKey = http().post("/api/checkout", body);

        assertEquals(201, first.statusCode(), first.body());
        assertEquals(201, again.statusCode());
        assertEquals(orderJson(first.body()), orderJson(again.body()), "the order replayed as first answered");
        assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(first.headers().firstValue("Location"), again.headers().firstValue("Location"));
        assertEquals(422, otherBody.statusCode(), otherBody.body());
        assertEquals(400, noKey.statusCode(), noKey.body());
        assertEquals("application/problem+json", noKey.headers().firstValue("Content-Type").orElse(""));
        assertEquals(1, ordersFor("Bilal Ahmed"));
    }

    @Test
    void the_answer_kept_for_a_replay_holds_no_access_token_and_a_replay_gets_a_fresh_one_that_reads_the_order() {
        String cartId = newCartWith("AJRAK-STD", 1);
        String key = UUID.randomUUID().toString();
        String body = checkoutBody(cartId, "Token " + UUID.randomUUID().toString().substring(0, 8), "Karachi");

        var first = checkout(key, body);
        assertEquals(201, first.statusCode(), first.body());
        String orderId = field(first.body(), "order.id");
        String token = field(first.body(), "accessToken");

        // Then the stored answer (read straight from the table) has the order but no token
        String stored = TestSql.text("SELECT response_body FROM idempotency_record WHERE order_id = ?", orderId);
        assertTrue(stored != null && stored.contains(orderId), "the answer is kept for replays: " + stored);
        assertTrue(!stored.contains(token) && !stored.contains("accessToken"), "no access token at rest: " + stored);

        // When the client retries with the same key and body
        var again = checkout(key, body);

        // Then the replay names the same order with a fresh token, and every token given reads the order
        assertEquals(201, again.statusCode(), again.body());
        assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(""));
        String replayToken = field(again.body(), "accessToken");
        assertTrue(replayToken != null && replayToken.length() >= 43 && !replayToken.equals(token), again.body());
        assertEquals(orderJson(first.body()), orderJson(again.body()));
        for (String t : List.of(token, replayToken)) {
            var order = http().get("/api/orders/" + orderId, "X-Order-Token", t);
            assertEquals(200, order.statusCode(), order.body());
            assertEquals(orderId, field(order.body(), "id"));
        }
        String storedAfter = TestSql.text("SELECT response_body FROM idempotency_record WHERE order_id = ?", orderId);
        assertTrue(!storedAfter.contains(replayToken) && !storedAfter.contains(token), storedAfter);
        assertEquals(0, count("SELECT COUNT(*) FROM order_access_token WHERE token_hash IN (?)", replayToken),
                "tokens are kept only as hashes");
        assertEquals(1, count("SELECT COUNT(*) FROM order_access_token WHERE order_id = ?", orderId));
        assertEquals(404, http().get("/api/orders/" + orderId, "X-Order-Token", replayToken + "x").statusCode());
    }

    @Test
    void idempotency_keys_differing_only_in_letter_case_are_two_different_requests() {
        String key = "Checkout-" + UUID.randomUUID();
        String name = "Case " + UUID.randomUUID().toString().substring(0, 8);

        var upper = checkout(key.toUpperCase(java.util.Locale.ROOT), checkoutBody(newCartWith("AJRAK-STD", 1), name, "Karachi"));
        var lower = checkout(key.toLowerCase(java.util.Locale.ROOT), checkoutBody(newCartWith("AJRAK-STD", 1), name, "Karachi"));

        assertEquals(201, upper.statusCode(), upper.body());
        assertEquals(201, lower.statusCode(), "another key, another request (not a 422 'different body'): " + lower.body());
        assertTrue(lower.headers().firstValue("Idempotent-Replayed").isEmpty());
        assertTrue(!field(upper.body(), "order.id").equals(field(lower.body(), "order.id")));
        assertEquals(2, ordersFor(name));
        assertEquals(2, count("SELECT COUNT(*) FROM idempotency_record WHERE LOWER(idem_key) = LOWER(?)", key));
    }

    @Test
    void fifty_concurrent_checkouts_with_one_key_make_exactly_one_order() throws Exception {
        String cartId = newCartWith("LAWN-3PC-BLUE", 1);
        String key = UUID.randomUUID().toString();
        String name = "Concurrent " + UUID.randomUUID().toString().substring(0, 8);
        String body = checkoutBody(cartId, name, "Multan");

        List<HttpResponse<String>> answers = concurrently(50, i -> checkout(key, body));

        var orderIds = new java.util.HashSet<String>();
        for (var answer : answers) {
            assertTrue(answer.statusCode() == 201 || answer.statusCode() == 409,
                    () -> "only the order or 'still running': " + answer.statusCode() + " " + answer.body());
            if (answer.statusCode() == 201) {
                orderIds.add(field(answer.body(), "order.id"));
            }
        }
        assertEquals(1, orderIds.size(), "every successful answer names the same order");
        assertEquals(1, ordersFor(name));
        assertEquals(1, attemptsFor(name), "one payment attempt");
    }

    @Test
    void fifty_concurrent_checkouts_competing_for_the_last_ten_units_sell_exactly_ten() throws Exception {
        String sku = "LAST-" + UUID.randomUUID().toString().substring(0, 8);
        var created = http().post("/api/admin/products", "{\"slug\":\"last-units-" + sku.toLowerCase() + "\",\"title\":\"Limited shawl\","
                + "\"variants\":[{\"sku\":\"" + sku + "\",\"title\":\"One size\",\"priceMinor\":150000,\"weightGrams\":400,\"stock\":10}]}",
                "Authorization", Tokens.admin());
        assertEquals(201, created.statusCode(), created.body());
        List<String> carts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            carts.add(newCartWith(sku, 1));
        }

        List<HttpResponse<String>> answers = concurrently(50, i -> checkout(UUID.randomUUID().toString(),
                checkoutBody(carts.get(i), "Buyer " + i, "Peshawar")));

        Map<Integer, Integer> byStatus = new TreeMap<>();
        answers.forEach(a -> byStatus.merge(a.statusCode(), 1, Integer::sum));
        assertEquals(Map.of(201, 10, 422, 40), byStatus, "ten sold, forty told it is out of stock");
        assertEquals(0, stockOf(sku));
    }

    @Test
    void bad_input_gets_a_problem_naming_the_field_and_changes_nothing() {
        String cartId = newCartWith("AJRAK-STD", 1);
        int ordersBefore = ordersFor("Bad Input");
        Map<String, String[]> cases = new java.util.LinkedHashMap<>();
        cases.put("malformed JSON", new String[] {"{\"cartId\": ", "body", "400"});
        cases.put("wrong type", new String[] {body(cartId, "\"customer\":\"Bad Input\""), "customer", "400"});
        cases.put("unknown field (mass assignment)", new String[] {body(cartId, "\"totalMinor\":1"), "totalMinor", "400"});
        cases.put("over-long name", new String[] {body(cartId, customer("x".repeat(500), "03001234567")), "customer.name", "400"});
        cases.put("bidi override", new String[] {body(cartId, customer("Bad \u202EInput", "03001234567")), "customer.name", "400"});
        cases.put("phone", new String[] {body(cartId, customer("Bad Input", "12")), "customer.phone", "400"});
        cases.put("unknown payment provider", new String[] {checkoutBody(cartId, "Bad Input", "Lahore").replace("\"cod\"", "\"bitcoin\""), "paymentProvider", "422"});
        for (var c : cases.entrySet()) {
            var answer = checkout(UUID.randomUUID().toString(), c.getValue()[0]);
            assertEquals(Integer.parseInt(c.getValue()[2]), answer.statusCode(), c.getKey() + ": " + answer.body());
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""), c.getKey());
            assertTrue(answer.body().contains("\"field\":\"" + c.getValue()[1] + "\""), c.getKey() + ": " + answer.body());
        }
        var huge = checkout(UUID.randomUUID().toString(), "{\"cartId\":\"" + "x".repeat(100_000) + "\"}");
        assertEquals(413, huge.statusCode(), huge.body());
        assertEquals(400, http().put("/api/carts/" + cartId + "/lines/AJRAK-STD", "{\"quantity\":-1}").statusCode());
        assertEquals(400, http().put("/api/carts/" + cartId + "/lines/AJRAK-STD", "{\"quantity\":1000000000}").statusCode());
        assertEquals(400, http().put("/api/carts/" + cartId + "/lines/AJRAK-STD", "{\"quantity\":\"two\"}").statusCode());
        var sqlish = http().get("/api/products?q=%27%20OR%201%3D1%20--");
        assertEquals(200, sqlish.statusCode());
        assertEquals("0", field(sqlish.body(), "total"), "SQL-looking text is searched for, not executed");
        assertEquals(ordersBefore, ordersFor("Bad Input"));
        var cart = http().get("/api/carts/" + cartId);
        assertEquals("false", field(cart.body(), "checkedOut"), "no bad request checked the cart out");
        assertTrue(cart.body().contains("\"quantity\":1"), "the refused quantities changed nothing: " + cart.body());
    }

    @Test
    void the_admin_api_needs_a_valid_token_with_the_right_role() {
        var product = "{\"slug\":\"p-" + UUID.randomUUID() + "\",\"title\":\"T\",\"variants\":[{\"sku\":\"S-"
                + UUID.randomUUID().toString().substring(0, 8) + "\",\"title\":\"v\",\"priceMinor\":100,\"weightGrams\":10,\"stock\":1}]}";

        assertEquals(401, http().get("/api/admin/orders").statusCode());
        assertEquals(401, http().get("/api/admin/orders", "Authorization", Tokens.adminSignedByAStranger()).statusCode());
        assertEquals(401, http().get("/api/admin/orders", "Authorization", Tokens.expiredAdmin()).statusCode());
        assertEquals(403, http().post("/api/admin/products", product, "Authorization", Tokens.staff()).statusCode());
        var list = http().get("/api/admin/orders?size=5", "Authorization", Tokens.staff());
        assertEquals(200, list.statusCode(), list.body());
        assertEquals(201, http().post("/api/admin/products", product, "Authorization", Tokens.admin()).statusCode());
    }

    @Test
    void staff_cancel_an_order_its_history_says_who_and_why_and_the_stock_comes_back() {
        int stockBefore = stockOf("CHAPPAL-9");
        String cartId = newCartWith("CHAPPAL-9", 1);
        var placed = checkout(UUID.randomUUID().toString(), checkoutBody(cartId, "Cancel Me", "Quetta"));
        assertEquals(201, placed.statusCode(), placed.body());
        String orderId = field(placed.body(), "order.id");
        assertEquals(stockBefore - 1, stockOf("CHAPPAL-9"));

        var cancelled = http().post("/api/admin/orders/" + orderId + "/cancel", "{\"reason\":\"customer called\"}",
                "Authorization", Tokens.staff());
        var again = http().post("/api/admin/orders/" + orderId + "/cancel", "{}", "Authorization", Tokens.staff());

        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertTrue(cancelled.body().contains("\"reason\":\"customer called\"") && cancelled.body().contains("staff:test-staff"),
                cancelled.body());
        assertEquals(409, again.statusCode(), "a cancelled order cannot be cancelled again");
        assertEquals(stockBefore, stockOf("CHAPPAL-9"));
    }

    @Test
    void the_product_list_is_cacheable_with_an_etag() {
        var first = http().get("/api/products");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        var second = http().get("/api/products", "If-None-Match", etag);

        assertEquals(304, second.statusCode());
        assertTrue(first.headers().firstValue("Cache-Control").orElse("").contains("max-age"));
    }

    // --- helpers ------------------------------------------------------------------------------------

    private String newCartWith(String sku, int quantity) {
        var cart = http().post("/api/carts", null);
        assertEquals(201, cart.statusCode(), cart.body());
        String id = field(cart.body(), "id");
        var line = http().put("/api/carts/" + id + "/lines/" + sku, "{\"quantity\":" + quantity + "}");
        assertEquals(200, line.statusCode(), line.body());
        return id;
    }

    private HttpResponse<String> checkout(String key, String body) {
        return http().post("/api/checkout", body, "Idempotency-Key", key);
    }

    private static String checkoutBody(String cartId, String name, String city) {
        return "{\"cartId\":\"" + cartId + "\",\"customer\":{\"name\":\"" + name + "\",\"phone\":\"0300-1234567\","
                + "\"locale\":\"en\"},\"shippingAddress\":{\"address\":\"House 12, Street 4\",\"city\":\"" + city + "\"},"
                + "\"paymentProvider\":\"cod\",\"shippingProvider\":\"flat-rate\"}";
    }

    private static String body(String cartId, String extra) {
        return "{\"cartId\":\"" + cartId + "\"," + extra + ",\"shippingAddress\":{\"address\":\"House 12, Street 4\","
                + "\"city\":\"Lahore\"},\"paymentProvider\":\"cod\",\"shippingProvider\":\"flat-rate\"}";
    }

    private static String customer(String name, String phone) {
        return "\"customer\":{\"name\":\"" + name + "\",\"phone\":\"" + phone + "\"}";
    }

    private static <T> List<T> concurrently(int n, java.util.function.IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            var start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> task = () -> {
                    start.await();
                    return call.apply(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The answer's order, as JSON text (the part a replay repeats exactly). */
    private static String orderJson(String answer) {
        return jakarta.json.Json.createReader(new java.io.StringReader(answer)).readObject().getJsonObject("order").toString();
    }

    private static int ordersFor(String customerName) {
        return count("SELECT COUNT(*) FROM customer_order WHERE customer_name = ?", customerName);
    }

    private static int attemptsFor(String customerName) {
        return count("SELECT COUNT(*) FROM payment_attempt a JOIN customer_order o ON o.id = a.order_id WHERE o.customer_name = ?",
                customerName);
    }

    private static int stockOf(String sku) {
        return count("SELECT stock FROM product_variant WHERE sku = ?", sku);
    }
}
