package io.tijarat.plugin.smstelenor;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tijarat.spi.kit.NotificationProviderContract;
import io.tijarat.spi.kit.TestProviderContext;
import io.tijarat.spi.notification.NotificationProviderFactory;
import java.net.URI;

/** Telenor corporate SMS passes the notification contract against WireMock answering as Telenor does. */
class TelenorSmsProviderContractTest extends NotificationProviderContract {

    @Override
    protected NotificationProviderFactory newFactory() {
        return new TelenorSmsProviderFactory();
    }

    @Override
    protected String expectedProviderId() {
        return "sms-telenor";
    }

    @Override
    protected boolean talksToGateway() {
        return true;
    }

    @Override
    protected void pointAtGateway(TestProviderContext.Builder context, URI gatewayBaseUrl) {
        context.property("base-url", gatewayBaseUrl.resolve("/corporate_sms2/api/").toString())
                .property("msisdn", "923450000001").property("mask", "TIJARAT");
    }

    @Override
    protected void stubAcceptance(WireMockServer gateway) {
        gateway.stubFor(get(urlPathEqualTo("/corporate_sms2/api/auth.jsp")).willReturn(aResponse().withStatus(200)
                .withBody("<corpsms><command>Auth_request</command><data>S1234</data><response>OK</response></corpsms>")));
        gateway.stubFor(get(urlPathEqualTo("/corporate_sms2/api/sendsms.jsp")).willReturn(aResponse().withStatus(200)
                .withBody("<corpsms><command>Submit_SM</command><data>5000001</data><response>OK</response></corpsms>")));
    }

    @Override
    protected boolean gatewayTakesClientReference() {
        return false; // Telenor's corporate API takes no client reference
    }
}
