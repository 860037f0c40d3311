package io.tijarat.plugin.smstwilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.kit.NotificationProviderContract;
import io.tijarat.spi.kit.TestProviderContext;
import io.tijarat.spi.notification.NotificationProviderFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Twilio SMS passes the notification contract against WireMock answering as Twilio's Messages resource does. */
class TwilioSmsProviderContractTest extends NotificationProviderContract {

    static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    static final String WEBHOOK = "https://shop.example.pk/api/webhooks/sms-twilio";

    @Override
    protected NotificationProviderFactory newFactory() {
        return new TwilioSmsProviderFactory();
    }

    @Override
    protected String expectedProviderId() {
        return "sms-twilio";
    }

    @Override
    protected boolean talksToGateway() {
        return true;
    }

    @Override
    protected void configure(TestProviderContext.Builder context) {
        context.property("account-sid", ACCOUNT).property("from", "+15005550006").property("webhook-url", WEBHOOK);
    }

    @Override
    protected void pointAtGateway(TestProviderContext.Builder context, URI gatewayBaseUrl) {
        context.property("base-url", gatewayBaseUrl.toString());
    }

    @Override
    protected void stubAcceptance(WireMockServer gateway) {
        gateway.stubFor(post(urlPathMatching("/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\":\"SM0123456789abcdef0123456789abcdef\",\"status\":\"queued\","
                                + "\"error_code\":null}")));
    }

    @Override
    protected boolean gatewayTakesClientReference() {
        return false; // the Messages resource takes no idempotency key
    }

    @Override
    protected CallbackRequest signedReply(String messageId, String from, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM" + Integer.toHexString(messageId.hashCode()));
        form.put("AccountSid", ACCOUNT);
        form.put("From", from);
        form.put("To", "+15005550006");
        form.put("Body", text);
        form.put("SmsStatus", "received");
        return signed(form);
    }

    @Override
    protected CallbackRequest signedDeliveryReport(String gatewayMessageId, String status) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", gatewayMessageId);
        form.put("MessageStatus", status);
        form.put("AccountSid", ACCOUNT);
        form.put("To", "+923001234567");
        return signed(form);
    }

    private CallbackRequest signed(Map<String, String> form) {
        String token = context().config().secret("auth-token").reveal();
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        var headers = java.net.http.HttpHeaders.of(Map.of("X-Twilio-Signature",
                List.of(TwilioSignature.of(token, WEBHOOK, form)),
                "Content-Type", List.of("application/x-www-form-urlencoded")), (n, v) -> true);
        return new CallbackRequest(CallbackRequest.Source.NOTIFICATION, "POST", URI.create(WEBHOOK), headers,
                body.getBytes(StandardCharsets.UTF_8), Optional.of("127.0.0.1"));
    }
}
