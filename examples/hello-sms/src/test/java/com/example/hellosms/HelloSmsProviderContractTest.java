package com.example.hellosms;

import io.tijarat.spi.json.Json;
import io.tijarat.spi.json.JsonException;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tijarat.spi.kit.NotificationProviderContract;
import io.tijarat.spi.kit.TestProviderContext;
import io.tijarat.spi.notification.NotificationProviderFactory;
import java.net.URI;

/**
 * The SPI's notification contract, run against the kit's WireMock stub on 127.0.0.1 playing Hello SMS:
 * service file, isolated class loading, manifest, configuration, secrets, and the gateway cases
 * (accepted, same reference twice, timeout, HTML page, connection refused).
 */
class HelloSmsProviderContractTest extends NotificationProviderContract {

    @Override
    protected NotificationProviderFactory newFactory() {
        return new HelloSmsProviderFactory();
    }

    @Override
    protected String expectedProviderId() {
        return "hello-sms"; // literal on purpose: renaming the id must fail a test
    }

    @Override
    protected boolean talksToGateway() {
        return true;
    }

    @Override
    protected void pointAtGateway(TestProviderContext.Builder context, URI gatewayBaseUrl) {
        context.property("base-url", gatewayBaseUrl.toString());
    }

    @Override
    protected void stubAcceptance(WireMockServer gateway) {
        gateway.stubFor(post(urlPathEqualTo("/v1/messages")).willReturn(aResponse()
                .withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"msg_01HZX4K2\",\"status\":\"queued\"}")));
    }

    @Override
    protected String referenceSentIn(LoggedRequest request) {
        try {
            return Json.string(Json.parseObject(request.getBodyAsString()), "reference").orElse(null);
        } catch (JsonException e) {
            throw new AssertionError("the plugin sent a body that is not JSON: " + e.getMessage(), e);
        }
    }
}
