package io.tijarat.plugin.easypaisa;

import io.tijarat.spi.json.Json;
import io.tijarat.spi.json.JsonException;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tijarat.plugin.easypaisa.stub.EasyPaisaStub;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.kit.PaymentProviderContract;
import io.tijarat.spi.kit.TestProviderContext;
import io.tijarat.spi.payment.PaymentProviderFactory;
import io.tijarat.spi.payment.PaymentRequest;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The SPI's payment contract against the EasyPaisa stub. The kit's own WireMock server stands in front: it
 * injects the generic faults (500, 503, HTML, truncated JSON, lateness), and for an accepting or declining
 * gateway it forwards to {@link EasyPaisaStub}, so the contract's payments meet EasyPaisa's real checks
 * (credentials, store, duplicate order ids).
 *
 * <p>The sample payment is a mobile-account payment: the hosted checkout calls no gateway at start, so it
 * could show neither a decline nor a fault.
 */
class EasyPaisaProviderContractTest extends PaymentProviderContract {

    private EasyPaisaStub easyPaisa;

    @BeforeEach
    void startEasyPaisa() {
        easyPaisa = EasyPaisaStub.start();
    }

    @AfterEach
    void stopEasyPaisa() {
        easyPaisa.close();
    }

    @Override
    protected PaymentProviderFactory newFactory() {
        return new EasyPaisaProviderFactory();
    }

    @Override
    protected String expectedProviderId() {
        return "easypaisa";
    }

    @Override
    protected boolean talksToGateway() {
        return true;
    }

    @Override
    protected void configure(TestProviderContext.Builder context) {
        EasyPaisaStub.Credentials store = EasyPaisaStub.Credentials.sample();
        context.property("store-id", store.storeId())
                .property("account-number", store.accountNumber())
                .property("username", store.username())
                .property("password", store.password())
                .property("hash-key", store.hashKey())
                .property("postback-url", Fixtures.POSTBACK);
    }

    @Override
    protected void pointAtGateway(TestProviderContext.Builder context, URI gatewayBaseUrl) {
        context.property("base-url", gatewayBaseUrl.toString());
    }

    @Override
    protected PaymentRequest samplePayment(IdempotencyKey attemptId) {
        return Fixtures.wallet(attemptId);
    }

    @Override
    protected void stubApproval(WireMockServer gateway) {
        easyPaisa.willAnswer(EasyPaisaStub.Outcome.SUCCESS);
        forwardToEasyPaisa(gateway);
    }

    @Override
    protected void stubDecline(WireMockServer gateway) {
        easyPaisa.willAnswer(EasyPaisaStub.Outcome.DECLINE);
        forwardToEasyPaisa(gateway);
    }

    @Override
    protected String referenceSentIn(LoggedRequest request) {
        try {
            Map<String, Object> body = Json.parseObject(request.getBodyAsString());
            return Json.text(body, "orderId").orElse(null);
        } catch (JsonException e) {
            throw new AssertionError("the plugin sent a body that is not JSON: " + e.getMessage(), e);
        }
    }

    private void forwardToEasyPaisa(WireMockServer gateway) {
        gateway.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(easyPaisa.baseUrl().toString())));
    }
}
