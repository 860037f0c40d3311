package io.tijarat.spi.kit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tijarat.spi.Capability;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.ProviderFactory;
import io.tijarat.spi.ProviderKind;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.notification.MessageRequest;
import io.tijarat.spi.notification.NotificationCapability;
import io.tijarat.spi.notification.NotificationProvider;
import io.tijarat.spi.notification.NotificationProviderFactory;
import io.tijarat.spi.notification.SendOutcome;
import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The notification contract, smaller than the payment one. Beyond the cases every provider passes (see
 * {@link ProviderContract}): it sends on at least one channel; a message sent twice with one event id
 * carries the same client reference (where the gateway takes one); a send that may have gone out
 * without a usable answer is {@code Unknown} — never resent blindly, since a duplicate SMS costs money
 * — and a refused connection is a {@link TransientProviderException}.
 */
public abstract class NotificationProviderContract
        extends ProviderContract<NotificationProviderFactory, NotificationProvider> {

    // ----------------------------------------------------------------------------------------- hooks

    /** The message the cases send: an SMS if the provider declares SMS, a WhatsApp template if WHATSAPP, else an e-mail. */
    protected MessageRequest sampleMessage(IdempotencyKey eventId) {
        var descriptor = factory().descriptor();
        return descriptor.supports(NotificationCapability.SMS) ? SampleRequests.sms(eventId)
                : descriptor.supports(NotificationCapability.WHATSAPP) ? SampleRequests.whatsapp(eventId)
                : SampleRequests.email(eventId);
    }

    /** Programs the stub to accept the {@link #sampleMessage}. Needed when {@link #talksToGateway()}. */
    protected void stubAcceptance(WireMockServer gateway) {
        throw missingGatewayHook("stubAcceptance(WireMockServer)");
    }

    /**
     * Whether the gateway takes a client reference the plugin can forward the event id in. Most Pakistani
     * SMS gateways take none: override with {@code false}, and the reference case is skipped.
     */
    protected boolean gatewayTakesClientReference() {
        return true;
    }

    /**
     * A request exactly as the gateway would send it to the shop's webhook when a customer replies {@code text}
     * from {@code from} (E.164), signed with the secret this test configured. Needed with {@code INBOUND_MESSAGES}
     * (since SPI 1.4).
     */
    protected io.tijarat.spi.CallbackRequest signedReply(String messageId, String from, String text) {
        throw missingGatewayHook("signedReply(String, String, String)");
    }

    /**
     * A request exactly as the gateway would push a delivery report: {@code status} in the gateway's own words
     * (e.g. {@code delivered}) about {@code gatewayMessageId} (letters and digits), signed. Needed with
     * {@code DELIVERY_WEBHOOKS}. The hooks that sign may read the test's secrets through {@link #context()}.
     */
    protected io.tijarat.spi.CallbackRequest signedDeliveryReport(String gatewayMessageId, String status) {
        throw missingGatewayHook("signedDeliveryReport(String, String)");
    }

    /** The gateway's word for a message that reached the phone, as {@link #signedDeliveryReport} takes it. */
    protected String deliveredStatusWord() {
        return "delivered";
    }

    // ------------------------------------------------------------------------------------ cases

    @Test
    public final void givenASignedReply_whenVerified_thenItIsTheCustomersTextFromTheirNumber() {
        assumeTrue(factory().descriptor().supports(NotificationCapability.INBOUND_MESSAGES),
                "the provider declares no INBOUND_MESSAGES");
        provider(); // created first: the hook may read the secret it was configured with
        var request = signedReply("IN-" + SampleRequests.newKey().value(), "+923001234567", "1");

        var outcome = assertDoesNotThrow(() -> provider().verifyInbound(request));

        var reply = assertInstanceOf(io.tijarat.spi.notification.InboundOutcome.Reply.class, outcome);
        assertEquals("+923001234567", reply.from().value());
        assertEquals("1", reply.text().strip());
        assertEquals(reply.eventKey(), assertInstanceOf(io.tijarat.spi.notification.InboundOutcome.Reply.class,
                provider().verifyInbound(request)).eventKey(), "a redelivery must carry the same event key");
    }

    @Test
    public final void givenASignedReplyWithOneByteChanged_whenVerified_thenRejectedNotThrown() {
        assumeTrue(factory().descriptor().supports(NotificationCapability.INBOUND_MESSAGES),
                "the provider declares no INBOUND_MESSAGES");
        provider();
        var genuine = signedReply("IN-" + SampleRequests.newKey().value(), "+923001234567", "1");
        byte[] body = genuine.body();
        assumeTrue(body.length > 0, "the reply has no body to change");
        byte[] changed = body.clone();
        int at = changed.length - 2 > 0 ? changed.length - 2 : 0; // near the end: the customer's text, in most forms
        changed[at] = (byte) (changed[at] == '1' ? '2' : changed[at] ^ 1);
        var tampered = new io.tijarat.spi.CallbackRequest(genuine.source(), genuine.method(), genuine.uri(),
                genuine.headers(), changed, genuine.remoteAddress());
        var unsigned = new io.tijarat.spi.CallbackRequest(genuine.source(), genuine.method(), genuine.uri(),
                java.net.http.HttpHeaders.of(Map.of(), (name, value) -> true), body, genuine.remoteAddress());

        assertInstanceOf(io.tijarat.spi.notification.InboundOutcome.Rejected.class,
                assertDoesNotThrow(() -> provider().verifyInbound(tampered)), "a changed body must not verify");
        assertInstanceOf(io.tijarat.spi.notification.InboundOutcome.Rejected.class,
                assertDoesNotThrow(() -> provider().verifyInbound(unsigned)), "an unsigned request must not verify");
    }

    @Test
    public final void givenASignedDeliveryReport_whenVerified_thenItNamesTheMessageAndIsDelivered() {
        assumeTrue(factory().descriptor().supports(NotificationCapability.DELIVERY_WEBHOOKS),
                "the provider declares no DELIVERY_WEBHOOKS");
        provider();
        var outcome = assertDoesNotThrow(() -> provider().verifyInbound(
                signedDeliveryReport("MSGCONTRACT1", deliveredStatusWord())));

        var delivery = assertInstanceOf(io.tijarat.spi.notification.InboundOutcome.Delivery.class, outcome);
        assertEquals("MSGCONTRACT1", delivery.report().gatewayMessageId());
        assertEquals(io.tijarat.spi.notification.DeliveryReport.Status.DELIVERED, delivery.report().status());
    }

    @Test
    public final void givenGarbage_whenVerifiedAsInbound_thenRejectedNotThrown() {
        assumeTrue(factory().descriptor().supports(NotificationCapability.INBOUND_MESSAGES)
                || factory().descriptor().supports(NotificationCapability.DELIVERY_WEBHOOKS),
                "the provider takes no inbound requests");
        var garbage = new io.tijarat.spi.CallbackRequest(io.tijarat.spi.CallbackRequest.Source.NOTIFICATION, "POST",
                java.net.URI.create("https://shop.example/api/webhooks/" + expectedProviderId()),
                java.net.http.HttpHeaders.of(Map.of("Content-Type", java.util.List.of("application/x-www-form-urlencoded")),
                        (name, value) -> true),
                "%%%&&&=\u0000{not: json".getBytes(java.nio.charset.StandardCharsets.UTF_8), java.util.Optional.empty());

        assertInstanceOf(io.tijarat.spi.notification.InboundOutcome.Rejected.class,
                assertDoesNotThrow(() -> provider().verifyInbound(garbage)));
    }

    @Test
    public final void givenTheDescriptor_whenItsChannelsAreRead_thenItSendsOnAtLeastOne() {
        ProviderDescriptor descriptor = factory().descriptor();

        assertTrue(descriptor.supports(NotificationCapability.SMS) || descriptor.supports(NotificationCapability.EMAIL)
                        || descriptor.supports(NotificationCapability.WHATSAPP),
                "a notification provider must declare SMS, EMAIL or WHATSAPP: the core sends only on declared channels");
        assertFalse(descriptor.supports(NotificationCapability.UNICODE_SMS)
                && !descriptor.supports(NotificationCapability.SMS), "declares UNICODE_SMS without SMS");
    }

    @Test
    public final void givenNoGateway_whenOneMessageIsSentTwice_thenBothCallsGiveTheSameOutcome() {
        assumeFalse(talksToGateway(), "the provider calls a gateway");
        MessageRequest request = sampleMessage(SampleRequests.newKey());

        assertEquals(provider().send(request), provider().send(request));
    }

    @Test
    public final void givenAnAcceptingGateway_whenSent_thenAccepted() {
        stubAcceptance(gateway().server());

        assertInstanceOf(SendOutcome.Accepted.class, provider().send(sampleMessage(SampleRequests.newKey())));
    }

    @Test
    public final void givenOneEventId_whenSentTwice_thenTheGatewaySeesTheSameReferenceBothTimes() {
        stubAcceptance(gateway().server());
        assumeTrue(gatewayTakesClientReference(), "the gateway takes no client reference");
        IdempotencyKey eventId = SampleRequests.newKey();

        provider().send(sampleMessage(eventId));
        provider().send(sampleMessage(eventId));

        References.assertSameReferenceForwarded(gateway().requests(), this::referenceSentIn, eventId, 2);
    }

    @Test
    public final void givenAGatewayThatAnswersAfterTheBudget_whenSending_thenUnknown() {
        stubAcceptance(gateway().server());
        NotificationProvider hurried = newProvider(builder -> builder.responseTimeout(SHORT_BUDGET));
        warmUp(hurried); // a gateway session (a login) is in hand: only the message's own request is late
        gateway().delayEverything(LATE);

        assertUnknown(answer(hurried, "a response timeout"));
    }

    @Test
    public final void givenAnHtmlPageWithStatus200_whenSending_thenUnknown() {
        stubAcceptance(gateway().server());
        warmUp(provider());
        gateway().answerEverythingWithHtmlPage();

        assertUnknown(answer(provider(), "an HTML page"));
    }

    @Test
    public final void givenARefusedConnection_whenSending_thenTransientFailureBecauseNothingWasSent() {
        NotificationProvider unreachable = unreachableProvider();

        TransientProviderException failure = assertThrows(TransientProviderException.class,
                () -> unreachable.send(sampleMessage(SampleRequests.newKey())));

        assertNoSecretIn(failure.getMessage(), "the failure's message");
    }

    // ------------------------------------------------------------------------------- internals

    private SendOutcome answer(NotificationProvider provider, String situation) {
        return assertDoesNotThrow(() -> provider.send(sampleMessage(SampleRequests.newKey())),
                () -> situation + " after the message went out is an answer to map (Unknown), not an exception");
    }

    /**
     * Sends one message while the gateway still answers, so that what a plugin sets up first (a session login, kept
     * for later sends) is in hand and a failure injected afterwards hits a message's own request.
     */
    private void warmUp(NotificationProvider provider) {
        for (int attempt = 0; attempt < 3; attempt++) { // a first request to a cold stub may outlast a short budget
            try {
                if (provider.send(sampleMessage(SampleRequests.newKey())) instanceof SendOutcome.Accepted) {
                    return;
                }
            } catch (RuntimeException warmUpFailed) {
                // try again; the case itself will show what goes wrong
            }
        }
    }

    private void assertUnknown(SendOutcome outcome) {
        SendOutcome.Unknown unknown = assertInstanceOf(SendOutcome.Unknown.class, outcome,
                "the message may have gone out, so the answer is Unknown (the core does not resend it)");
        assertNoSecretIn(unknown.detail(), "the Unknown detail");
    }

    @Override
    final Class<? extends ProviderFactory<?>> factoryInterface() {
        return NotificationProviderFactory.class;
    }

    @Override
    final ProviderKind kind() {
        return ProviderKind.NOTIFICATION;
    }

    @Override
    final Class<?> providerInterface() {
        return NotificationProvider.class;
    }

    @Override
    final Map<Capability, Method> optionalOperations() {
        try {
            Method inbound = NotificationProvider.class.getMethod("verifyInbound", io.tijarat.spi.CallbackRequest.class);
            return Map.of(NotificationCapability.DELIVERY_REPORTS,
                    NotificationProvider.class.getMethod("deliveryStatus", String.class),
                    NotificationCapability.INBOUND_MESSAGES, inbound,
                    NotificationCapability.DELIVERY_WEBHOOKS, inbound);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the SPI's NotificationProvider changed", e);
        }
    }
}
