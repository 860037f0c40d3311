package io.tijarat.spi.kit;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tijarat.spi.kit.fake.FakePayProviderFactory;
import io.tijarat.spi.payment.PaymentProviderFactory;
import java.net.URI;

/** A well-behaved gateway plugin passes the payment contract; {@link ContractsCatchBrokenPluginsTest} reuses the hooks. */
class FakePayContractTest extends PaymentProviderContract {

    @Override
    protected PaymentProviderFactory newFactory() {
        return new FakePayProviderFactory();
    }

    @Override
    protected String expectedProviderId() {
        return "fake-pay";
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
    protected void stubApproval(WireMockServer gateway) {
        gateway.stubFor(post(urlEqualTo("/payments")).willReturn(okJson("{\"status\":\"APPROVED\",\"id\":\"GW-77\"}")));
    }

    @Override
    protected void stubDecline(WireMockServer gateway) {
        gateway.stubFor(post(urlEqualTo("/payments")).willReturn(okJson("{\"status\":\"DECLINED\",\"code\":\"51\"}")));
    }

    @Override
    protected String referenceSentIn(LoggedRequest request) {
        return request.getHeader("Idempotency-Key");
    }
}
