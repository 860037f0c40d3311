package io.tijarat.spi.kit;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.ProviderConfig;
import io.tijarat.spi.kit.fake.FakeCourierProviderFactory;
import io.tijarat.spi.shipping.ShippingProviderFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A well-behaved courier plugin passes the shipping contract, gateway and tracking-webhook cases included. */
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

    @Override
    protected String codAmountSentIn(LoggedRequest request) {
        java.util.regex.Matcher cod = java.util.regex.Pattern.compile("\"cod\":(\\d+)").matcher(request.getBodyAsString());
        return cod.find() && !cod.group(1).equals("0") ? cod.group(1) : null;
    }

    @Override
    protected boolean stubBookingErrorWith200(WireMockServer gateway) {
        gateway.stubFor(post(urlEqualTo("/bookings"))
                .willReturn(okJson("{\"status\":0,\"error\":\"destination city not served\"}")));
        return true;
    }

    @Override
    protected java.util.Optional<String> unservedCity() {
        return java.util.Optional.of("Quetta");
    }

    @Override
    protected CallbackRequest signedTrackingCallback(ProviderConfig config) {
        String body = "{\"event\":\"evt-8812\",\"cn\":\"FC123456\",\"status\":\"DELIVERED\","
                + "\"at\":\"2025-03-03T05:00:00Z\"}";
        return SampleRequests.webhook("fake-courier", Map.of("X-Courier-Signature",
                hmacSha256Hex(config.secret("webhook-secret").reveal(), body)), body);
    }

    static String hmacSha256Hex(String key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
