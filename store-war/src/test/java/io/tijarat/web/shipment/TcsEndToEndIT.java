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
import io.tijarat.plugin.tcs.stub.TcsStub;
import io.tijarat.web.testing.CourierStubs;
import io.tijarat.web.testing.Http;
import io.tijarat.web.testing.PayaraTestServer;
import io.tijarat.web.testing.Shop;
import io.tijarat.web.testing.TestPlugins;
import io.tijarat.web.testing.TijaratIT;
import io.tijarat.web.testing.Tokens;
import java.net.URL;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * A shop fulfilling with TCS, the bundled plugin against the TCS stub, through the packaged server: tariff quotes for
 * COD and prepaid; a COD order booked in kilograms with the order number and its whole rupees, tracked through a
 * failed attempt to delivered, its payout read from TCS's payout statement; a prepaid order returned; a booking
 * cancelled before pickup; no label (TCS's COD API has none), said so. And TCS through its ECOM API ({@code tcs-ecom}):
 * a COD order booked by city code, its airway bill kept, delivered; a booking cancelled.
 */
@TijaratIT
@RunAsClient
class TcsEndToEndIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PayaraTestServer.realWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void cod_and_prepaid_orders_go_through_tcs_from_quote_to_delivery_or_return() {
        var http = new Http(base);
        TcsStub tcs = CourierStubs.tcs();
        Eventually.await(Duration.ofSeconds(30), "the TCS plugin is active",
                () -> "ACTIVE".equals(TestPlugins.state(http, "tcs")));
        var shop = new Shop(http, 199_950); // Rs 1,999.50, 100 g

        String cart = shop.cart();
        assertEquals(22_000, charge(http.get("/api/carts/" + cart + "/shipping-options?city=Lahore").body(), "tcs"));
        assertEquals(25_998, charge(http.get("/api/carts/" + cart + "/shipping-options?city=Lahore&paymentProvider=cod")
                .body(), "tcs"), "Rs 220 + 2 % of the Rs 1,999 collected");

        String cod = field(shop.checkout("cod", "tcs", "Lahore", "Tcs Cod", null, "en").body(), "order");
        String codId = field(cod, "id");
        var booked = fulfil(http, codId);
        assertEquals("BOOKED", field(booked, "status"), booked);
        String cn = field(booked, "trackingNumber");
        TcsStub.Consignment at = tcs.byNumber(cn).orElseThrow();
        assertEquals(field(cod, "number"), at.reference);
        assertEquals(String.valueOf(Long.parseLong(field(cod, "totalMinor")) / 100), at.codAmount);
        assertEquals("0.1", at.weight, "100 g, in kilograms");
        var label = http.get("/api/admin/shipments/" + field(booked, "id") + "/label", "Authorization", Tokens.staff());
        assertEquals(404, label.statusCode());
        assertTrue(label.body().contains("print the slip from the courier's portal"), label.body());

        tcs.checkpoint(cn, "Arrived at TCS Facility");
        Eventually.await(Duration.ofSeconds(30), "shipped", () -> {
            track(http);
            return "SHIPPED".equals(orderStatus(http, codId));
        });
        tcs.deliver(cn, "UV", "Unable to contact consignee");
        tcs.deliver(cn, "OK", "Delivered");
        Eventually.await(Duration.ofSeconds(30), "delivered", () -> {
            track(http);
            return "DELIVERED".equals(orderStatus(http, codId));
        });

        // TCS's API reports no payouts: the admin reads TCS's payout statement (CSV) into the report; a bad line
        // refuses the whole statement, a statement read twice adds nothing, staff may not import
        long rupees = Long.parseLong(field(cod, "totalMinor")) / 100;
        assertTrue(remittanceReport(http).contains(cn), "delivered, not paid yet: a missing payout");
        String statement = "Tracking Number,Collected,Charges,Remitted,Paid On,Reference\r\n"
                + cn + ",\"" + String.format(java.util.Locale.ROOT, "%,d", rupees) + "\",255.20," + (rupees - 255) + ".80,"
                + java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(java.time.LocalDate.now())
                + ",TCS-INV-5501\r\n";
        var bad = http.post("/api/admin/cod/remittances/tcs/statement", statement + "779999,abc,0,0,2026-12-05,X\r\n",
                "Authorization", Tokens.admin(), "Content-Type", "text/csv");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("line 3") && bad.body().contains("collected"), bad.body());
        assertTrue(remittanceReport(http).contains(cn), "a refused statement records nothing");
        assertEquals(403, http.post("/api/admin/cod/remittances/tcs/statement", statement, "Authorization", Tokens.staff(),
                "Content-Type", "text/csv").statusCode());
        assertEquals(404, http.post("/api/admin/cod/remittances/nobody/statement", statement, "Authorization",
                Tokens.admin(), "Content-Type", "text/csv").statusCode());
        var read = http.post("/api/admin/cod/remittances/tcs/statement", statement, "Authorization", Tokens.admin(),
                "Content-Type", "text/csv");
        assertEquals(200, read.statusCode(), read.body());
        assertEquals("1", field(read.body(), "added"), read.body());
        assertFalse(remittanceReport(http).contains(cn), "matched: neither missing nor a mismatch");
        assertEquals("0", field(http.post("/api/admin/cod/remittances/tcs/statement", statement, "Authorization",
                Tokens.admin(), "Content-Type", "text/csv").body(), "added"), "read twice, added once");

        String prepaid = field(shop.checkout("bank-transfer", "tcs", "Multan", "Tcs Prepaid", null, "en").body(), "order.id");
        assertEquals(200, http.post("/api/admin/orders/" + prepaid + "/bank-transfer", "{\"bankReference\":\"RAAST"
                + UUID.randomUUID().toString().substring(0, 8) + "\"}", "Authorization", Tokens.admin()).statusCode());
        String returned = field(fulfil(http, prepaid), "trackingNumber");
        assertEquals("0", tcs.byNumber(returned).orElseThrow().codAmount);
        tcs.checkpoint(returned, "Departed from TCS Facility");
        tcs.deliver(returned, "RD", "Refused by consignee");
        tcs.deliver(returned, "RR", "Ready for return");
        tcs.deliver(returned, "RS", "Returned to shipper");
        Eventually.await(Duration.ofSeconds(30), "returned", () -> {
            track(http);
            return "RETURNED".equals(orderStatus(http, prepaid));
        });

        String third = field(shop.checkout("cod", "tcs", "Karachi", "Tcs Cancel", null, "en").body(), "order.id");
        var first = fulfil(http, third);
        var cancelled = http.post("/api/admin/shipments/" + field(first, "id") + "/cancel", "", "Authorization",
                Tokens.staff());
        assertEquals("CANCELLED", field(cancelled.body(), "status"), cancelled.body());
        assertTrue(tcs.byNumber(field(first, "trackingNumber")).orElseThrow().cancelled());
    }

    @Test
    void a_cod_order_goes_through_tcs_ecom_with_its_airway_bill_kept() throws Exception {
        var http = new Http(base);
        var ecom = CourierStubs.tcsEcom();
        Eventually.await(Duration.ofSeconds(30), "the TCS ECOM plugin is active",
                () -> "ACTIVE".equals(TestPlugins.state(http, "tcs-ecom")));
        var shop = new Shop(http, 199_950);

        String cod = field(shop.checkout("cod", "tcs-ecom", "Lahore", "Tcs Ecom", null, "en").body(), "order");
        String codId = field(cod, "id");
        var booked = fulfil(http, codId);
        assertEquals("BOOKED", field(booked, "status"), booked);
        String cn = field(booked, "trackingNumber");
        var at = ecom.byNumber(cn).orElseThrow();
        assertEquals(field(cod, "number"), at.reference);
        assertEquals(Long.parseLong(field(cod, "totalMinor")) / 100, at.codAmount);
        assertEquals("LHE", at.cityCode);
        assertEquals("true", field(booked, "labelStored"), "the airway bill is fetched and kept at booking");
        java.net.http.HttpResponse<byte[]> label = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + base.getPort()
                        + "/api/admin/shipments/" + field(booked, "id") + "/label")).header("Authorization", Tokens.staff())
                        .GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, label.statusCode());
        assertTrue(new String(label.body(), java.nio.charset.StandardCharsets.US_ASCII).contains("airway bill " + cn));

        ecom.checkpoint(cn, "Arrived at TCS Facility");
        ecom.deliver(cn, "OK", "Delivered");
        Eventually.await(Duration.ofSeconds(30), "delivered", () -> {
            track(http);
            return "DELIVERED".equals(orderStatus(http, codId));
        });

        String second = field(shop.checkout("cod", "tcs-ecom", "Karachi", "Tcs Ecom Cancel", null, "en").body(), "order.id");
        var first = fulfil(http, second);
        var cancelled = http.post("/api/admin/shipments/" + field(first, "id") + "/cancel", "", "Authorization",
                Tokens.staff());
        assertEquals("CANCELLED", field(cancelled.body(), "status"), cancelled.body());
        assertTrue(ecom.byNumber(field(first, "trackingNumber")).orElseThrow().cancelled());
    }
}
