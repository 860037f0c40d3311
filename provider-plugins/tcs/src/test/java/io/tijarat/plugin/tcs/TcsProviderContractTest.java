package io.tijarat.plugin.tcs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tijarat.spi.kit.ShippingProviderContract;
import io.tijarat.spi.kit.TestProviderContext;
import io.tijarat.spi.shipping.ShippingProviderFactory;
import io.tijarat.spi.shipping.TrackingStatus;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** TCS passes the shipping contract, its courier cases included, against WireMock answering as TCS's COD API does. */
class TcsProviderContractTest extends ShippingProviderContract {

    private static final String OK = "{\"returnStatus\":{\"status\":\"SUCCESS\",\"code\":\"0200\",\"message\":\"Operation Successful\"}";

    @Override
    protected ShippingProviderFactory newFactory() {
        return new TcsProviderFactory();
    }

    @Override
    protected String expectedProviderId() {
        return "tcs";
    }

    @Override
    protected boolean talksToGateway() {
        return true;
    }

    @Override
    protected void pointAtGateway(TestProviderContext.Builder context, URI gatewayBaseUrl) {
        context.property("base-url", gatewayBaseUrl.resolve("/production/v1/cod/").toString())
                .property("tracking-url", gatewayBaseUrl.resolve("/production/track/v1/shipments/detail").toString())
                .property("user-name", "shop-user")
                .property("cost-center-code", "CC-01");
    }

    @Override
    protected void stubReads(WireMockServer gateway) {
        gateway.stubFor(get(urlEqualTo("/production/v1/cod/cities")).willReturn(okJson(OK
                + ",\"allCities\":[{\"cityName\":\"KARACHI\"},{\"cityName\":\"LAHORE\"}]}")));
    }

    @Override
    protected void stubBooking(WireMockServer gateway) {
        stubReads(gateway);
        gateway.stubFor(post(urlEqualTo("/production/v1/cod/create-order")).willReturn(okJson(OK
                + ",\"bookingReply\":{\"result\":\"Your generated CN is : 779400000123\"}}")));
    }

    @Override
    protected String referenceSentIn(LoggedRequest request) {
        return request.getUrl().endsWith("create-order") ? member(request.getBodyAsString(), "customerReferenceNo") : null;
    }

    @Override
    protected String codAmountSentIn(LoggedRequest request) {
        if (!request.getUrl().endsWith("create-order")) {
            return null;
        }
        String amount = member(request.getBodyAsString(), "codAmount");
        return "0".equals(amount) ? null : amount;
    }

    @Override
    protected boolean stubReadsBeforeBookingDown(WireMockServer gateway) {
        gateway.stubFor(get(urlEqualTo("/production/v1/cod/cities")).willReturn(aResponse().withStatus(503)
                .withBody("{\"returnStatus\":{\"status\":\"FAIL\",\"code\":\"0503\",\"message\":\"Service Unavailable\"}}")));
        return true;
    }

    @Override
    protected boolean stubBookingErrorWith200(WireMockServer gateway) {
        stubReads(gateway);
        gateway.stubFor(post(urlEqualTo("/production/v1/cod/create-order")).willReturn(okJson(
                "{\"returnStatus\":{\"status\":\"FAIL\",\"code\":\"0406\",\"message\":\"Invalid consignee mobile number\"}}")));
        return true;
    }

    @Override
    protected boolean stubWrongCredentials(WireMockServer gateway) {
        gateway.stubFor(get(urlPathEqualTo("/production/v1/cod/cities")).willReturn(aResponse().withStatus(401)
                .withBody("{\"httpCode\":\"401\",\"httpMessage\":\"Unauthorized\"}")));
        return true;
    }

    @Override
    protected Optional<String> unservedCity() {
        return Optional.of("Quetta");
    }

    @Override
    protected Map<String, TrackingStatus> trackingCodes() {
        Map<String, TrackingStatus> codes = new LinkedHashMap<>(TcsStatus.CODES);
        return codes;
    }

    @Override
    protected void stubTracking(WireMockServer gateway, String trackingNumber, String code) {
        gateway.stubFor(get(urlEqualTo("/production/track/v1/shipments/detail?consignmentNo=" + trackingNumber))
                .willReturn(okJson(OK + ",\"TrackDetailReply\":{\"DeliveryInfo\":[{\"consignmentNo\":\"" + trackingNumber
                        + "\",\"code\":\"" + code + "\",\"status\":\"step\",\"recievedBy\":\"\",\"dateTime\":"
                        + "\"2026-12-05 14:00:00\",\"station\":\"LHE\"}]}}")));
    }

    @Override
    protected boolean stubCancel(WireMockServer gateway) {
        gateway.stubFor(put(urlEqualTo("/production/v1/cod/cancel-order")).willReturn(okJson(OK + "}")));
        return true;
    }

    private static String member(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        return m.find() ? m.group(1) : null;
    }
}
