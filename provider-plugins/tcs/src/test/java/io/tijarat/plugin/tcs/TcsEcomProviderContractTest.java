package io.tijarat.plugin.tcs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;

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

/** TCS through its ECOM API passes the shipping contract, courier cases included, against WireMock answering as TCS. */
class TcsEcomProviderContractTest extends ShippingProviderContract {

    @Override
    protected ShippingProviderFactory newFactory() {
        return new TcsEcomProviderFactory();
    }

    @Override
    protected String expectedProviderId() {
        return "tcs-ecom";
    }

    @Override
    protected boolean talksToGateway() {
        return true;
    }

    @Override
    protected void pointAtGateway(TestProviderContext.Builder context, URI gatewayBaseUrl) {
        context.property("base-url", gatewayBaseUrl.toString())
                .property("user-name", "envio-shop")
                .property("account-number", "T-404001")
                .property("cost-center-code", "CC-01")
                .property("shipper-name", "Test Shop")
                .property("shipper-address", "Plot 4, Korangi")
                .property("shipper-mobile", "03001112233");
    }

    private static void token(WireMockServer gateway) {
        gateway.stubFor(get(urlPathEqualTo("/ecom/api/authentication/token")).willReturn(okJson(
                "{\"accesstoken\":\"AT-1\",\"expiry\":\"2099-12-31 23:59:59\"}")));
    }

    @Override
    protected void stubReads(WireMockServer gateway) {
        token(gateway);
        gateway.stubFor(get(urlPathEqualTo("/ecom/api/setup/citylistbycountry")).willReturn(okJson(
                "{\"message\":\"SUCCESS\",\"data\":[{\"citycode\":\"KHI\",\"cityname\":\"KARACHI\"},"
                        + "{\"citycode\":\"LHE\",\"cityname\":\"LAHORE\"}]}")));
    }

    @Override
    protected void stubBooking(WireMockServer gateway) {
        stubReads(gateway);
        gateway.stubFor(post(urlPathEqualTo("/ecom/api/booking/create")).willReturn(okJson(
                "{\"message\":\"SUCCESS\",\"consignmentNo\":\"306100000123\",\"traceid\":\"TR1\"}")));
    }

    @Override
    protected String referenceSentIn(LoggedRequest request) {
        return request.getUrl().endsWith("booking/create") ? member(request.getBodyAsString(), "referenceno") : null;
    }

    @Override
    protected String codAmountSentIn(LoggedRequest request) {
        if (!request.getUrl().endsWith("booking/create")) {
            return null;
        }
        String amount = member(request.getBodyAsString(), "codamount");
        return "0".equals(amount) ? null : amount;
    }

    @Override
    protected boolean stubReadsBeforeBookingDown(WireMockServer gateway) {
        token(gateway);
        gateway.stubFor(get(urlPathEqualTo("/ecom/api/setup/citylistbycountry")).willReturn(aResponse().withStatus(503)
                .withBody("<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>")));
        return true;
    }

    @Override
    protected boolean stubBookingErrorWith200(WireMockServer gateway) {
        stubReads(gateway);
        gateway.stubFor(post(urlPathEqualTo("/ecom/api/booking/create")).willReturn(okJson(
                "{\"message\":\"FAIL\",\"error\":[{\"key\":\"consigneeinfo.mobile\",\"errormessage\":\"Invalid mobile"
                        + " number\"}]}")));
        return true;
    }

    @Override
    protected boolean stubWrongCredentials(WireMockServer gateway) {
        gateway.stubFor(get(urlPathEqualTo("/ecom/api/authentication/token")).willReturn(aResponse().withStatus(401)
                .withBody("{\"code\":401,\"message\":\"Invalid bearer token\"}")));
        return true;
    }

    @Override
    protected Optional<String> unservedCity() {
        return Optional.of("Quetta");
    }

    @Override
    protected Map<String, TrackingStatus> trackingCodes() {
        return new LinkedHashMap<>(TcsStatus.CODES);
    }

    @Override
    protected void stubTracking(WireMockServer gateway, String trackingNumber, String code) {
        gateway.stubFor(get(urlPathEqualTo("/tracking/api/Tracking/GetDynamicTrackDetail"))
                .withQueryParam("consignee", equalTo(trackingNumber))
                .willReturn(okJson("{\"message\":\"SUCCESS\",\"shipmentsummary\":\"Current Status: step\","
                        + "\"checkpoints\":[],\"deliveryinfo\":[{\"code\":\"" + code + "\",\"status\":\"step\","
                        + "\"datetime\":\"2026-12-05 14:00:00\"}]}")));
    }

    @Override
    protected boolean stubCancel(WireMockServer gateway) {
        token(gateway);
        gateway.stubFor(post(urlPathEqualTo("/ecom/api/booking/cancel")).willReturn(okJson(
                "{\"message\":\"Consignment cancelled successfully\"}")));
        return true;
    }

    @Override
    protected boolean stubLabel(WireMockServer gateway) {
        token(gateway);
        gateway.stubFor(get(urlPathEqualTo("/ecom/api/print/label")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/pdf").withBody("%PDF-1.4\n%%EOF\n")));
        return true;
    }

    private static String member(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        return m.find() ? m.group(1) : null;
    }
}
