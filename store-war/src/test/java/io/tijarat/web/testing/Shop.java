package io.tijarat.web.testing;

import static io.tijarat.web.testing.Http.field;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.UUID;

/** A storefront client for tests: a product of its own, carts, checkouts. */
public final class Shop {

    private final Http http;
    private final String sku = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    /** Creates a product of its own (price Rs 100, plenty of stock) through the admin API. */
    public Shop(Http http) {
        this(http, 10_000);
    }

    /** Creates a product of its own at {@code priceMinor} paisa (100 g, plenty of stock) through the admin API. */
    public Shop(Http http, long priceMinor) {
        this.http = http;
        var created = http.post("/api/admin/products", "{\"slug\":\"p-" + sku.toLowerCase() + "\",\"title\":\"Test product\","
                + "\"variants\":[{\"sku\":\"" + sku + "\",\"title\":\"One\",\"priceMinor\":" + priceMinor
                + ",\"weightGrams\":100,\"stock\":1000}]}",
                "Authorization", Tokens.admin());
        assertEquals(201, created.statusCode(), created.body());
    }

    /** Checks out one unit with {@code paymentProvider}; asserts the order was created (201). */
    public HttpResponse<String> checkout(String paymentProvider) {
        return checkout(paymentProvider, "Test Customer");
    }

    public HttpResponse<String> checkout(String paymentProvider, String customerName) {
        return checkout(paymentProvider, customerName, null, "en");
    }

    /** A checkout with the customer's e-mail (may be null) and language. */
    public HttpResponse<String> checkout(String paymentProvider, String customerName, String email, String locale) {
        return checkout(paymentProvider, "flat-rate", "Karachi", customerName, email, locale);
    }

    /** Checks out with {@code paymentJson} (e.g. {@code ,"paymentMethod":"CARD"}) added to the body; asserts 201. */
    public HttpResponse<String> checkoutWith(String paymentProvider, String paymentJson) {
        var answer = attemptCheckout(paymentProvider, paymentJson);
        assertEquals(201, answer.statusCode(), answer.body());
        return answer;
    }

    /** The same checkout, whatever the answer. */
    public HttpResponse<String> attemptCheckout(String paymentProvider, String paymentJson) {
        return post(paymentProvider, "flat-rate", "Karachi", "Test Customer", null, "en", paymentJson);
    }

    public HttpResponse<String> checkout(String paymentProvider, String shippingProvider, String city, String customerName,
                                         String email, String locale) {
        var answer = post(paymentProvider, shippingProvider, city, customerName, email, locale, "");
        assertEquals(201, answer.statusCode(), answer.body());
        return answer;
    }

    /** A new cart holding one unit of this shop's product; its id. */
    public String cart() {
        String cartId = field(http.post("/api/carts", null).body(), "id");
        http.put("/api/carts/" + cartId + "/lines/" + sku, "{\"quantity\":1}");
        return cartId;
    }

    /** One unit of this shop's product in a new cart, checked out with {@code extraJson} added to the body. */
    private HttpResponse<String> post(String paymentProvider, String shippingProvider, String city, String customerName,
                                      String email, String locale, String extraJson) {
        String cartId = field(http.post("/api/carts", null).body(), "id");
        http.put("/api/carts/" + cartId + "/lines/" + sku, "{\"quantity\":1}");
        return http.post("/api/checkout", "{\"cartId\":\"" + cartId + "\",\"customer\":{\"name\":\"" + customerName + "\","
                + "\"phone\":\"03001234567\","
                + (email == null ? "" : "\"email\":\"" + email + "\",") + "\"locale\":\"" + locale + "\"},\"shippingAddress\":{\"address\":\"House 1, Street 1\",\"city\":\"" + city + "\"},"
                + "\"paymentProvider\":\"" + paymentProvider + "\",\"shippingProvider\":\"" + shippingProvider + "\""
                + extraJson + "}", "Idempotency-Key", UUID.randomUUID().toString());
    }
}
