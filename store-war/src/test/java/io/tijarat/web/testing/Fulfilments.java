package io.tijarat.web.testing;

import static io.tijarat.web.testing.Http.field;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the fulfilment ITs do as staff and as a storefront: quote, book, run tracking, read an order's status. */
public final class Fulfilments {

    private Fulfilments() {
    }

    /** The charge of {@code courier}'s first option in a shipping-options answer; fails if the courier is not offered. */
    public static long charge(String options, String courier) {
        for (var option : jakarta.json.Json.createReader(new java.io.StringReader(options)).readArray()) {
            if (courier.equals(option.asJsonObject().getString("shippingProvider"))) {
                return option.asJsonObject().getJsonNumber("chargeMinor").longValue();
            }
        }
        throw new AssertionError(courier + " is not offered: " + options);
    }

    /** Books the order's parcel; asserts 200 and answers the shipment. */
    public static String fulfil(Http http, String orderId) {
        var answer = http.post("/api/admin/orders/" + orderId + "/fulfil", "", "Authorization", Tokens.staff());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body();
    }

    /** Runs tracking (and the remittance pull) now. */
    public static void track(Http http) {
        assertEquals(200, http.post("/api/admin/shipments/track", "", "Authorization", Tokens.staff()).statusCode());
    }

    /** The order's status as staff see it. */
    /** The COD remittance report (missing payouts with no grace, and mismatches), one large page. */
    public static String remittanceReport(Http http) {
        return http.get("/api/admin/cod/remittances?graceDays=0&size=200", "Authorization", Tokens.staff()).body();
    }

    public static String orderStatus(Http http, String orderId) {
        return field(http.get("/api/admin/orders/" + orderId, "Authorization", Tokens.staff()).body(), "summary.status");
    }
}
