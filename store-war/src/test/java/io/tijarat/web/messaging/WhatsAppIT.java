package io.tijarat.web.messaging;

import static io.tijarat.web.testing.Http.field;
import static io.tijarat.web.testing.TestSql.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.core.plugin.testkit.Eventually;
import io.tijarat.plugin.smstwilio.stub.TwilioStub;
import io.tijarat.plugin.whatsapp.stub.WhatsAppCloudStub;
import io.tijarat.web.testing.Http;
import io.tijarat.web.testing.MessagingStubs;
import io.tijarat.web.testing.PayaraTestServer;
import io.tijarat.web.testing.TestPlugins;
import io.tijarat.web.testing.TijaratIT;
import io.tijarat.web.testing.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Customers hear from the shop by WhatsApp, through the bundled WhatsApp Cloud API plugin (dropped into the running
 * server's plugin directory, as an admin installs it) and its stub: the cash-on-delivery question goes as an approved
 * template with the order's number and whole-rupee total, and a tap on its button confirms the order; a number not on
 * WhatsApp, or a template WhatsApp has not approved, still reaches the customer by SMS; statuses reach the message;
 * Meta's check of the webhook address is answered. The server runs with {@code tijarat.notifications.whatsapp=true}.
 */
@TijaratIT
@RunAsClient
class WhatsAppIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return PayaraTestServer.realWar();
    }

    @ArquillianResource
    URL base;

    private Http http;
    private final WhatsAppCloudStub whatsApp = MessagingStubs.whatsApp();
    private final TwilioStub twilio = MessagingStubs.twilio();

    @BeforeEach
    void install() throws IOException {
        http = new Http(base);
        URI webhook = URI.create(base + "api/webhooks/whatsapp-cloud");
        whatsApp.webhook(webhook, webhook);
        twilio.route(MessagingStubs.TWILIO_WEBHOOK, URI.create(base + "api/webhooks/sms-twilio"));
        whatsApp.approve("cod_confirmation_requested", "en", 2);
        whatsApp.approve("cod_confirmation_requested", "ur", 2);
        whatsApp.approve("order_placed", "en", 2); // not in Urdu: an Urdu customer's goes by SMS
        Path jar = Path.of(System.getProperty("tijarat.it.bundledPlugins"), MessagingStubs.WHATSAPP_JAR);
        Files.copy(jar, TestPlugins.pluginDir().resolve(MessagingStubs.WHATSAPP_JAR),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        TestPlugins.dropPayment("test-cod-wa", "PaymentCapability.COLLECT_ON_DELIVERY", """
                public PaymentOutcome start(PaymentRequest request) {
                    return PaymentOutcome.Pending.of(new CustomerAction.ApproveOnPhone(
                            "Reply 1 to confirm, 2 to cancel", java.util.Optional.empty()));
                }
                """);
        Eventually.await(Duration.ofSeconds(60), "WhatsApp, Twilio and the COD plugin are active",
                () -> "ACTIVE".equals(TestPlugins.state(http, "whatsapp-cloud"))
                        && "ACTIVE".equals(TestPlugins.state(http, "sms-twilio"))
                        && "ACTIVE".equals(TestPlugins.state(http, "test-cod-wa")));
    }

    /** Takes WhatsApp out again: the other tests' customers hear by SMS. */
    @AfterEach
    void uninstall() throws IOException {
        Files.deleteIfExists(TestPlugins.pluginDir().resolve(MessagingStubs.WHATSAPP_JAR));
        Eventually.await(Duration.ofSeconds(60), "WhatsApp is unloaded",
                () -> !"ACTIVE".equals(TestPlugins.state(http, "whatsapp-cloud")));
    }

    @Test
    void the_cod_question_goes_as_an_approved_template_and_a_tap_on_its_button_confirms_the_order() {
        String phone = newPhone();
        String orderId = order(phone, "en");

        WhatsAppCloudStub.Message ask = awaitWhatsApp(phone, "cod_confirmation_requested");
        assertEquals("en", ask.language());
        assertEquals(List.of(number(orderId), rupees(orderId)), ask.parameters(),
                "{{1}} the order number, {{2}} the whole-rupee total, in the order of the shop's own text");
        assertEquals(0, twilio.messagesTo("+" + digits(phone)).size(), "no SMS besides");

        var tap = whatsApp.customerTaps(digits(phone), "Confirm", "1");

        assertEquals(200, tap.status(), tap.body());
        assertEquals("CONFIRMED", text("SELECT status FROM customer_order WHERE id = ?", orderId));
        assertEquals(200, whatsApp.deliver(ask.id()).status());
        var messages = http.get("/api/admin/notifications?orderId=" + orderId, "Authorization", Tokens.admin());
        assertTrue(messages.body().contains("\"channel\":\"WHATSAPP\"") && messages.body().contains("\"deliveryStatus\":\"DELIVERED\""),
                messages.body());
    }

    @Test
    void a_customer_not_on_whatsapp_still_gets_the_question_by_sms_and_can_answer_it() {
        String phone = newPhone();
        whatsApp.notOnWhatsApp(digits(phone));
        String orderId = order(phone, "en");

        awaitWhatsApp(phone, "cod_confirmation_requested"); // accepted by WhatsApp, then reported undeliverable (131026)
        Eventually.await(Duration.ofSeconds(30), "the SMS sent instead reaches Twilio", () -> {
            http.post("/api/admin/notifications/relay", "", "Authorization", Tokens.admin());
            return twilio.messagesTo("+" + digits(phone)).stream().anyMatch(m -> m.body().contains("Reply 1 to confirm"));
        });
        twilio.customerSends(MessagingStubs.TWILIO_WEBHOOK, "+" + digits(phone), "1");

        assertEquals("CONFIRMED", text("SELECT status FROM customer_order WHERE id = ?", orderId));
    }

    @Test
    void a_message_whatsapp_has_no_approved_template_for_goes_by_sms_in_the_customers_language() {
        String phone = newPhone();
        order(phone, "ur");

        Eventually.await(Duration.ofSeconds(30), "the Urdu order confirmation reaches Twilio instead", () -> {
            http.post("/api/admin/notifications/relay", "", "Authorization", Tokens.admin());
            return twilio.messagesTo("+" + digits(phone)).stream().anyMatch(m -> m.body().contains("شکریہ"));
        });
        assertTrue(whatsApp.messagesTo(digits(phone)).stream().noneMatch(m -> "order_placed".equals(m.template())),
                "WhatsApp refused it (132001): nothing went out there");
        assertTrue(text("SELECT last_error FROM outbox_message WHERE channel = 'WHATSAPP' AND event_type = 'ORDER_PLACED'"
                + " AND recipient = ?", "+" + digits(phone)).contains("sent by SMS instead"), "staff see why");
    }

    @Test
    void metas_check_of_the_webhook_address_is_answered_with_its_challenge_only_for_the_shops_token() {
        var ok = whatsApp.verifySubscription(whatsApp.verifyToken(), "1158201444");
        var wrong = whatsApp.verifySubscription("guessed", "1158201444");
        var forged = whatsApp.post("{\"object\":\"whatsapp_business_account\",\"entry\":[]}", "sha256=" + "0".repeat(64));

        assertEquals(200, ok.status());
        assertEquals("1158201444", ok.body());
        assertEquals(401, wrong.status());
        assertEquals(401, forged.status());
    }

    @Test
    void an_urdu_customers_order_is_asked_confirmed_shipped_and_delivered_with_whatsapp_messages_in_urdu() {
        whatsApp.approve("order_shipped", "ur", 5);
        whatsApp.approve("order_delivered", "ur", 2);
        String phone = newPhone();
        String orderId = order(phone, "ur", "leopards", "عائشہ خان");

        WhatsAppCloudStub.Message ask = awaitWhatsApp(phone, "cod_confirmation_requested");
        assertEquals("ur", ask.language());
        whatsApp.customerTaps(digits(phone), "تصدیق", "1");
        assertEquals("CONFIRMED", text("SELECT status FROM customer_order WHERE id = ?", orderId));

        String booked = io.tijarat.web.testing.Fulfilments.fulfil(http, orderId);
        String tracking = field(booked, "trackingNumber");
        io.tijarat.web.testing.CourierStubs.leopards().advance(tracking, "Shipment Picked");
        WhatsAppCloudStub.Message shipped = awaitShipment(phone, "order_shipped", "SHIPPED", orderId);
        io.tijarat.web.testing.CourierStubs.leopards().advance(tracking, "Arrived at Station");
        io.tijarat.web.testing.CourierStubs.leopards().advance(tracking, "Delivered");
        WhatsAppCloudStub.Message delivered = awaitShipment(phone, "order_delivered", "DELIVERED", orderId);

        assertEquals("ur", shipped.language());
        assertEquals(List.of("عائشہ خان", number(orderId), "leopards", tracking, "-"), shipped.parameters(),
                "{name} {number} {courier} {tracking} {link} of the shop's text; no tracking page configured: -");
        assertEquals(List.of("عائشہ خان", number(orderId)), delivered.parameters());
        assertTrue(twilio.messagesTo("+" + digits(phone)).stream().allMatch(m -> m.body().contains("شکریہ")),
                "only the order confirmation, which has no approved Urdu template here, went by SMS");
    }

    // ------------------------------------------------------------------------------------------------

    private WhatsAppCloudStub.Message awaitShipment(String phone, String template, String status, String orderId) {
        Eventually.await(Duration.ofSeconds(60), "the order is " + status + " and told by WhatsApp", () -> {
            io.tijarat.web.testing.Fulfilments.track(http);
            http.post("/api/admin/notifications/relay", "", "Authorization", Tokens.admin());
            return status.equals(io.tijarat.web.testing.Fulfilments.orderStatus(http, orderId))
                    && whatsApp.messagesTo(digits(phone)).stream().anyMatch(m -> template.equals(m.template()));
        });
        return whatsApp.messagesTo(digits(phone)).stream().filter(m -> template.equals(m.template())).findFirst().orElseThrow();
    }

    private WhatsAppCloudStub.Message awaitWhatsApp(String phone, String template) {
        Eventually.await(Duration.ofSeconds(30), "the " + template + " message reaches WhatsApp", () -> {
            http.post("/api/admin/notifications/relay", "", "Authorization", Tokens.admin());
            return whatsApp.messagesTo(digits(phone)).stream().anyMatch(m -> template.equals(m.template()));
        });
        return whatsApp.messagesTo(digits(phone)).stream().filter(m -> template.equals(m.template())).findFirst().orElseThrow();
    }

    private String order(String phone, String locale) {
        return order(phone, locale, "flat-rate", "WhatsApp Customer");
    }

    private String order(String phone, String locale, String courier, String name) {
        String sku = "WA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertEquals(201, http.post("/api/admin/products", "{\"slug\":\"p-" + sku.toLowerCase() + "\",\"title\":\"WhatsApp"
                + " test\",\"variants\":[{\"sku\":\"" + sku + "\",\"title\":\"One\",\"priceMinor\":223900,"
                + "\"weightGrams\":100,\"stock\":5}]}", "Authorization", Tokens.admin()).statusCode());
        String cartId = field(http.post("/api/carts", null).body(), "id");
        assertEquals(200, http.put("/api/carts/" + cartId + "/lines/" + sku, "{\"quantity\":1}").statusCode());
        var placed = http.post("/api/checkout", "{\"cartId\":\"" + cartId + "\",\"customer\":{\"name\":\"" + name + "\","
                        + "\"phone\":\"" + phone + "\",\"locale\":\"" + locale + "\"},\"shippingAddress\":{\"address\":"
                        + "\"House 3, Street 9\",\"city\":\"Lahore\"},\"paymentProvider\":\"test-cod-wa\","
                        + "\"shippingProvider\":\"" + courier + "\"}",
                "Idempotency-Key", UUID.randomUUID().toString(),
                "X-Forwarded-For", "198.19.2." + (1 + ThreadLocalRandom.current().nextInt(250)));
        assertEquals(201, placed.statusCode(), placed.body());
        return field(placed.body(), "order.id");
    }

    private static String number(String orderId) {
        return text("SELECT order_number FROM customer_order WHERE id = ?", orderId);
    }

    /** The order's total as its messages say it: whole rupees, grouped ("Rs 2,339"). */
    private static String rupees(String orderId) {
        long minor = Long.parseLong(text("SELECT total_minor FROM customer_order WHERE id = ?", orderId));
        assertEquals(0, minor % 100, "a COD total is whole rupees");
        return "Rs " + java.text.NumberFormat.getIntegerInstance(java.util.Locale.ENGLISH).format(minor / 100);
    }

    private static String newPhone() {
        return "0347" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    private static String digits(String local) {
        return "92" + local.substring(1);
    }
}
