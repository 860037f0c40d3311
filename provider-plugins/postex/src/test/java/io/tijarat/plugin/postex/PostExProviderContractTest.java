package io.tijarat.plugin.postex;

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

/** PostEx passes the shipping contract, its courier cases included, against WireMock answering as PostEx does. */
class PostExProviderContractTest extends ShippingProviderContract {

    private static final String BASE = "/services/integration/api/order/";
    private static final String CITIES = "{\"statusCode\":\"200\",\"statusMessage\":\"SUCCESSFULLY OPERATED\",\"dist\":["
            + "{\"operationalCityName\":\"Karachi\",\"isPickupCity\":true,\"isDeliveryCity\":true},"
            + "{\"operationalCityName\":\"Lahore\",\"isPickupCity\":\"true\",\"isDeliveryCity\":\"true\"}]}";

    @Override
    protected ShippingProviderFactory newFactory() {
        return new PostExProviderFactory();
    }

    @Override
    protected String expectedProviderId() {
        return "postex";
    }

    @Override
    protected boolean talksToGateway() {
        return true;
    }

    @Override
    protected void pointAtGateway(TestProviderContext.Builder context, URI gatewayBaseUrl) {
        context.property("base-url", gatewayBaseUrl.resolve(BASE).toString());
    }

    @Override
    protected void stubReads(WireMockServer gateway) {
        gateway.stubFor(get(urlEqualTo(BASE + "v2/get-operational-city?operationalCityType=delivery"))
                .willReturn(okJson(CITIES)));
    }

    @Override
    protected void stubBooking(WireMockServer gateway) {
        stubReads(gateway);
        gateway.stubFor(post(urlEqualTo(BASE + "v3/create-order")).willReturn(okJson("{\"statusCode\":\"200\","
                + "\"statusMessage\":\"ORDER HAS BEEN CREATED\",\"dist\":{\"trackingNumber\":\"22450000123\","
                + "\"orderStatus\":\"UnBooked\",\"orderDate\":\"2026-12-05 15:00:00\"}}")));
    }

    @Override
    protected String referenceSentIn(LoggedRequest request) {
        return request.getUrl().endsWith("v3/create-order") ? member(request.getBodyAsString(), "orderRefNumber") : null;
    }

    @Override
    protected String codAmountSentIn(LoggedRequest request) {
        if (!request.getUrl().endsWith("v3/create-order")) {
            return null;
        }
        String amount = member(request.getBodyAsString(), "invoicePayment");
        return "0".equals(amount) ? null : amount;
    }

    @Override
    protected boolean stubReadsBeforeBookingDown(WireMockServer gateway) {
        gateway.stubFor(get(urlPathEqualTo(BASE + "v2/get-operational-city")).willReturn(aResponse().withStatus(503)));
        return true;
    }

    @Override
    protected boolean stubBookingErrorWith200(WireMockServer gateway) {
        stubReads(gateway);
        gateway.stubFor(post(urlEqualTo(BASE + "v3/create-order"))
                .willReturn(okJson("{\"statusCode\":\"404\",\"statusMessage\":\"INVALID CITY NAME\",\"dist\":null}")));
        return true;
    }

    @Override
    protected boolean stubWrongCredentials(WireMockServer gateway) {
        gateway.stubFor(get(urlPathEqualTo(BASE + "v2/get-operational-city")).willReturn(aResponse().withStatus(401)
                .withBody("{\"statusCode\":\"401\",\"statusMessage\":\"TOKEN IS INVALID\"}")));
        gateway.stubFor(post(urlEqualTo(BASE + "v3/create-order")).willReturn(aResponse().withStatus(401)
                .withBody("{\"statusCode\":\"401\",\"statusMessage\":\"TOKEN IS INVALID\"}")));
        return true;
    }

    @Override
    protected Optional<String> unservedCity() {
        return Optional.of("Quetta");
    }

    @Override
    protected Map<String, TrackingStatus> trackingCodes() {
        Map<String, TrackingStatus> codes = new LinkedHashMap<>();
        codes.put("0001", TrackingStatus.BOOKED);
        codes.put("0002", TrackingStatus.RETURNED);
        codes.put("0003", TrackingStatus.PICKED_UP);
        codes.put("0004", TrackingStatus.IN_TRANSIT);
        codes.put("0005", TrackingStatus.DELIVERED);
        codes.put("0006", TrackingStatus.RETURNED);
        codes.put("0007", TrackingStatus.RETURNED);
        codes.put("0008", TrackingStatus.EXCEPTION);
        codes.put("0013", TrackingStatus.ATTEMPT_FAILED);
        return codes;
    }

    @Override
    protected void stubTracking(WireMockServer gateway, String trackingNumber, String code) {
        gateway.stubFor(get(urlEqualTo(BASE + "v1/track-order/" + trackingNumber)).willReturn(okJson(
                "{\"statusCode\":\"200\",\"statusMessage\":\"SUCCESSFULLY OPERATED\",\"dist\":{\"trackingNumber\":\""
                        + trackingNumber + "\",\"transactionStatusHistory\":[{\"transactionStatusMessage\":\"step\","
                        + "\"transactionStatusMessageCode\":\"" + code + "\",\"modifiedDatetime\":\"2026-12-05 14:00:00\"}]}}")));
    }

    @Override
    protected boolean stubCancel(WireMockServer gateway) {
        gateway.stubFor(put(urlEqualTo(BASE + "v1/cancel-order")).willReturn(okJson(
                "{\"statusCode\":\"200\",\"statusMessage\":\"ORDER CANCELLED SUCCESSFULLY\",\"dist\":null}")));
        return true;
    }

    @Override
    protected boolean stubLabel(WireMockServer gateway) {
        gateway.stubFor(get(urlEqualTo(BASE + "v1/get-invoice?trackingNumbers=" + sampleTrackingNumber()))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/pdf")
                        .withBody("%PDF-1.4 airway bill")));
        return true;
    }

    private static String member(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        return m.find() ? m.group(1) : null;
    }
}
