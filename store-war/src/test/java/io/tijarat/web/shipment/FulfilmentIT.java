package io.tijarat.web.shipment;

import static io.tijarat.web.testing.StubHttp.respond;
import static io.tijarat.web.testing.Http.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.tijarat.core.plugin.testkit.Eventually;
import io.tijarat.web.testing.Http;
import io.tijarat.web.testing.PayaraTestServer;
import io.tijarat.web.testing.Shop;
import io.tijarat.web.testing.TestPlugins;
import io.tijarat.web.testing.TijaratIT;
import io.tijarat.web.testing.Tokens;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fulfilment with a courier plugin dropped into the running server, talking to a courier stub in this JVM:
 * booking with the COD amount (a refusal leaves the order fulfillable with the error shown), tracking that
 * moves orders to shipped, delivered or returned, and the COD remittance report (short, returned but
 * charged, unknown parcel, missing payout).
 */
@TijaratIT
@RunAsClient
class FulfilmentIT {

    private static HttpServer courier;
    /** tracking number → status the courier reports. */
    private static final Map<String, String> statuses = new ConcurrentHashMap<>();
    /** booking key → COD amount the courier was asked to collect. */
    private static final Map<String, String> codAsked = new ConcurrentHashMap<>();
    /** tracking number → "collected,charges,remitted,reference" payout line. */
    private static final Map<String, String> payouts = new ConcurrentHashMap<>();
    private static volatile boolean refuseBookings;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PayaraTestServer.realWar();
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void courierStub() throws IOException {
        courier = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        courier.createContext("/book", exchange -> {
            String[] body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split(",");
            if (refuseBookings) {
                respond(exchange, 422, "CITY_NOT_SERVED");
                return;
            }
            codAsked.put(body[0], body[1]);
            statuses.put("TRK-" + body[0], "BOOKED");
            respond(exchange, 200, "TRK-" + body[0]);
        });
        courier.createContext("/track/", exchange -> {
            String tracking = exchange.getRequestURI().getPath().substring("/track/".length());
            respond(exchange, 200, statuses.getOrDefault(tracking, "BOOKED"));
        });
        courier.createContext("/remit", exchange -> {
            String asked = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            StringBuilder lines = new StringBuilder();
            payouts.forEach((trk, line) -> {
                if (asked.contains(trk) || trk.startsWith("TRK-UNKNOWN")) {
                    lines.append(trk).append(',').append(line).append('\n');
                }
            });
            respond(exchange, 200, lines.toString());
        });
        courier.start();
    }

    @AfterAll
    static void stop() {
        courier.stop(0);
    }

    @Test
    void cod_orders_are_booked_tracked_to_their_end_and_their_remittances_checked() {
        var http = new Http(base);
        dropCourier();
        Eventually.await(Duration.ofSeconds(30), "the courier plugin is active",
                () -> "ACTIVE".equals(TestPlugins.state(http, "test-courier")));
        var shop = new Shop(http);
        String delivered = order(shop, "Delivered Customer");
        String shortPaid = order(shop, "Short Customer");
        String returned = order(shop, "Returned Customer");
        String unpaid = order(shop, "Missing Payout");

        // A refused booking leaves the order fulfillable, with the courier's reason shown
        refuseBookings = true;
        var refused = fulfil(http, delivered);
        assertEquals("FAILED", field(refused, "status"));
        assertTrue(field(refused, "error").contains("CITY_NOT_SERVED"), refused);
        assertEquals("CONFIRMED", field(refused, "orderStatus"));
        refuseBookings = false;

        // Booking: tracking number, FULFILLING, and the courier collects the order total
        var booked = fulfil(http, delivered);
        assertEquals("BOOKED", field(booked, "status"));
        assertEquals("FULFILLING", field(booked, "orderStatus"));
        String total = field(http.get("/api/admin/orders/" + delivered, "Authorization", Tokens.staff()).body(), "summary.totalMinor");
        assertEquals(total, codAsked.get(field(booked, "id")), "COD amount = order total");
        String trkDelivered = field(booked, "trackingNumber");
        String trkShort = field(fulfil(http, shortPaid), "trackingNumber");
        String trkReturned = field(fulfil(http, returned), "trackingNumber");
        String trkUnpaid = field(fulfil(http, unpaid), "trackingNumber");
        int bookings = codAsked.size();
        assertEquals(409, http.post("/api/admin/orders/" + delivered + "/fulfil", "", "Authorization", Tokens.staff()).statusCode(),
                "an order on its way cannot be booked again");
        assertEquals(bookings, codAsked.size(), "the courier was not asked twice");

        // Tracking moves the orders
        statuses.put(trkDelivered, "IN_TRANSIT");
        track(http);
        assertEquals("SHIPPED", status(http, delivered));
        statuses.put(trkDelivered, "DELIVERED");
        statuses.put(trkShort, "DELIVERED");
        statuses.put(trkUnpaid, "DELIVERED");
        statuses.put(trkReturned, "RETURNED");
        Eventually.await(Duration.ofSeconds(30), "the parcels reach their end", () -> {
            track(http);
            return "DELIVERED".equals(status(http, delivered)) && "DELIVERED".equals(status(http, shortPaid))
                    && "RETURNED".equals(status(http, returned)) && "DELIVERED".equals(status(http, unpaid));
        });

        // The courier pays out: one in full, one short, one charged for a return, one parcel we never sent
        long matchedBefore = Long.parseLong(field(http.get("/api/admin/cod/remittances?graceDays=0", "Authorization",
                Tokens.staff()).body(), "matched")); // other tests on this server may have matched payouts of theirs
        payouts.put(trkDelivered, total + ",0," + total + ",PAY-1");
        payouts.put(trkShort, (Long.parseLong(total) - 5000) + ",0," + (Long.parseLong(total) - 5000) + ",PAY-1");
        payouts.put(trkReturned, "15000,15000,0,PAY-1"); // cash "collected" for a parcel that came back
        payouts.put("TRK-UNKNOWN-1", "99900,0,99900,PAY-1");
        track(http);
        track(http); // a second pull adds nothing: each payout line is recorded once

        String report = http.get("/api/admin/cod/remittances?graceDays=0", "Authorization", Tokens.staff()).body();
        assertTrue(report.contains("\"trackingNumber\":\"" + trkShort + "\"") && report.contains("\"problem\":\"SHORT\""), report);
        assertTrue(report.contains("\"problem\":\"RETURNED_CHARGED\""), report);
        assertTrue(report.contains("\"problem\":\"UNKNOWN_PARCEL\""), report);
        assertTrue(report.contains("\"orderId\":\"" + unpaid + "\",\"problem\":\"MISSING\",\"trackingNumber\":\"" + trkUnpaid), report);
        assertEquals(matchedBefore + 1, Long.parseLong(field(report, "matched")), "only the payout in full matched");
    }

    private static String order(Shop shop, String name) {
        var answer = shop.checkout("cod", "test-courier", "Lahore", name, null, "en");
        assertEquals("CONFIRMED", field(answer.body(), "order.status"));
        return field(answer.body(), "order.id");
    }

    private static String fulfil(Http http, String orderId) {
        var answer = http.post("/api/admin/orders/" + orderId + "/fulfil", "", "Authorization", Tokens.staff());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body();
    }

    private static void track(Http http) {
        assertEquals(200, http.post("/api/admin/shipments/track", "", "Authorization", Tokens.staff()).statusCode());
    }

    private static String status(Http http, String orderId) {
        return field(http.get("/api/admin/orders/" + orderId, "Authorization", Tokens.staff()).body(), "summary.status");
    }

    private static void dropCourier() {
        String stub = "http://127.0.0.1:" + courier.getAddress().getPort();
        TestPlugins.dropShipping("test-courier", "ShippingCapability.RATES, ShippingCapability.TRACKING, "
                + "ShippingCapability.COD, ShippingCapability.COD_REMITTANCE", """
                public CityCoverage coverage(String city) {
                    return new CityCoverage(city, java.util.Optional.of(city), true, true, true);
                }
                public java.util.List<RateQuote> quote(RateRequest request) {
                    return java.util.List.of(new RateQuote("STD", "Test courier", io.tijarat.spi.Money.pkr(20000),
                            java.time.Duration.ofHours(1), java.util.Optional.empty()));
                }
                private String call(String path, String body) {
                    try {
                        var builder = java.net.http.HttpRequest.newBuilder(java.net.URI.create("%STUB%" + path));
                        var answer = context.httpClient().send(body == null ? builder.GET().build()
                                : builder.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                                java.net.http.HttpResponse.BodyHandlers.ofString());
                        return answer.statusCode() + " " + answer.body();
                    } catch (Exception e) {
                        throw new io.tijarat.spi.TransientProviderException("courier unreachable", e);
                    }
                }
                public BookingOutcome book(ShipmentRequest request) {
                    String answer = call("/book", request.bookingKey().value() + "," + request.codAmount().map(m -> m.minorUnits()).orElse(0L));
                    String body = answer.substring(4);
                    return answer.startsWith("200") ? new BookingOutcome.Booked(body, java.util.Optional.empty(), java.util.Optional.empty())
                            : new BookingOutcome.Rejected(body, "the courier refused the booking");
                }
                public java.util.Optional<ShipmentTracking> track(String trackingNumber) {
                    var status = TrackingStatus.valueOf(call("/track/" + trackingNumber, null).substring(4));
                    return java.util.Optional.of(new ShipmentTracking(trackingNumber, status, java.util.List.of()));
                }
                public java.util.List<RemittanceRecord> remittances(java.util.List<String> trackingNumbers) {
                    var records = new java.util.ArrayList<RemittanceRecord>();
                    for (String line : call("/remit", String.join(",", trackingNumbers)).substring(4).split("\\n")) {
                        if (line.isBlank()) continue;
                        String[] f = line.split(",");
                        long charges = Long.parseLong(f[2]);
                        records.add(new RemittanceRecord(f[0], io.tijarat.spi.Money.pkr(Long.parseLong(f[1])),
                                charges == 0 ? java.util.Optional.empty() : java.util.Optional.of(io.tijarat.spi.Money.pkr(charges)),
                                io.tijarat.spi.Money.pkr(Long.parseLong(f[3])), java.time.LocalDate.now(), f[4]));
                    }
                    return records;
                }
                """.replace("%STUB%", stub));
    }
}
