package com.example.hellosms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.kit.GatewayStub;
import io.tijarat.spi.kit.SampleRequests;
import io.tijarat.spi.kit.TestProviderContext;
import io.tijarat.spi.notification.Channel;
import io.tijarat.spi.notification.MessageCategory;
import io.tijarat.spi.notification.MessageContent;
import io.tijarat.spi.notification.MessageRequest;
import io.tijarat.spi.notification.NotificationProvider;
import io.tijarat.spi.notification.Recipient;
import io.tijarat.spi.notification.SendOutcome;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the contract does not pin down: the request Hello SMS gets, and how its particular answers map to
 * outcomes. Every test talks to a stub on 127.0.0.1 only.
 */
class HelloSmsProviderTest {

    private static final String API_KEY = "hs_test_4f9a2c7e";

    private final HelloSmsProviderFactory factory = new HelloSmsProviderFactory();
    private final GatewayStub gateway = GatewayStub.start();
    private TestProviderContext context;

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    private NotificationProvider provider(Consumer<TestProviderContext.Builder> settings) {
        TestProviderContext.Builder builder = TestProviderContext.builder(factory.descriptor())
                .property("base-url", gateway.baseUrl() + "/")
                .property("api-key", API_KEY);
        settings.accept(builder);
        context = builder.build();
        return factory.create(context);
    }

    private NotificationProvider provider() {
        return provider(builder -> { });
    }

    private void gatewayAnswers(ResponseDefinitionBuilder response) {
        gateway.server().stubFor(post(urlPathEqualTo("/v1/messages")).willReturn(response));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static MessageRequest sms(IdempotencyKey eventId, String text) {
        return new MessageRequest(eventId, Channel.SMS, new Recipient.Phone(SampleRequests.PHONE),
                MessageCategory.TRANSACTIONAL, MessageContent.sms(text));
    }

    @Test
    void givenAnAcceptingGateway_whenAnSmsIsSent_thenItPostsBearerKeyNumberTextReferenceAndSenderAsJson() {
        gatewayAnswers(json(202, "{\"id\":\"msg_7Q2\",\"status\":\"queued\"}"));
        IdempotencyKey eventId = IdempotencyKey.of("EVT20250303A1");

        SendOutcome outcome = provider(builder -> builder.property("sender", "MYSHOP"))
                .send(sms(eventId, "Order 1042: \"2 x shirt\"\nDispatched."));

        assertEquals(new SendOutcome.Accepted("msg_7Q2"), outcome);
        gateway.server().verify(1, postRequestedFor(urlPathEqualTo("/v1/messages"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
                .withRequestBody(equalToJson("{\"to\":\"+923001234567\",\"text\":\"Order 1042: \\\"2 x shirt\\\"\\n"
                        + "Dispatched.\",\"reference\":\"EVT20250303A1\",\"from\":\"MYSHOP\"}")));
    }

    @Test
    void givenAnUrduMessage_whenSent_thenTheGatewayGetsTheTextUnchangedInUtf8() {
        gatewayAnswers(json(202, "{\"id\":\"msg_ur\"}"));
        String urdu = "آپ کا آرڈر 1042 روانہ کر دیا گیا ہے";

        provider().send(sms(SampleRequests.newKey(), urdu));

        String body = gateway.requests().get(0).getBodyAsString();
        assertTrue(body.contains("\"text\":\"" + urdu + "\""), "the Urdu text was changed on the way");
    }

    @Test
    void givenTheGatewayRefusesTheNumber_whenSent_thenRejectedWithItsCodeAndAMaskedReason() {
        gatewayAnswers(json(422, "{\"error\":{\"code\":\"invalid_number\","
                + "\"message\":\"+923001234567 is not a mobile number\"}}"));

        SendOutcome outcome = provider().send(sms(SampleRequests.newKey(), "Hello"));

        SendOutcome.Rejected rejected = assertInstanceOf(SendOutcome.Rejected.class, outcome);
        assertEquals("invalid_number", rejected.code());
        assertFalse(rejected.reason().contains("+923001234567"), "staff screens must not show the full number");
        assertTrue(rejected.reason().endsWith("is not a mobile number"), rejected.reason());
    }

    @Test
    void givenTheGatewayFailsWith500_whenSent_thenUnknownBecauseTheMessageMayHaveGoneOut() {
        gatewayAnswers(json(500, "{\"error\":{\"code\":\"internal\"}}"));

        SendOutcome outcome = provider().send(sms(SampleRequests.newKey(), "Hello"));

        assertInstanceOf(SendOutcome.Unknown.class, outcome);
    }

    @Test
    void givenA2xxWithoutAMessageId_whenSent_thenUnknownNotAccepted() {
        gatewayAnswers(json(200, "{\"status\":\"queued\"}"));

        assertInstanceOf(SendOutcome.Unknown.class, provider().send(sms(SampleRequests.newKey(), "Hello")));
    }

    @Test
    void givenAWrongApiKey_whenSent_thenAPermanentFailureThatNamesTheKeyButNeverShowsIt() {
        gatewayAnswers(json(401, "{\"error\":{\"code\":\"invalid_api_key\",\"message\":\"bad key " + API_KEY + "\"}}"));

        PermanentProviderException failure = assertThrows(PermanentProviderException.class,
                () -> provider().send(sms(SampleRequests.newKey(), "Hello")));

        assertTrue(failure.getMessage().contains("tijarat.provider.hello-sms.api-key"), failure.getMessage());
        assertFalse(failure.getMessage().contains(API_KEY), "the API key leaked into the failure");
        assertFalse(context.recordingLogger().contains(API_KEY), "the API key leaked into the log");
    }

    @Test
    void givenTheThroughputLimit_whenSent_thenATransientFailureCarryingRetryAfter() {
        gatewayAnswers(json(429, "{\"error\":{\"code\":\"rate_limited\"}}").withHeader("Retry-After", "3"));

        TransientProviderException failure = assertThrows(TransientProviderException.class,
                () -> provider().send(sms(SampleRequests.newKey(), "Hello")));

        assertEquals(Optional.of(Duration.ofSeconds(3)), failure.retryAfter());
    }

    @Test
    void givenAPlainHttpBaseUrlOfARealHost_whenTheProviderIsCreated_thenItFailsPermanentlyNamingBaseUrl() {
        PermanentProviderException failure = assertThrows(PermanentProviderException.class,
                () -> provider(builder -> builder.property("base-url", "http://api.hello-sms.example")));

        assertTrue(failure.getMessage().startsWith("tijarat.provider.hello-sms.base-url must start with https://"),
                failure.getMessage());
    }

    @Test
    void givenASenderMaskLongerThan11Characters_whenTheProviderIsCreated_thenItFailsPermanentlyNamingSender() {
        PermanentProviderException failure = assertThrows(PermanentProviderException.class,
                () -> provider(builder -> builder.property("sender", "MYSHOPKARACHI")));

        assertTrue(failure.getMessage().startsWith("tijarat.provider.hello-sms.sender"), failure.getMessage());
    }
}
