package io.tijarat.web.messaging;

import static io.tijarat.web.testing.Http.field;
import static io.tijarat.web.testing.TestSql.count;
import static io.tijarat.web.testing.TestSql.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.plugin.testkit.Eventually;
import io.tijarat.plugin.smstwilio.TwilioSignature;
import io.tijarat.plugin.smstwilio.stub.TwilioStub;
import io.tijarat.web.testing.Http;
import io.tijarat.web.testing.MessagingStubs;
import io.tijarat.web.testing.PayaraTestServer;
import io.tijarat.web.testing.TestPlugins;
import io.tijarat.web.testing.TestSql;
import io.tijarat.web.testing.TijaratIT;
import io.tijarat.web.testing.Tokens;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Customers answer the shop by SMS, through the bundled Twilio plugin and its stub, in the packaged server: a
 * cash-on-delivery order is confirmed by the reply "1" and another cancelled by "۲" (Urdu two), its stock returned;
 * a redelivered reply changes nothing and a forged one is refused; STOP withdraws consent at once, in a ledger that
 * keeps every entry; Twilio's pushed delivery report reaches the message; and staff see who to call.
 * The server runs with {@code tijarat.cod.confirm-by-reply=true} and Twilio configured with the shop's public webhook
 * address, as behind a reverse proxy (see {@link MessagingStubs}).
 */
@TijaratIT
@RunAsClient
class SmsRepliesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PayaraTestServer.realWar();
    }

    @ArquillianResource
    URL base;

    private Http http;
    private final TwilioStub twilio = MessagingStubs.twilio();

    @BeforeEach
    void shop() {
        http = new Http(base);
        twilio.route(MessagingStubs.TWILIO_WEBHOOK, URI.create(base + "api/webhooks/sms-twilio"));
        TestPlugins.dropPayment("test-cod-reply", "PaymentCapability.COLLECT_ON_DELIVERY", """
                public PaymentOutcome start(PaymentRequest request) {
                    return PaymentOutcome.Pending.of(new CustomerAction.ApproveOnPhone(
                            "Reply 1 to the SMS to confirm, 2 to cancel", java.util.Optional.empty()));
                }
                """);
        Eventually.await(Duration.ofSeconds(60), "the COD plugin and Twilio are active",
                () -> "ACTIVE".equals(TestPlugins.state(http, "test-cod-reply"))
                        && "ACTIVE".equals(TestPlugins.state(http, "sms-twilio")));
    }

    @Test
    void a_cod_order_is_confirmed_by_reply_1_and_another_cancelled_by_urdu_2_with_its_stock_returned() {
        String sku = product(5);
        String ayesha = newPhone();
        String bilal = newPhone();

        // Given two COD orders waiting for confirmation, each customer asked by SMS
        String first = order(sku, 1, ayesha);
        String second = order(sku, 2, bilal);
        assertEquals(2, stock(sku));
        String ask = askFor(ayesha);
        assertTrue(ask.contains("Reply 1 to confirm or 2 to cancel") && ask.contains(number(first)), ask);

        // When Ayesha replies 1 and Bilal replies ۲
        TwilioStub.Answer yes = twilio.customerSends(MessagingStubs.TWILIO_WEBHOOK, e164(ayesha), "1");
        askFor(bilal);
        TwilioStub.Answer no = twilio.customerSends(MessagingStubs.TWILIO_WEBHOOK, e164(bilal), "۲");

        // Then Twilio gets its TwiML acknowledgement, Ayesha's order is confirmed and Bilal's cancelled, stock back
        assertEquals(200, yes.status(), yes.body());
        assertTrue(yes.body().contains("<Response>"), yes.body());
        assertEquals(200, no.status(), no.body());
        assertEquals("CONFIRMED", status(first));
        assertEquals("CANCELLED", status(second));
        assertEquals(4, stock(sku), "Bilal's two units are back");
        assertTrue(text("SELECT actor FROM order_history WHERE order_id = ? AND to_status = 'CONFIRMED'", first)
                .equals("customer"));
    }

    @Test
    void a_redelivered_reply_changes_nothing_and_a_forged_one_is_refused() {
        String sku = product(5);
        String phone = newPhone();
        String orderId = order(sku, 1, phone);
        askFor(phone);
        Map<String, String> reply = new LinkedHashMap<>(Map.of("MessageSid", "SM" + hex(), "AccountSid",
                twilio.accountSid(), "From", e164(phone), "To", twilio.number(), "Body", "2"));
        String signature = TwilioSignature.of(twilio.authToken(), MessagingStubs.TWILIO_WEBHOOK.toString(), reply);

        // A forged "2" (signed with another token) and a genuine one changed after signing are refused
        assertEquals(401, twilio.post(MessagingStubs.TWILIO_WEBHOOK, reply,
                TwilioSignature.of("not-the-token", MessagingStubs.TWILIO_WEBHOOK.toString(), reply)).status());
        var tampered = new LinkedHashMap<>(reply);
        tampered.put("From", e164(newPhone()));
        assertEquals(401, twilio.post(MessagingStubs.TWILIO_WEBHOOK, tampered, signature).status());
        assertEquals("AWAITING_CONFIRMATION", status(orderId), "nothing forged reaches the order");

        // The genuine reply cancels; Twilio's redelivery of it is acknowledged and changes nothing more
        assertEquals(200, twilio.post(MessagingStubs.TWILIO_WEBHOOK, reply, signature).status());
        assertEquals("CANCELLED", status(orderId));
        assertEquals(5, stock(sku));
        assertEquals(200, twilio.post(MessagingStubs.TWILIO_WEBHOOK, reply, signature).status());
        assertEquals(5, stock(sku), "stock goes back once");
        assertEquals(1, count("SELECT COUNT(*) FROM inbound_message WHERE event_key = ?", reply.get("MessageSid")));
    }

    @Test
    void one_reply_for_two_waiting_orders_waits_for_staff_until_the_customer_names_the_order() {
        String sku = product(5);
        String phone = newPhone();
        String older = order(sku, 1, phone);
        String newer = order(sku, 1, phone);
        askFor(phone);

        twilio.customerSends(MessagingStubs.TWILIO_WEBHOOK, e164(phone), "1");
        assertEquals("AWAITING_CONFIRMATION", status(older));
        assertEquals("AWAITING_CONFIRMATION", status(newer));
        var queue = http.get("/api/admin/cod-confirmations", "Authorization", Tokens.staff());
        assertEquals(200, queue.statusCode(), queue.body());
        assertTrue(queue.body().contains("\"number\":\"" + number(older) + "\"") && queue.body().contains("AMBIGUOUS")
                && queue.body().contains("read the reply and call"), queue.body());

        twilio.customerSends(MessagingStubs.TWILIO_WEBHOOK, e164(phone), "1 " + number(newer).toLowerCase());

        assertEquals("CONFIRMED", status(newer));
        assertEquals("AWAITING_CONFIRMATION", status(older));
    }

    @Test
    void an_order_without_a_reply_for_longer_than_the_patience_is_put_to_staff_to_call() {
        String phone = newPhone();
        String orderId = order(product(5), 1, phone);
        TestSql.update("UPDATE order_history SET at = DATE_SUB(at, INTERVAL 7 HOUR) WHERE order_id = ?", orderId);

        var queue = http.get("/api/admin/cod-confirmations", "Authorization", Tokens.staff());

        assertEquals(200, queue.statusCode(), queue.body());
        int at = queue.body().indexOf("\"orderId\":\"" + orderId + "\"");
        String mine = queue.body().substring(queue.body().lastIndexOf('{', at), queue.body().indexOf('}', at));
        assertTrue(mine.contains("no reply within 6 hours: call the customer") && mine.contains(e164(phone)), mine);
    }

    @Test
    void stop_withdraws_consent_at_once_and_the_ledger_keeps_every_entry() {
        String phone = newPhone();
        var agreed = http.post("/api/admin/consent", "{\"phone\":\"" + phone + "\",\"granted\":true,"
                + "\"note\":\"asked on the phone, 5 Dec\"}", "Authorization", Tokens.staff());
        assertEquals(200, agreed.statusCode(), agreed.body());
        assertEquals("true", field(agreed.body(), "promotionsAllowed"));

        TwilioStub.Answer stop = twilio.customerSends(MessagingStubs.TWILIO_WEBHOOK, e164(phone), "STOP");

        assertEquals(200, stop.status(), stop.body());
        var after = http.get("/api/admin/consent?phone=" + phone, "Authorization", Tokens.staff());
        assertEquals("false", field(after.body(), "promotionsAllowed"), after.body());
        assertEquals("REPLY", field(after.body(), "history[0].source"));
        assertEquals("ADMIN", field(after.body(), "history[1].source"));
        assertEquals("asked on the phone, 5 Dec", field(after.body(), "history[1].evidence"));
        var bad = http.post("/api/admin/consent", "{\"phone\":\"12\",\"granted\":true}", "Authorization", Tokens.staff());
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
    }

    @Test
    void twilios_pushed_delivery_report_reaches_the_message_and_a_late_one_does_not_undo_it() {
        String phone = newPhone();
        String orderId = order(product(5), 1, phone);
        askFor(phone);
        String sid = twilio.messagesTo(e164(phone)).get(0).sid();

        TwilioStub.Answer delivered = twilio.deliver(sid);

        assertEquals(200, delivered.status(), delivered.body());
        var messages = http.get("/api/admin/notifications?orderId=" + orderId, "Authorization", Tokens.admin());
        assertTrue(messages.body().contains("\"deliveryStatus\":\"DELIVERED\""), messages.body());
        Map<String, String> late = new LinkedHashMap<>(twilio.statusCallbackForm(sid));
        late.put("MessageStatus", "undelivered");
        late.put("SmsStatus", "undelivered");
        late.put("ErrorCode", "30003");
        assertEquals(200, twilio.post(MessagingStubs.TWILIO_WEBHOOK, late).status());
        messages = http.get("/api/admin/notifications?orderId=" + orderId, "Authorization", Tokens.admin());
        assertTrue(messages.body().contains("\"deliveryStatus\":\"DELIVERED\""), "final stays final: " + messages.body());
    }

    @Test
    void a_promotion_reaches_only_customers_who_agreed_in_their_language_with_the_opt_out_instruction() {
        String agreedByCall = newPhone();
        String agreedAtCheckout = newPhone();
        String stopped = newPhone();
        String neverAsked = newPhone();
        consent(agreedByCall, true);
        consent(stopped, true);
        twilio.customerSends(MessagingStubs.TWILIO_WEBHOOK, e164(stopped), "STOP");
        order(product(5), 1, agreedAtCheckout, "ur", true);
        order(product(5), 1, neverAsked, "en", false);
        String body = "{\"text\":{\"en\":\"Eid sale: 20% off everything until Sunday.\","
                + "\"ur\":\"عید سیل: اتوار تک ہر چیز پر 20 فیصد رعایت۔\"}";

        // A dry run counts and prices, and writes nothing
        var dry = http.post("/api/admin/promotions", body + ",\"dryRun\":true}", "Authorization", Tokens.admin());
        assertEquals(200, dry.statusCode(), dry.body());
        assertTrue(dry.body().contains("UCS_2") && dry.body().contains("GSM_7"), "an Urdu and an English version: " + dry.body());
        assertEquals(0, count("SELECT COUNT(*) FROM outbox_message WHERE event_type = 'PROMOTION' AND recipient = ?",
                e164(agreedByCall)));

        var sent = http.post("/api/admin/promotions", body + "}", "Authorization", Tokens.admin());
        assertEquals(200, sent.statusCode(), sent.body());
        Eventually.await(Duration.ofSeconds(30), "both promotions reach Twilio", () -> {
            http.post("/api/admin/notifications/relay", "", "Authorization", Tokens.admin());
            return twilio.messagesTo(e164(agreedByCall)).stream().anyMatch(m -> m.body().startsWith("Eid sale"))
                    && twilio.messagesTo(e164(agreedAtCheckout)).stream().anyMatch(m -> m.body().startsWith("عید سیل"));
        });
        assertTrue(twilio.messagesTo(e164(agreedByCall)).stream().anyMatch(m -> m.body()
                .equals("Eid sale: 20% off everything until Sunday. Reply STOP to opt out.")));
        assertTrue(twilio.messagesTo(e164(agreedAtCheckout)).stream().anyMatch(m -> m.body().contains("STOP")),
                "the Urdu version carries the opt-out instruction too");
        assertEquals(0, count("SELECT COUNT(*) FROM outbox_message WHERE event_type = 'PROMOTION' AND recipient = ?",
                e164(stopped)), "nobody who said STOP");
        assertEquals(0, count("SELECT COUNT(*) FROM outbox_message WHERE event_type = 'PROMOTION' AND recipient = ?",
                e164(neverAsked)), "nobody who was never asked");
        assertEquals("CHECKOUT", field(http.get("/api/admin/consent?phone=" + agreedAtCheckout, "Authorization",
                Tokens.staff()).body(), "history[0].source"));

        var tooLong = http.post("/api/admin/promotions", "{\"text\":{\"en\":\"" + "Sale! ".repeat(150) + "\"}}",
                "Authorization", Tokens.admin());
        assertEquals(422, tooLong.statusCode(), tooLong.body());
        assertTrue(tooLong.body().contains("text.en"), tooLong.body());
    }

    @Test
    void staff_preview_an_events_sms_as_the_gateway_would_carry_it() {
        var urdu = http.get("/api/admin/templates/preview?event=COD_CONFIRMATION_REQUESTED&locale=ur",
                "Authorization", Tokens.staff());

        assertEquals(200, urdu.statusCode(), urdu.body());
        assertEquals("ur", field(urdu.body(), "smsLocale"), urdu.body());
        assertEquals("UCS_2", field(urdu.body(), "smsEncoding"));
        assertEquals("sms-twilio", field(urdu.body(), "smsGateway"));
        assertTrue(field(urdu.body(), "text").contains("Rs 2,239"), urdu.body());
        int parts = Integer.parseInt(field(urdu.body(), "smsParts"));
        assertEquals(io.tijarat.core.messaging.SmsParts.of(field(urdu.body(), "smsText")).parts(), parts);
        assertEquals(400, http.get("/api/admin/templates/preview?event=NOPE", "Authorization", Tokens.staff()).statusCode());
    }

    // ------------------------------------------------------------------------------------------------

    private void consent(String phone, boolean granted) {
        var answer = http.post("/api/admin/consent", "{\"phone\":\"" + phone + "\",\"granted\":" + granted
                + ",\"note\":\"asked on the phone\"}", "Authorization", Tokens.staff());
        assertEquals(200, answer.statusCode(), answer.body());
    }

    /** Runs the relay until Twilio has the confirmation request for {@code phone}; its text. */
    private String askFor(String phone) {
        Eventually.await(Duration.ofSeconds(30), "the confirmation SMS reaches Twilio", () -> {
            http.post("/api/admin/notifications/relay", "", "Authorization", Tokens.admin());
            return twilio.messagesTo(e164(phone)).stream().anyMatch(m -> m.body().contains("Reply 1"));
        });
        return twilio.messagesTo(e164(phone)).stream().filter(m -> m.body().contains("Reply 1")).findFirst()
                .orElseThrow().body();
    }

    private String order(String sku, int quantity, String phone) {
        return order(sku, quantity, phone, "en", false);
    }

    private String order(String sku, int quantity, String phone, String locale, boolean marketingConsent) {
        String cartId = field(http.post("/api/carts", null).body(), "id");
        assertEquals(200, http.put("/api/carts/" + cartId + "/lines/" + sku, "{\"quantity\":" + quantity + "}").statusCode());
        var placed = http.post("/api/checkout", "{\"cartId\":\"" + cartId + "\",\"customer\":{\"name\":\"Reply Customer\","
                        + "\"phone\":\"" + phone + "\",\"locale\":\"" + locale + "\",\"marketingConsent\":" + marketingConsent
                        + "},\"shippingAddress\":{\"address\":\"House 3, Street 9\","
                        + "\"city\":\"Lahore\"},\"paymentProvider\":\"test-cod-reply\",\"shippingProvider\":\"flat-rate\"}",
                "Idempotency-Key", UUID.randomUUID().toString(), "X-Forwarded-For", "198.19.1." + (1 + ThreadLocalRandom.current().nextInt(250)));
        assertEquals(201, placed.statusCode(), placed.body());
        assertEquals("AWAITING_CONFIRMATION", field(placed.body(), "order.status"), placed.body());
        return field(placed.body(), "order.id");
    }

    private String product(int stock) {
        String sku = "SR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var created = http.post("/api/admin/products", "{\"slug\":\"p-" + sku.toLowerCase() + "\",\"title\":\"Reply test\","
                + "\"variants\":[{\"sku\":\"" + sku + "\",\"title\":\"One\",\"priceMinor\":10000,\"weightGrams\":100,\"stock\":"
                + stock + "}]}", "Authorization", Tokens.admin());
        assertEquals(201, created.statusCode(), created.body());
        return sku;
    }

    private static String status(String orderId) {
        return text("SELECT status FROM customer_order WHERE id = ?", orderId);
    }

    private static String number(String orderId) {
        return text("SELECT order_number FROM customer_order WHERE id = ?", orderId);
    }

    private static int stock(String sku) {
        return count("SELECT stock FROM product_variant WHERE sku = ?", sku);
    }

    private static String newPhone() {
        return "0346" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    private static String e164(String local) {
        return "+92" + local.substring(1);
    }

    private static String hex() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
