package io.tijarat.spi.kit;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tijarat.spi.kit.fake.FakeSmsProviderFactory;
import io.tijarat.spi.notification.NotificationProviderFactory;
import java.net.URI;

/** A well-behaved SMS plugin passes the notification contract. */
class FakeSmsContractTest extends NotificationProviderContract {

    @Override
    protected NotificationProviderFactory newFactory() {
        return new FakeSmsProviderFactory();
    }

    @Override
    protected String expectedProviderId() {
        return "fake-sms";
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
        gateway.stubFor(post(urlEqualTo("/sms")).willReturn(okJson("{\"result\":\"OK\",\"messageId\":\"M-1\"}")));
    }

    @Override
    protected String referenceSentIn(LoggedRequest request) {
        return request.getHeader("Idempotency-Key");
    }
}
