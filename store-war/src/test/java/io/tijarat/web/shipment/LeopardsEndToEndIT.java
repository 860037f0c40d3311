package io.tijarat.web.shipment;

import static io.tijarat.web.testing.Fulfilments.charge;
import static io.tijarat.web.testing.Fulfilments.fulfil;
import static io.tijarat.web.testing.Fulfilments.orderStatus;
import static io.tijarat.web.testing.Fulfilments.remittanceReport;
import static io.tijarat.web.testing.Fulfilments.track;
import static io.tijarat.web.testing.Http.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.plugin.testkit.Eventually;
import io.tijarat.plugin.leopards.stub.LeopardsStub;
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
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A shop fulfilling with Leopards, the bundled plugin against the Leopards stub, through the packaged server: quotes
 * from Leopards' tariff API for COD and prepaid; a COD order booked in grams with the order number and its whole
 * rupees, its slip link served, tracked to delivered and its payout matched; a prepaid order whose booking answer was lost, found again by
 * its reference (not booked twice), and returned; a booking cancelled before pickup.
 */
@TijaratIT
@RunAsClient
class LeopardsEndToEndIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PayaraTestServer.realWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void cod_and_prepaid_orders_go_through_leopards_from_quote_to_delivery_or_return() throws Exception {
        var http = new Http(base);
        LeopardsStub leopards = CourierStubs.leopards();
        Eventually.await(Duration.ofSeconds(30), "the Leopards plugin is active",
                () -> "ACTIVE".equals(TestPlugins.state(http, "leopards")));
        var shop = new Shop(http, 199_950); // Rs 1,999.50, 100 g

        // Leopards' tariff: Rs 150 + 10 % fuel + 16 % GST; COD adds 2 % of the Rs 1,999 collected, and GST on it
        String cart = shop.cart();
        assertEquals(19_140, charge(http.get("/api/carts/" + cart + "/shipping-options?city=Lahore").body(), "leopards"));
        assertEquals(23_778, charge(http.get("/api/carts/" + cart + "/shipping-options?city=Lahore&paymentProvider=cod")
                .body(), "leopards"));

        // COD: grams, the order number, whole rupees; the slip link is served as a redirect
        String cod = field(shop.checkout("cod", "leopards", "Lahore", "Leopards Cod", null, "en").body(), "order");
        String codId = field(cod, "id");
        var booked = fulfil(http, codId);
        assertEquals("BOOKED", field(booked, "status"), booked);
        String track = field(booked, "trackingNumber");
        LeopardsStub.Packet packet = leopards.byTrackNumber(track).orElseThrow();
        assertEquals(field(cod, "number"), packet.orderId);
        assertEquals(Long.parseLong(field(cod, "totalMinor")) / 100, packet.collectAmount);
        assertEquals(100, packet.weightGrams);
        HttpResponse<String> label = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + base.getPort() + "/api/admin/shipments/" + field(booked, "id") + "/label"))
                .header("Authorization", Tokens.staff()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, label.statusCode());
        assertTrue(label.headers().firstValue("Location").orElse("").endsWith("/booking/slip/" + track));

        leopards.advance(track, "Shipment Picked");
        Eventually.await(Duration.ofSeconds(30), "shipped", () -> {
            track(http);
            return "SHIPPED".equals(orderStatus(http, codId));
        });
        leopards.advance(track, "Arrived at Station");
        leopards.advance(track, "Delivered");
        Eventually.await(Duration.ofSeconds(30), "delivered", () -> {
            track(http);
            return "DELIVERED".equals(orderStatus(http, codId));
        });

        // Paid by cheque, Leopards' charges kept: the payout matches; a packet not paid stays missing
        assertTrue(remittanceReport(http).contains(track), "delivered, not paid yet: a missing payout");
        leopards.bill(track, "150", "39.98", "0", "30.40");
        track(http);
        assertTrue(remittanceReport(http).contains(track), "billed, not paid: still waiting");
        leopards.pay(track, "CHQ-" + track, java.time.LocalDate.now());
        Eventually.await(Duration.ofSeconds(30), "the payout is read", () -> {
            track(http);
            return !remittanceReport(http).contains(track);
        });

        // Prepaid, the booking's answer lost: found by its reference at once, not booked again; then returned
        String prepaid = field(shop.checkout("bank-transfer", "leopards", "Multan", "Leopards Prepaid", null, "en").body(),
                "order");
        String prepaidId = field(prepaid, "id");
        assertEquals(200, http.post("/api/admin/orders/" + prepaidId + "/bank-transfer", "{\"bankReference\":\"RAAST"
                + UUID.randomUUID().toString().substring(0, 8) + "\"}", "Authorization", Tokens.admin()).statusCode());
        leopards.loseBookingAnswers(true);
        String settled;
        try {
            settled = fulfil(http, prepaidId);
        } finally {
            leopards.loseBookingAnswers(false);
        }
        assertEquals("BOOKED", field(settled, "status"), settled);
        assertEquals(1, leopards.byOrderId(field(prepaid, "number")).size(), "booked once");
        String returned = field(settled, "trackingNumber");
        assertEquals(0, leopards.byTrackNumber(returned).orElseThrow().collectAmount);
        leopards.advance(returned, "Shipment Picked");
        leopards.advance(returned, "Being Return");
        leopards.advance(returned, "Returned to shipper");
        Eventually.await(Duration.ofSeconds(30), "returned", () -> {
            track(http);
            return "RETURNED".equals(orderStatus(http, prepaidId));
        });

        // Cancelled before pickup
        String third = field(shop.checkout("cod", "leopards", "Karachi", "Leopards Cancel", null, "en").body(), "order.id");
        var first = fulfil(http, third);
        var cancelled = http.post("/api/admin/shipments/" + field(first, "id") + "/cancel", "", "Authorization",
                Tokens.staff());
        assertEquals("CANCELLED", field(cancelled.body(), "status"), cancelled.body());
        assertEquals("Cancelled", leopards.byTrackNumber(field(first, "trackingNumber")).orElseThrow().status());
    }




}
