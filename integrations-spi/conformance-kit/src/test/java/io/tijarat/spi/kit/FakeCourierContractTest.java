package io.tijarat.spi.kit;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tijarat.spi.kit.fake.FakeCourierProviderFactory;
import io.tijarat.spi.shipping.ShippingProviderFactory;
import java.net.URI;

/** A well-behaved courier plugin passes the shipping contract, gateway cases included. */
class FakeCourierContractTest extends ShippingProviderContract {

    @Override
    protected ShippingProviderFactory newFactory() {
        return new FakeCourierProviderFactory();
    }

    @Override
    protected String expectedProviderId() {
        return "fake-courier";
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
    protected void stubBooking(WireMockServer gateway) {
        gateway.stubFor(post(urlEqualTo("/bookings")).willReturn(okJson("{\"status\":1,\"cn\":\"FC123456\"}")));
    }

    @Override
    protected String referenceSentIn(LoggedRequest request) {
        return request.getHeader("Idempotency-Key");
    }
}
