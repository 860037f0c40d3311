package io.tijarat.web.shipment;

import static io.tijarat.web.testing.Fulfilments.charge;
import static io.tijarat.web.testing.Fulfilments.fulfil;
import static io.tijarat.web.testing.Fulfilments.orderStatus;
import static io.tijarat.web.testing.Fulfilments.track;
import static io.tijarat.web.testing.Http.field;
import static io.tijarat.web.testing.StubHttp.respond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the core does with a courier since SPI 1.3, through the packaged server and a courier plugin dropped into it,
 * against a courier stub in this JVM: quotes by COD or prepaid, reused while valid and offered at the last known
 * rate when the courier is down; a COD total in whole rupees, and exactly that amount sent to the courier with the
 * order number as the reference; the label kept and served; cancel before pickup and booking again; a booking whose
 * answer was lost settled by lookup; payout reports by date with a deduction for a returned parcel.
 */
@TijaratIT
@RunAsClient
class CourierLifecycleIT {

    private static final String COURIER = "test-courier-13";
    private static HttpServer stub;
    private static final AtomicInteger quoteCalls = new AtomicInteger();
    private static final AtomicInteger labelCalls = new AtomicInteger();
    private static final AtomicBoolean quotesDown = new AtomicBoolean();
    private static final AtomicBoolean loseBookingAnswers = new AtomicBoolean();
    /** reference → "tracking,cod rupees" of the consignments the stub holds. */
    private static final Map<String, String> consignments = new ConcurrentHashMap<>();
    /** tracking number → status. */
    private static final Map<String, String> statuses = new ConcurrentHashMap<>();
    /** tracking number → payout line "collected,charges,remitted,reference" (paisa). */
    private static final Map<String, String> payouts = new ConcurrentHashMap<>();
    private static final AtomicInteger numbers = new AtomicInteger(7000);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PayaraTestServer.realWar();
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void courierStub() throws IOException {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/quote", exchange -> {
            quoteCalls.incrementAndGet();
            String[] q = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split(",");
            if (quotesDown.get()) {
                respond(exchange, 503, "down");
                return;
            }
            long cod = Long.parseLong(q[1]);
            // Rs 200, plus 2 % of the amount for cash on delivery; valid an hour, except to Multan (not kept)
            respond(exchange, 200, (20_000 + cod * 2) + "," + ("multan".equalsIgnoreCase(q[0]) ? 0 : 3600));
        });
        stub.createContext("/book", exchange -> {
            String[] b = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split(",");
            String tracking = "LC" + numbers.incrementAndGet();
            consignments.put(b[0], tracking + "," + b[1]);
            statuses.put(tracking, "BOOKED");
            respond(exchange, loseBookingAnswers.get() ? 504 : 200, tracking);
        });
        stub.createContext("/find/", exchange -> {
            String found = consignments.get(exchange.getRequestURI().getPath().substring("/find/".length()));
            respond(exchange, found == null ? 404 : 200, found == null ? "" : found.split(",")[0]);
        });
        stub.createContext("/label/", exchange -> {
            labelCalls.incrementAndGet();
            byte[] pdf = ("%PDF-1.4 label " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().add("Content-Type", "application/pdf");
            exchange.sendResponseHeaders(200, pdf.length);
            exchange.getResponseBody().write(pdf);
            exchange.close();
        });
        stub.createContext("/cancel/", exchange -> {
            String tracking = exchange.getRequestURI().getPath().substring("/cancel/".length());
            boolean before = "BOOKED".equals(statuses.get(tracking)) || "CANCELLED".equals(statuses.get(tracking));
            if (before) {
                statuses.put(tracking, "CANCELLED");
            }
            respond(exchange, before ? 200 : 409, before ? "cancelled" : "already picked up");
        });
        stub.createContext("/track/", exchange -> respond(exchange, 200,
                statuses.getOrDefault(exchange.getRequestURI().getPath().substring("/track/".length()), "BOOKED")));
        stub.createContext("/payouts", exchange -> {
            StringBuilder lines = new StringBuilder();
            payouts.forEach((trk, line) -> lines.append(trk).append(',').append(line).append('\n'));
            respond(exchange, 200, lines.toString());
        });
        stub.start();
    }

    @AfterAll
    static void stop() {
        stub.stop(0);
    }

    @Test
    void a_courier_is_quoted_booked_labelled_cancelled_rebooked_settled_tracked_and_its_payouts_matched() throws Exception {
        var http = new Http(base);
        dropCourier();
        Eventually.await(Duration.ofSeconds(30), "the courier plugin is active",
                () -> "ACTIVE".equals(TestPlugins.state(http, COURIER)));
        var shop = new Shop(http, 199_950); // Rs 1,999.50

        // Quotes: a prepaid order pays no cash-handling fee; each kind is asked once, then reused while valid
        String cart = shop.cart();
        long prepaid = charge(http.get("/api/carts/" + cart + "/shipping-options?city=Lahore").body(), COURIER);
        long cod = charge(http.get("/api/carts/" + cart + "/shipping-options?city=Lahore&paymentProvider=cod").body(), COURIER);
        http.get("/api/carts/" + cart + "/shipping-options?city=Lahore&paymentProvider=cod");
        http.get("/api/carts/" + cart + "/shipping-options?city=" + "%D9%84%D8%A7%DB%81%D9%88%D8%B1"); // لاہور
        assertEquals(20_000, prepaid);
        assertEquals(20_000 + 1_999 * 2, cod, "2 % of the Rs 1,999 the rider will collect, for cash on delivery only");
        assertEquals(2, quoteCalls.get(), "one courier call per route, weight slab and payment kind");

        // A COD order's total is whole rupees, rounded down, and the rounding is shown
        String order = field(shop.checkout("cod", COURIER, "Lahore", "Rounding Customer", null, "en").body(), "order");
        assertEquals(String.valueOf(199_950 + 23_998 - 48), field(order, "totalMinor"), "Rs 2,239.48 is collected as Rs 2,239");
        assertEquals("-48", field(order, "roundingMinor"));
        String orderId = field(order, "id");
        String number = field(order, "number");

        // Booking: the order number is the reference, the courier collects exactly the whole rupees, the label is kept
        var booked = fulfil(http, orderId);
        assertEquals("BOOKED", field(booked, "status"));
        assertEquals(number, field(booked, "reference"));
        assertEquals("2239", consignments.get(number).split(",")[1], "the courier is told to collect Rs 2,239");
        assertEquals("true", field(booked, "labelStored"));
        String shipmentId = field(booked, "id");
        HttpResponse<byte[]> label = getBytes(http, "/api/admin/shipments/" + shipmentId + "/label");
        assertEquals(200, label.statusCode());
        assertEquals("application/pdf", label.headers().firstValue("Content-Type").orElse(""));
        assertTrue(new String(label.body(), StandardCharsets.US_ASCII).startsWith("%PDF-1.4 label"));
        getBytes(http, "/api/admin/shipments/" + shipmentId + "/label");
        assertEquals(1, labelCalls.get(), "the kept label is served again without asking the courier");

        // Cancel before pickup, then book again: a new reference, so the courier never confuses the two
        var cancelled = http.post("/api/admin/shipments/" + shipmentId + "/cancel", "", "Authorization", Tokens.staff());
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals("CANCELLED", field(cancelled.body(), "status"));
        assertEquals(409, http.post("/api/admin/shipments/" + shipmentId + "/cancel", "", "Authorization",
                Tokens.staff()).statusCode(), "a cancelled shipment cannot be cancelled again");
        var rebooked = fulfil(http, orderId);
        assertEquals("BOOKED", field(rebooked, "status"));
        assertEquals(number + "-2", field(rebooked, "reference"));
        String delivered = field(rebooked, "trackingNumber");

        // A booking whose answer is lost is settled by asking the courier for it by reference, not by staff
        String second = field(shop.checkout("cod", COURIER, "Lahore", "Lost Answer", null, "en").body(), "order.id");
        loseBookingAnswers.set(true);
        var settled = fulfil(http, second);
        loseBookingAnswers.set(false);
        assertEquals("BOOKED", field(settled, "status"), settled);
        String returned = field(settled, "trackingNumber");
        assertEquals(returned, consignments.get(field(settled, "reference")).split(",")[0]);

        // Picked up: too late to cancel, the courier says so and nothing changes
        statuses.put(delivered, "IN_TRANSIT");
        statuses.put(returned, "ATTEMPT_FAILED");
        track(http);
        var late = http.post("/api/admin/shipments/" + field(rebooked, "id") + "/cancel", "", "Authorization", Tokens.staff());
        assertEquals(409, late.statusCode(), late.body());

        // To the end: one delivered, one returned to the shop
        statuses.put(delivered, "DELIVERED");
        statuses.put(returned, "RETURNED");
        Eventually.await(Duration.ofSeconds(30), "the parcels reach their end", () -> {
            track(http);
            return "DELIVERED".equals(orderStatus(http, orderId)) && "RETURNED".equals(orderStatus(http, second));
        });

        // Payouts by date: the delivered parcel paid in full, a deduction for carrying the returned one back
        payouts.put(delivered, "223900,12000,211900,CPR-1");
        payouts.put(returned, "0,15000,0,CPR-1");
        track(http);
        String report = http.get("/api/admin/cod/remittances?graceDays=0&size=200", "Authorization", Tokens.staff()).body();
        assertFalse(report.contains(delivered), "paid in full: neither missing nor a mismatch: " + report);
        assertFalse(report.contains(returned), "a return's deduction is expected, not a mismatch: " + report);

        // The courier is down: checkout still offers it at its last known rate, and the order says so
        String multan = shop.cart();
        String codToMultan = "/api/carts/" + multan + "/shipping-options?city=Multan&paymentProvider=cod";
        assertEquals(23_998, charge(http.get(codToMultan).body(), COURIER));
        quotesDown.set(true);
        String options = http.get(codToMultan).body();
        assertEquals(23_998, charge(options, COURIER), options);
        String lastKnown = field(shop.checkout("cod", COURIER, "Multan", "Down Courier", null, "en").body(), "order.id");
        quotesDown.set(false);
        assertEquals("LAST_KNOWN", field(http.get("/api/admin/orders/" + lastKnown, "Authorization", Tokens.staff()).body(),
                "shippingQuoteBasis"));

        // Disabled by an admin: not offered, not even from its kept or last known rate
        assertEquals(200, http.post("/api/admin/plugins/" + COURIER + "/disable", "", "Authorization", Tokens.admin())
                .statusCode());
        assertFalse(http.get(codToMultan).body().contains(COURIER), "a disabled courier is not offered");
        String disabledCart = shop.cart();
        var refused = http.post("/api/checkout", "{\"cartId\":\"" + disabledCart + "\",\"customer\":{\"name\":\"Late\","
                + "\"phone\":\"03001234567\"},\"shippingAddress\":{\"address\":\"House 1\",\"city\":\"Multan\"},"
                + "\"paymentProvider\":\"cod\",\"shippingProvider\":\"" + COURIER + "\"}",
                "Idempotency-Key", java.util.UUID.randomUUID().toString());
        assertEquals(422, refused.statusCode(), refused.body());
    }





    private HttpResponse<byte[]> getBytes(Http http, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + base.getPort() + path))
                .header("Authorization", Tokens.staff()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void dropCourier() {
        String url = "http://127.0.0.1:" + stub.getAddress().getPort();
        TestPlugins.dropShipping(COURIER, "1.3", "ShippingCapability.RATES, ShippingCapability.TRACKING, "
                + "ShippingCapability.COD, ShippingCapability.LABELS, ShippingCapability.CANCEL, "
                + "ShippingCapability.BOOKING_LOOKUP, ShippingCapability.REMITTANCE_REPORTS", """
                public CityCoverage coverage(String city) {
                    return new CityCoverage(city, java.util.Optional.of(city), true, true, true);
                }
                private java.net.http.HttpResponse<byte[]> call(String path, String body) {
                    try {
                        var builder = java.net.http.HttpRequest.newBuilder(java.net.URI.create("%STUB%" + path));
                        return context.httpClient().send(body == null ? builder.GET().build()
                                : builder.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                    } catch (Exception e) {
                        throw new TransientProviderException("courier unreachable", e);
                    }
                }
                private static String text(java.net.http.HttpResponse<byte[]> answer) {
                    return new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8);
                }
                public java.util.List<RateQuote> quote(RateRequest request) {
                    var answer = call("/quote", request.destinationCity() + ","
                            + request.codAmount().map(m -> m.wholeUnits()).orElse(0L));
                    if (answer.statusCode() != 200) throw new TransientProviderException("courier down");
                    String[] q = text(answer).split(",");
                    return java.util.List.of(new RateQuote("OVERNIGHT", "Overnight", Money.pkr(Long.parseLong(q[0])),
                            java.time.Duration.ofSeconds(Long.parseLong(q[1])), java.util.Optional.empty()));
                }
                public BookingOutcome book(ShipmentRequest request) {
                    var answer = call("/book", request.orderNumber() + ","
                            + request.codAmount().map(m -> m.wholeUnits()).orElse(0L));
                    if (answer.statusCode() == 504) return new BookingOutcome.Unknown("the courier's gateway timed out");
                    return new BookingOutcome.Booked(text(answer), java.util.Optional.empty(), java.util.Optional.empty());
                }
                public java.util.Optional<BookingOutcome.Booked> findBooking(ShipmentRequest request) {
                    var answer = call("/find/" + request.orderNumber(), null);
                    return answer.statusCode() == 404 ? java.util.Optional.empty() : java.util.Optional.of(
                            new BookingOutcome.Booked(text(answer), java.util.Optional.empty(), java.util.Optional.empty()));
                }
                public ShippingLabel label(String trackingNumber) {
                    return new ShippingLabel.Document("application/pdf", call("/label/" + trackingNumber, null).body());
                }
                public CancelOutcome cancel(IdempotencyKey key, String trackingNumber) {
                    var answer = call("/cancel/" + trackingNumber, "");
                    return answer.statusCode() == 200 ? new CancelOutcome.Cancelled()
                            : new CancelOutcome.Rejected("PICKED_UP", text(answer));
                }
                public java.util.Optional<ShipmentTracking> track(String trackingNumber) {
                    var status = TrackingStatus.valueOf(text(call("/track/" + trackingNumber, null)));
                    return java.util.Optional.of(new ShipmentTracking(trackingNumber, status, java.util.List.of()));
                }
                public java.util.List<RemittanceRecord> remittances(java.time.LocalDate from, java.time.LocalDate to) {
                    var records = new java.util.ArrayList<RemittanceRecord>();
                    for (String line : text(call("/payouts", null)).split("\\n")) {
                        if (line.isBlank()) continue;
                        String[] f = line.split(",");
                        long collected = Long.parseLong(f[1]);
                        records.add(collected == 0
                                ? RemittanceRecord.deduction(f[0], Money.pkr(Long.parseLong(f[2])), to, f[4])
                                : new RemittanceRecord(f[0], Money.pkr(collected), java.util.Optional.of(Money.pkr(Long.parseLong(f[2]))),
                                        Money.pkr(Long.parseLong(f[3])), to, f[4]));
                    }
                    return records;
                }
                """.replace("%STUB%", url));
    }
}
