package io.tijarat.plugin.leopards;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
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

/** Leopards passes the shipping contract, its courier cases included, against WireMock answering as Leopards does. */
class LeopardsProviderContractTest extends ShippingProviderContract {

    private static final String CITIES = "{\"status\":1,\"error\":\"0\",\"city_list\":["
            + "{\"id\":789,\"name\":\"Karachi\",\"shipment_type\":[\"overnight\"],\"allow_as_origin\":1,\"allow_as_destination\":1},"
            + "{\"id\":\"202\",\"name\":\"LAHORE\",\"allow_as_origin\":\"1\",\"allow_as_destination\":true}]}";

    @Override
    protected ShippingProviderFactory newFactory() {
        return new LeopardsProviderFactory();
    }

    @Override
    protected String expectedProviderId() {
        return "leopards";
    }

    @Override
    protected boolean talksToGateway() {
        return true;
    }

    @Override
    protected void pointAtGateway(TestProviderContext.Builder context, URI gatewayBaseUrl) {
        context.property("base-url", gatewayBaseUrl.resolve("/api/").toString());
    }

    @Override
    protected void stubReads(WireMockServer gateway) {
        gateway.stubFor(post(urlEqualTo("/api/getAllCities/format/json/")).willReturn(okJson(CITIES)));
        gateway.stubFor(get(urlPathEqualTo("/api/getTariffDetails/format/json/")).willReturn(okJson("{\"status\":1,"
                + "\"error\":0,\"packet_charges\":{\"shipment_charges\":\"150.00\",\"cash_handling\":\"0.00\","
                + "\"insurance_charges\":\"0.00\",\"gst_amount\":\"26.40\",\"fuel_surcharge_amount\":\"15.00\"}}")));
    }

    @Override
    protected void stubBooking(WireMockServer gateway) {
        stubReads(gateway);
        gateway.stubFor(post(urlEqualTo("/api/bookPacket/format/json/")).willReturn(okJson("{\"status\":1,\"error\":0,"
                + "\"track_number\":\"KI6001000001\",\"slip_link\":\"https://merchantapi.leopardscourier.com/api/booking/slip/KI6001000001\"}")));
    }

    @Override
    protected String referenceSentIn(LoggedRequest request) {
        return request.getUrl().startsWith("/api/bookPacket") ? member(request.getBodyAsString(), "booked_packet_order_id")
                : null;
    }

    @Override
    protected String codAmountSentIn(LoggedRequest request) {
        if (!request.getUrl().startsWith("/api/bookPacket")) {
            return null;
        }
        String amount = member(request.getBodyAsString(), "booked_packet_collect_amount");
        return "0".equals(amount) ? null : amount;
    }

    @Override
    protected boolean stubReadsBeforeBookingDown(WireMockServer gateway) {
        gateway.stubFor(post(urlEqualTo("/api/getAllCities/format/json/")).willReturn(aResponse().withStatus(503)
                .withBody("<html><body>503</body></html>")));
        return true;
    }

    @Override
    protected boolean stubBookingErrorWith200(WireMockServer gateway) {
        stubReads(gateway);
        gateway.stubFor(post(urlEqualTo("/api/bookPacket/format/json/")).willReturn(okJson("{\"status\":0,\"error\":"
                + "{\"consignment_phone\":\"Invalid phone number\"},\"track_number\":null,\"slip_link\":null}")));
        return true;
    }

    @Override
    protected boolean stubWrongCredentials(WireMockServer gateway) {
        gateway.stubFor(post(urlPathEqualTo("/api/getAllCities/format/json/"))
                .willReturn(okJson("{\"status\":0,\"error\":\"Invalid API Key or Password\"}")));
        return true;
    }

    @Override
    protected Optional<String> unservedCity() {
        return Optional.of("Quetta");
    }

    @Override
    protected Map<String, TrackingStatus> trackingCodes() {
        Map<String, TrackingStatus> codes = new LinkedHashMap<>();
        codes.put("Pickup Request not Send", TrackingStatus.BOOKED);
        codes.put("Pickup Request Sent", TrackingStatus.BOOKED);
        codes.put("Consignment Booked", TrackingStatus.BOOKED);
        codes.put("Shipment Picked", TrackingStatus.PICKED_UP);
        codes.put("Arrived at Station", TrackingStatus.IN_TRANSIT);
        codes.put("Dispatched", TrackingStatus.IN_TRANSIT);
        codes.put("Missroute", TrackingStatus.IN_TRANSIT);
        codes.put("Assign to Courier", TrackingStatus.OUT_FOR_DELIVERY);
        codes.put("Out for Delivery", TrackingStatus.OUT_FOR_DELIVERY);
        codes.put("Pending", TrackingStatus.ATTEMPT_FAILED);
        codes.put("Delivered", TrackingStatus.DELIVERED);
        codes.put("Ready for Return", TrackingStatus.RETURNING);
        codes.put("Being Return", TrackingStatus.RETURNING);
        codes.put("Returned to shipper", TrackingStatus.RETURNED);
        codes.put("Cancelled", TrackingStatus.CANCELLED);
        for (var code : LeopardsStatus.CODES.entrySet()) {
            codes.put(code.getKey(), code.getValue());
        }
        return codes;
    }

    @Override
    protected void stubTracking(WireMockServer gateway, String trackingNumber, String code) {
        gateway.stubFor(post(urlEqualTo("/api/trackBookedPacket/format/json/")).willReturn(okJson("{\"status\":\"1\","
                + "\"error\":0,\"packet_list\":[{\"track_number\":\"" + trackingNumber + "\",\"booked_packet_status\":\""
                + code + "\",\"Tracking Detail\":[{\"Staus\":\"" + code + "\",\"Reciever Name\":\"\","
                + "\"Activity Date\":\"2026-12-05 14:00:00\",\"Reason\":\"0\"}]}]}")));
    }

    @Override
    protected boolean stubCancel(WireMockServer gateway) {
        gateway.stubFor(post(urlEqualTo("/api/cancelBookedPackets/format/json/"))
                .willReturn(okJson("{\"status\":\"1\",\"error\":\"null\"}")));
        return true;
    }

    private static String member(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        return m.find() ? m.group(1) : null;
    }
}
