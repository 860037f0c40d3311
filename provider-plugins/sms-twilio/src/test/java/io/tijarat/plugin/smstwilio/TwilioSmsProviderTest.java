package io.tijarat.plugin.smstwilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.tijarat.plugin.smstwilio.stub.TwilioStub;
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
import io.tijarat.spi.notification.NotificationProvider;
import io.tijarat.spi.notification.Recipient;
import io.tijarat.spi.notification.SendOutcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Twilio plugin against the stub, which answers and calls back as Twilio documents: sends (Urdu intact), delivery
 * status by fetch and by signed status callback, customers' replies verified over real HTTP, STOP honoured by the
 * gateway, and every documented refusal mapped.
 */
class TwilioSmsProviderTest {

    private static final String URDU = "آرڈر TJ-7K3M-9QXD: Rs 2,239 کیش آن ڈیلیوری۔ تصدیق کے لیے 1 اور منسوخی کے لیے 2 جواب میں بھیجیں۔";

    private final TwilioStub stub = TwilioStub.start();
    private final List<InboundOutcome> received = new CopyOnWriteArrayList<>();
    private HttpServer shop;
    private URI webhook;
    private NotificationProvider twilio;

    /** The shop's webhook: hands each request, as it arrived, to the plugin, and answers with its reply. */
    @BeforeEach
    void shop() throws IOException {
        shop = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        shop.createContext("/api/webhooks/sms-twilio", exchange -> {
            try (exchange) {
                var request = new CallbackRequest(CallbackRequest.Source.NOTIFICATION, exchange.getRequestMethod(),
                        URI.create(webhook.toString()), java.net.http.HttpHeaders.of(exchange.getRequestHeaders(), (n, v) -> true),
                        exchange.getRequestBody().readAllBytes(), Optional.of("127.0.0.1"));
                InboundOutcome outcome = twilio.verifyInbound(request);
                received.add(outcome);
                var reply = outcome instanceof InboundOutcome.Reply r ? r.reply()
                        : outcome instanceof InboundOutcome.Delivery d ? d.reply()
                        : outcome instanceof InboundOutcome.Ignored i ? i.reply() : null;
                byte[] body = (reply == null ? "" : reply.body()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(reply == null ? 401 : reply.status(), body.length == 0 ? -1 : body.length);
                exchange.getResponseBody().write(body);
            }
        });
        shop.start();
        webhook = URI.create("http://127.0.0.1:" + shop.getAddress().getPort() + "/api/webhooks/sms-twilio");
        twilio = provider(stub.authToken(), stub.number());
    }

    @AfterEach
    void stop() {
        stub.close();
        shop.stop(0);
    }

    private NotificationProvider provider(String token, String from) {
        return new TwilioSmsProviderFactory().create(TestProviderContext.builder(new TwilioSmsProviderFactory().descriptor())
                .property("base-url", stub.baseUrl().toString()).property("account-sid", stub.accountSid())
                .property("auth-token", token).property("from", from).property("webhook-url", webhook.toString()).build());
    }

    private static MessageRequest sms(String e164, String text) {
        return new MessageRequest(IdempotencyKey.of("E" + UUID.randomUUID().toString().replace("-", "").substring(0, 15)
                .toUpperCase()), Channel.SMS, new Recipient.Phone(PhoneNumber.of(e164)), MessageCategory.TRANSACTIONAL,
                MessageContent.sms(text));
    }

    @Test
    void givenAnUrduText_whenSent_thenTwilioHasItByteForByteFromTheShopsNumberWithTheStatusCallback() {
        var accepted = assertInstanceOf(SendOutcome.Accepted.class, twilio.send(sms("+923001234567", URDU)));

        TwilioStub.Message message = stub.messages().get(0);
        assertEquals(accepted.gatewayMessageId(), message.sid());
        assertEquals(URDU, message.body());
        assertEquals("+923001234567", message.to());
        assertEquals(stub.number(), message.from());
        assertEquals(webhook.toString(), message.statusCallback());
    }

    @Test
    void givenASentMessage_whenDeliveredAndAskedAndCalledBack_thenBothSayDeliveredAndTheCallbackIsVerified() {
        String sid = ((SendOutcome.Accepted) twilio.send(sms("+923001234567", "Order TJ-1 shipped"))).gatewayMessageId();
        assertEquals(DeliveryReport.Status.PENDING, twilio.deliveryStatus(sid).orElseThrow().status(), "queued");

        TwilioStub.Answer answer = stub.deliver(sid);

        assertEquals(200, answer.status());
        assertTrue(answer.body().contains("<Response>"), "Twilio gets TwiML back: " + answer.body());
        var delivery = assertInstanceOf(InboundOutcome.Delivery.class, received.get(0));
        assertEquals(sid, delivery.report().gatewayMessageId());
        assertEquals(DeliveryReport.Status.DELIVERED, delivery.report().status());
        assertEquals(sid + ":delivered", delivery.eventKey());
        assertEquals(DeliveryReport.Status.DELIVERED, twilio.deliveryStatus(sid).orElseThrow().status());
        assertTrue(twilio.deliveryStatus("SM" + "f".repeat(32)).isEmpty(), "an id Twilio does not know");
    }

    @Test
    void givenAnUnreachableHandset_whenTwilioCallsBack_thenFailedNamingTwiliosError() {
        String sid = ((SendOutcome.Accepted) twilio.send(sms("+923001234567", "hello"))).gatewayMessageId();

        stub.undeliverable(sid, "30003");

        var delivery = assertInstanceOf(InboundOutcome.Delivery.class, received.get(0));
        assertEquals(DeliveryReport.Status.FAILED, delivery.report().status());
        assertTrue(delivery.report().detail().orElseThrow().contains("30003: unreachable destination handset"),
                delivery.report().detail().orElseThrow());
    }

    @Test
    void givenACustomersReplyInUrduDigits_whenTwilioPostsIt_thenItIsVerifiedAsTheirTextFromTheirNumber() {
        TwilioStub.Answer answer = stub.customerSends(webhook, "+923001234567", "۱");

        assertEquals(200, answer.status());
        var reply = assertInstanceOf(InboundOutcome.Reply.class, received.get(0));
        assertEquals("+923001234567", reply.from().value());
        assertEquals("۱", reply.text());
        assertTrue(reply.eventKey().startsWith("SM"));
    }

    @Test
    void givenAForgedOrTamperedOrOtherAccountsRequest_whenPosted_thenRejected() {
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("MessageSid", "SM" + "a".repeat(32),
                "AccountSid", stub.accountSid(), "From", "+923001234567", "Body", "1"));
        String genuine = TwilioSignature.of(stub.authToken(), webhook.toString(), form);

        assertEquals(401, stub.post(webhook, form, "AAAA" + genuine.substring(4)).status(), "a wrong signature");
        var tampered = new java.util.LinkedHashMap<>(form);
        tampered.put("Body", "2");
        assertEquals(401, stub.post(webhook, tampered, genuine).status(), "the body changed after signing");
        var other = new java.util.LinkedHashMap<>(form);
        other.put("AccountSid", "AC" + "9".repeat(32));
        assertEquals(401, stub.post(webhook, other).status(), "signed with our token but for another account");
        assertEquals(200, stub.post(webhook, form, genuine).status(), "the genuine one still verifies");
        assertEquals(4, received.size());
        assertTrue(received.subList(0, 3).stream().allMatch(InboundOutcome.Rejected.class::isInstance));
    }

    @Test
    void givenTwiliosDocumentedExample_whenSigned_thenTheSignatureTwilioPublishes() {
        // The example of twilio.com/docs/usage/security (also in twilio-java's RequestValidatorTest and ExTwilio's docs)
        Map<String, String> params = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+12349013030", "Digits", "1234",
                "From", "+12349013030", "To", "+18005551212");

        assertEquals("0/KCTR6DLpKmkAf8muzZqo1nDgQ=",
                TwilioSignature.of("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params));
    }

    @Test
    void givenACustomerWhoRepliedStop_whenTheShopSendsAgain_thenTwilioRefusesThatMessage21610UntilStart() {
        stub.customerSends(webhook, "+923001234567", "STOP");

        var refused = assertInstanceOf(SendOutcome.Rejected.class, twilio.send(sms("+923001234567", "Sale!")));
        assertEquals("21610", refused.code());

        stub.customerSends(webhook, "+923001234567", "START");
        assertInstanceOf(SendOutcome.Accepted.class, twilio.send(sms("+923001234567", "welcome back")));
    }

    @Test
    void givenTwiliosRefusals_whenSending_thenEachIsMappedToWhoMustAct() {
        var invalid = assertInstanceOf(SendOutcome.Rejected.class, twilio.send(sms("+923001234567", "x".repeat(1601))));
        assertEquals("21617", invalid.code());
        stub.failNextSend(429, 20429);
        assertThrows(TransientProviderException.class, () -> twilio.send(sms("+923001234567", "x")));
        stub.failNextSend(503, 20503);
        assertThrows(TransientProviderException.class, () -> twilio.send(sms("+923001234567", "x")),
                "503: Twilio did not take it; the outbox retries");
        stub.failNextSend(500, 20500);
        assertInstanceOf(SendOutcome.Unknown.class, twilio.send(sms("+923001234567", "x")), "it may exist");
        var wrongToken = assertThrows(PermanentProviderException.class,
                () -> provider("wrong-token", stub.number()).send(sms("+923001234567", "x")));
        assertTrue(wrongToken.getMessage().contains("tijarat.provider.sms-twilio.account-sid and auth-token"), wrongToken.getMessage());
        assertThrows(PermanentProviderException.class, () -> provider(stub.authToken(), "+15005550001")
                .send(sms("+923001234567", "x")), "21606: the sender is not the account's");

        for (String code : List.of("21211", "21614", "21612", "21610", "21608", "21617")) {
            assertInstanceOf(SendOutcome.Rejected.class, TwilioSmsProvider.refusal(code, 400, ""), code);
        }
        for (String code : List.of("20003", "21212", "21606", "21659", "21660", "21408", "30002")) {
            assertThrows(PermanentProviderException.class, () -> TwilioSmsProvider.refusal(code, 400, ""), code);
        }
        assertThrows(TransientProviderException.class, () -> TwilioSmsProvider.refusal("20429", 429, ""));
    }
}
