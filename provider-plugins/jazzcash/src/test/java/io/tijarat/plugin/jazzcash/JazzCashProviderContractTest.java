package io.tijarat.plugin.jazzcash;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tijarat.plugin.jazzcash.stub.JazzCashStub;
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
 * The SPI's payment contract against the JazzCash stub. The kit gives each test its own WireMock server
 * (where it injects the faults: 500, 503, HTML, truncated JSON, late answers, refused connections); the
 * approval and decline cases forward that server to a {@link JazzCashStub}, so the plugin's requests are
 * signed, checked and answered as JazzCash would. The sample payment is a wallet payment, the one that
 * calls JazzCash at once (a hosted checkout only builds a form).
 */
class JazzCashProviderContractTest extends PaymentProviderContract {

    /** Distinctive values, so the kit's "no secret in any log or detail" checks cannot match by accident. */
    private static final JazzCashStub.Credentials CREDENTIALS = new JazzCashStub.Credentials("MC10042",
            "contract-password-7Q2M", "contract-salt-3Z8K", "contract-mpin-5K1B");

    private JazzCashStub jazzCash;

    @BeforeEach
    void startJazzCash() {
        jazzCash = JazzCashStub.start(CREDENTIALS, 0);
    }

    @AfterEach
    void stopJazzCash() {
        jazzCash.close();
    }

    @Override
    protected PaymentProviderFactory newFactory() {
        return new JazzCashProviderFactory();
    }

    @Override
    protected String expectedProviderId() {
        return "jazzcash";
    }

    @Override
    protected boolean talksToGateway() {
        return true;
    }

    @Override
    protected void configure(TestProviderContext.Builder context) {
        context.property("merchant-id", CREDENTIALS.merchantId())
                .property("password", CREDENTIALS.password())
                .property("integrity-salt", CREDENTIALS.integritySalt())
                .property("merchant-mpin", CREDENTIALS.merchantMpin());
    }

    @Override
    protected void pointAtGateway(TestProviderContext.Builder context, URI gatewayBaseUrl) {
        context.property("base-url", gatewayBaseUrl.toString());
    }

    @Override
    protected PaymentRequest samplePayment(IdempotencyKey attemptId) {
        return Fixture.wallet(attemptId);
    }

    @Override
    protected void stubApproval(WireMockServer gateway) {
        jazzCash.outcome(JazzCashStub.Outcome.SUCCESS);
        forwardToJazzCash(gateway);
    }

    @Override
    protected void stubDecline(WireMockServer gateway) {
        jazzCash.outcome(JazzCashStub.Outcome.DECLINE).declineCode("004");
        forwardToJazzCash(gateway);
    }

    @Override
    protected String referenceSentIn(LoggedRequest request) {
        try {
            Map<?, ?> body = Json.read(request.getBodyAsString(), Map.class);
            Object reference = body.get("pp_TxnRefNo");
            return reference == null ? null : reference.toString();
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private void forwardToJazzCash(WireMockServer gateway) {
        gateway.stubFor(any(urlPathMatching("/.*")).willReturn(aResponse().proxiedFrom(jazzCash.baseUrl().toString())));
    }
}
