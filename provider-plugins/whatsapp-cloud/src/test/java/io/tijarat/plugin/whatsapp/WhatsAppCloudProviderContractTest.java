package io.tijarat.plugin.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.json.Json;
import io.tijarat.spi.kit.NotificationProviderContract;
import io.tijarat.spi.kit.TestProviderContext;
import io.tijarat.spi.notification.NotificationProviderFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The WhatsApp Cloud API plugin passes the notification contract against WireMock answering as Meta's API does. */
class WhatsAppCloudProviderContractTest extends NotificationProviderContract {

    static final String NUMBER_ID = "106540352242922";

    @Override
    protected NotificationProviderFactory newFactory() {
        return new WhatsAppCloudProviderFactory();
    }

    @Override
    protected String expectedProviderId() {
        return "whatsapp-cloud";
    }

    @Override
    protected boolean talksToGateway() {
        return true;
    }

    @Override
    protected void configure(TestProviderContext.Builder context) {
        context.property("phone-number-id", NUMBER_ID);
    }

    @Override
    protected void pointAtGateway(TestProviderContext.Builder context, URI gatewayBaseUrl) {
        context.property("base-url", gatewayBaseUrl.toString());
    }

    @Override
    protected void stubAcceptance(WireMockServer gateway) {
        gateway.stubFor(post(urlPathEqualTo("/v21.0/" + NUMBER_ID + "/messages")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"923001234567\","
                        + "\"wa_id\":\"923001234567\"}],\"messages\":[{\"id\":\"wamid.HBgMOTIzMDAxMjM0NTY3FQIAERgS\"}]}")));
    }

    @Override
    protected boolean gatewayTakesClientReference() {
        return false; // the Cloud API takes no idempotency key
    }

    @Override
    protected CallbackRequest signedReply(String messageId, String from, String text) {
        return signed(Map.of("messages", List.of(Map.of("from", from.substring(1), "id", "wamid." + messageId,
                "timestamp", "1733400000", "type", "text", "text", Map.of("body", text)))));
    }

    @Override
    protected CallbackRequest signedDeliveryReport(String gatewayMessageId, String status) {
        return signed(Map.of("statuses", List.of(Map.of("id", gatewayMessageId, "status", status,
                "timestamp", "1733400000", "recipient_id", "923001234567"))));
    }

    private CallbackRequest signed(Map<String, Object> parts) {
        var value = new java.util.LinkedHashMap<String, Object>();
        value.put("messaging_product", "whatsapp");
        value.put("metadata", Map.of("display_phone_number", "15550001111", "phone_number_id", NUMBER_ID));
        value.putAll(parts);
        byte[] body = Json.write(Map.of("object", "whatsapp_business_account", "entry", List.of(Map.of("id", "1",
                "changes", List.of(Map.of("value", value, "field", "messages")))))).getBytes(StandardCharsets.UTF_8);
        String secret = context().config().secret("app-secret").reveal();
        var headers = java.net.http.HttpHeaders.of(Map.of("X-Hub-Signature-256",
                List.of("sha256=" + WhatsAppCloudProvider.hmacSha256Hex(secret, body)),
                "Content-Type", List.of("application/json")), (n, v) -> true);
        return new CallbackRequest(CallbackRequest.Source.NOTIFICATION, "POST",
                URI.create("https://shop.example.pk/api/webhooks/whatsapp-cloud"), headers, body, Optional.empty());
    }
}
