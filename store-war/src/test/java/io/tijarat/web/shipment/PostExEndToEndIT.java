package io.tijarat.web.shipment;

import static io.tijarat.web.testing.Fulfilments.charge;
import static io.tijarat.web.testing.Fulfilments.fulfil;
import static io.tijarat.web.testing.Fulfilments.orderStatus;
import static io.tijarat.web.testing.Fulfilments.remittanceReport;
import static io.tijarat.web.testing.Fulfilments.track;
import static io.tijarat.web.testing.Http.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.plugin.testkit.Eventually;
import io.tijarat.plugin.postex.stub.PostExStub;
import io.tijarat.web.testing.CourierStubs;
import io.tijarat.web.testing.Http;
import io.tijarat.web.testing.PayaraTestServer;
import io.tijarat.web.testing.Shop;
import io.tijarat.web.testing.TestPlugins;
import io.tijarat.web.testing.TijaratIT;
import io.tijarat.web.testing.Tokens;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A shop fulfilling with PostEx, the bundled plugin against the PostEx stub, through the packaged server: quotes for
 * COD and prepaid orders; a COD order booked with the order number and its whole rupees, its airway bill kept,
 * tracked to delivered and its payout matched; a prepaid order booked with nothing to collect and returned to the shop; a booking cancelled
 * before pickup and booked again.
 */
@TijaratIT
@RunAsClient
class PostExEndToEndIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PayaraTestServer.realWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void cod_and_prepaid_orders_go_through_postex_from_quote_to_delivery_or_return() throws Exception {
        var http = new Http(base);
        PostExStub postEx = CourierStubs.postEx();
        Eventually.await(Duration.ofSeconds(30), "the PostEx plugin is active",
                () -> "ACTIVE".equals(TestPlugins.state(http, "postex")));
        var shop = new Shop(http, 199_950); // Rs 1,999.50, 100 g

        // Quotes from the merchant's tariff: Rs 200 to Lahore, +10 % fuel, +16 % GST; COD adds 2 % of Rs 1,999
        String cart = shop.cart();
        assertEquals(25_520, charge(http.get("/api/carts/" + cart + "/shipping-options?city=Lahore").body(), "postex"));
        assertEquals(30_158, charge(http.get("/api/carts/" + cart + "/shipping-options?city=Lahore&paymentProvider=cod")
                .body(), "postex"), "(200 + 20 + 39.98) × 1.16 = 301.58");

        // COD: whole rupees to collect, the order number as PostEx's reference, the airway bill kept
        String cod = field(shop.checkout("cod", "postex", "Lahore", "PostEx Cod", null, "en").body(), "order");
        String codId = field(cod, "id");
        long total = Long.parseLong(field(cod, "totalMinor"));
        assertEquals(0, total % 100, "a COD total is whole rupees: " + total);
        var booked = fulfil(http, codId);
        assertEquals("BOOKED", field(booked, "status"), booked);
        String tracking = field(booked, "trackingNumber");
        PostExStub.Order atPostEx = postEx.byTrackingNumber(tracking).orElseThrow();
        assertEquals(field(cod, "number"), atPostEx.orderRef);
        assertEquals(total / 100, atPostEx.invoicePayment);
        assertEquals("true", field(booked, "labelStored"));
        HttpResponse<byte[]> label = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + base.getPort() + "/api/admin/shipments/" + field(booked, "id") + "/label"))
                .header("Authorization", Tokens.staff()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, label.statusCode());
        assertTrue(new String(label.body(), StandardCharsets.US_ASCII).contains("airway bill " + tracking));

        // Picked up, then delivered: the order follows
        postEx.advance(tracking, "0003");
        Eventually.await(Duration.ofSeconds(30), "shipped", () -> {
            track(http);
            return "SHIPPED".equals(orderStatus(http, codId));
        });
        postEx.advance(tracking, "0013");
        postEx.advance(tracking, "0005");
        Eventually.await(Duration.ofSeconds(30), "delivered", () -> {
            track(http);
            return "DELIVERED".equals(orderStatus(http, codId));
        });

        // Paid out under two CPRs, the upfront and the reserve, PostEx's fee and tax kept: each payment is matched as
        // it is paid, and the parcel is asked about until the reserve has come
        assertTrue(remittanceReport(http).contains(tracking), "delivered, not paid yet: a missing payout");
        long matchedBefore = Long.parseLong(field(remittanceReport(http), "matched"));
        postEx.charge(tracking, 18_000, 2_880);
        postEx.payUpfront(tracking, "CPR-41001", java.time.LocalDate.now(), total - 20_880 - 50_000, false);
        Eventually.await(Duration.ofSeconds(30), "the upfront payment is read", () -> {
            track(http);
            return Long.parseLong(field(remittanceReport(http), "matched")) == matchedBefore + 1;
        });
        assertFalse(remittanceReport(http).contains(tracking), "paid in part: neither missing nor a mismatch");
        postEx.payReserve(tracking, "CPR-41077", java.time.LocalDate.now(), 50_000);
        Eventually.await(Duration.ofSeconds(30), "the reserve is read", () -> {
            track(http);
            return Long.parseLong(field(remittanceReport(http), "matched")) == matchedBefore + 2;
        });
        track(http);
        assertEquals(matchedBefore + 2, Long.parseLong(field(remittanceReport(http), "matched")),
                "paid in full: the parcel is not asked about again");

        // Prepaid (a bank transfer staff confirmed): nothing to collect; returned to the shop
        String prepaid = field(shop.checkout("bank-transfer", "postex", "Multan", "PostEx Prepaid", null, "en").body(),
                "order.id");
        var paid = http.post("/api/admin/orders/" + prepaid + "/bank-transfer", "{\"bankReference\":\"RAAST"
                + UUID.randomUUID().toString().substring(0, 8) + "\"}", "Authorization", Tokens.admin());
        assertEquals("PAID", field(paid.body(), "orderStatus"), paid.body());
        String returned = field(fulfil(http, prepaid), "trackingNumber");
        assertEquals(0, postEx.byTrackingNumber(returned).orElseThrow().invoicePayment, "a prepaid parcel collects nothing");
        postEx.advance(returned, "0003");
        postEx.advance(returned, "0002");
        Eventually.await(Duration.ofSeconds(30), "returned", () -> {
            track(http);
            return "RETURNED".equals(orderStatus(http, prepaid));
        });

        // Cancelled before pickup, booked again under a new reference
        String third = field(shop.checkout("cod", "postex", "Karachi", "PostEx Cancel", null, "en").body(), "order");
        var first = fulfil(http, field(third, "id"));
        var cancelled = http.post("/api/admin/shipments/" + field(first, "id") + "/cancel", "", "Authorization",
                Tokens.staff());
        assertEquals("CANCELLED", field(cancelled.body(), "status"), cancelled.body());
        assertTrue(postEx.byTrackingNumber(field(first, "trackingNumber")).orElseThrow().cancelled());
        var again = fulfil(http, field(third, "id"));
        assertEquals(field(third, "number") + "-2", postEx.byTrackingNumber(field(again, "trackingNumber"))
                .orElseThrow().orderRef);
    }
}
