package io.tijarat.plugin.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.tijarat.plugin.whatsapp.stub.WhatsAppCloudStub;
import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.PhoneNumber;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.kit.TestProviderContext;
import io.tijarat.spi.notification.Channel;
import io.tijarat.spi.notification.DeliveryReport;
import io.tijarat.spi.notification.InboundOutcome;
import io.tijarat.spi.notification.MessageCategory;
import io.tijarat.spi.notification.MessageContent;
import io.tijarat.spi.notification.MessageRequest;
import io.tijarat.spi.notification.MessageTemplate;
import io.tijarat.spi.notification.NotificationProvider;
import io.tijarat.spi.notification.Recipient;
import io.tijarat.spi.notification.SendOutcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The WhatsApp plugin against the stub, which answers and calls back as Meta documents: approved templates sent with
 * their parameters (Urdu intact), statuses and customers' replies verified over real HTTP, the address check answered,
 * an undeliverable number reported by webhook, and every documented refusal mapped.
 */
class WhatsAppCloudProviderTest {

    private final WhatsAppCloudStub stub = WhatsAppCloudStub.start();
    private final List<InboundOutcome> received = new CopyOnWriteArrayList<>();
    private HttpServer shop;
    private NotificationProvider whatsapp;

    @BeforeEach
    void shop() throws IOException {
        shop = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        shop.createContext("/api/webhooks/whatsapp-cloud", exchange -> {
            try (exchange) {
                var request = new CallbackRequest(CallbackRequest.Source.NOTIFICATION, exchange.getRequestMethod(),
                        exchange.getRequestURI(), java.net.http.HttpHeaders.of(exchange.getRequestHeaders(), (n, v) -> true),
                        exchange.getRequestBody().readAllBytes(), Optional.of("127.0.0.1"));
                InboundOutcome outcome = whatsapp.verifyInbound(request);
                received.add(outcome);
                var reply = outcome instanceof InboundOutcome.Reply r ? r.reply()
                        : outcome instanceof InboundOutcome.Delivery d ? d.reply()
                        : outcome instanceof InboundOutcome.Several s ? s.reply()
                        : outcome instanceof InboundOutcome.Ignored i ? i.reply() : null;
                byte[] body = (reply == null ? "" : reply.body()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(reply == null ? 401 : reply.status(), body.length == 0 ? -1 : body.length);
                exchange.getResponseBody().write(body);
            }
        });
        shop.start();
        URI webhook = URI.create("http://127.0.0.1:" + shop.getAddress().getPort() + "/api/webhooks/whatsapp-cloud");
        stub.webhook(webhook, webhook);
        whatsapp = provider(stub.accessToken());
        stub.approve("order_shipped", "ur", 2);
        stub.approve("order_shipped", "en", 2);
    }

    @AfterEach
    void stop() {
        stub.close();
        shop.stop(0);
    }

    private NotificationProvider provider(String token) {
        return new WhatsAppCloudProviderFactory().create(TestProviderContext.builder(new WhatsAppCloudProviderFactory()
                        .descriptor()).property("base-url", stub.baseUrl().toString())
                .property("phone-number-id", stub.phoneNumberId()).property("access-token", token)
                .property("app-secret", stub.appSecret()).property("verify-token", stub.verifyToken()).build());
    }

    private static MessageRequest template(String e164, String name, String language, String... parameters) {
        return new MessageRequest(IdempotencyKey.of("E" + UUID.randomUUID().toString().replace("-", "").substring(0, 15)
                .toUpperCase()), Channel.WHATSAPP, new Recipient.Phone(PhoneNumber.of(e164)), MessageCategory.TRANSACTIONAL,
                MessageContent.sms("the shop's own text"), Optional.of(new MessageTemplate(name, language, List.of(parameters))));
    }

    @Test
    void givenAnApprovedUrduTemplate_whenSent_thenWhatsAppHasItsNameLanguageAndParametersIntact() {
        var accepted = assertInstanceOf(SendOutcome.Accepted.class,
                whatsapp.send(template("+923001234567", "order_shipped", "ur", "TJ-7K3M-9QXD", "عائشہ")));

        WhatsAppCloudStub.Message message = stub.messages().get(0);
        assertEquals(accepted.gatewayMessageId(), message.id());
        assertEquals("923001234567", message.to(), "digits, without the +");
        assertEquals("order_shipped", message.template());
        assertEquals("ur", message.language());
        assertEquals(List.of("TJ-7K3M-9QXD", "عائشہ"), message.parameters());
    }

    @Test
    void givenSentMessages_whenMetaReportsDeliveredReadAndFailed_thenEachIsVerifiedAndMapped() {
        String id = ((SendOutcome.Accepted) whatsapp.send(template("+923001234567", "order_shipped", "en", "1", "2")))
                .gatewayMessageId();

        assertEquals(200, stub.deliver(id).status());
        assertEquals(200, stub.read(id).status());
        assertEquals(200, stub.fail(id, 131026, "Message undeliverable").status());

        var delivered = assertInstanceOf(InboundOutcome.Delivery.class, received.get(0));
        assertEquals(DeliveryReport.Status.DELIVERED, delivered.report().status());
        assertEquals(id + ":delivered", delivered.eventKey());
        assertEquals(DeliveryReport.Status.DELIVERED, ((InboundOutcome.Delivery) received.get(1)).report().status());
        var failed = assertInstanceOf(InboundOutcome.Delivery.class, received.get(2));
        assertEquals(DeliveryReport.Status.FAILED, failed.report().status());
        assertTrue(failed.report().detail().orElseThrow().contains("131026"), failed.report().detail().orElseThrow());
    }

    @Test
    void givenANumberNotOnWhatsApp_whenSent_thenAcceptedAndThenReportedUndeliverableByWebhook() throws Exception {
        stub.notOnWhatsApp("923009999999");

        assertInstanceOf(SendOutcome.Accepted.class, whatsapp.send(template("+923009999999", "order_shipped", "en", "1", "2")));

        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (received.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        var failed = assertInstanceOf(InboundOutcome.Delivery.class, received.get(0));
        assertEquals(DeliveryReport.Status.FAILED, failed.report().status());
    }

    @Test
    void givenACustomersTextAndButtonTap_whenPosted_thenRepliesFromTheirNumber() {
        stub.customerSends("923001234567", "۱");
        stub.customerTaps("923001234567", "Cancel order", "2");

        var text = assertInstanceOf(InboundOutcome.Reply.class, received.get(0));
        assertEquals("+923001234567", text.from().value());
        assertEquals("۱", text.text());
        assertEquals("2", assertInstanceOf(InboundOutcome.Reply.class, received.get(1)).text(), "the button's payload");
    }

    @Test
    void givenMetasAddressCheck_whenTheVerifyTokenMatches_thenTheChallengeIsEchoedElseRefused() {
        var ok = stub.verifySubscription(stub.verifyToken(), "1158201444");
        var wrong = stub.verifySubscription("guess", "1158201444");

        assertEquals(200, ok.status());
        assertEquals("1158201444", ok.body());
        assertEquals(401, wrong.status());
    }

    @Test
    void givenAForgedOrTamperedWebhook_whenPosted_thenRejected() {
        String id = ((SendOutcome.Accepted) whatsapp.send(template("+923001234567", "order_shipped", "en", "1", "2")))
                .gatewayMessageId();
        String genuine = stub.statusEvent(id, "delivered", null, null);

        assertEquals(401, stub.post(genuine, "sha256=" + "0".repeat(64)).status());
        assertEquals(401, stub.post(genuine.replace("delivered", "failed"),
                "sha256=" + WhatsAppCloudProvider.hmacSha256Hex(stub.appSecret(), genuine.getBytes(StandardCharsets.UTF_8)))
                .status(), "the body changed after signing");
        assertEquals(200, stub.post(genuine).status());
    }

    @Test
    void givenMetasRefusals_whenSending_thenEachIsMappedToWhoMustAct() {
        assertEquals("132001", assertInstanceOf(SendOutcome.Rejected.class,
                whatsapp.send(template("+923001234567", "no_such_template", "en", "x"))).code());
        assertEquals("132000", assertInstanceOf(SendOutcome.Rejected.class,
                whatsapp.send(template("+923001234567", "order_shipped", "en", "only-one"))).code());
        var freeText = new MessageRequest(IdempotencyKey.of("EFREETEXT000001"), Channel.WHATSAPP,
                new Recipient.Phone(PhoneNumber.of("+923001234567")), MessageCategory.TRANSACTIONAL,
                MessageContent.sms("hello"));
        assertEquals("131047", assertInstanceOf(SendOutcome.Rejected.class, whatsapp.send(freeText)).code(),
                "free text outside the 24-hour window");
        var token = assertThrows(PermanentProviderException.class,
                () -> provider("expired").send(template("+923001234567", "order_shipped", "en", "1", "2")));
        assertTrue(token.getMessage().contains("tijarat.provider.whatsapp-cloud.access-token"), token.getMessage());

        for (String code : List.of("131026", "131047", "132000", "132001", "132005", "132007", "132012", "132015",
                "132016", "100")) {
            assertInstanceOf(SendOutcome.Rejected.class, WhatsAppCloudProvider.refusal(code, 400, ""), code);
        }
        for (String code : List.of("0", "190", "3", "10", "200", "299", "368", "131031", "131042", "133010")) {
            assertThrows(PermanentProviderException.class, () -> WhatsAppCloudProvider.refusal(code, 400, ""), code);
        }
        for (String code : List.of("1", "2", "4", "80007", "130429", "131000", "131016", "131048", "131056")) {
            assertThrows(TransientProviderException.class, () -> WhatsAppCloudProvider.refusal(code, 400, ""), code);
        }
    }
}
