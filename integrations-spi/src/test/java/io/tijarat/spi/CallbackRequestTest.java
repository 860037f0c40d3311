package io.tijarat.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CallbackRequestTest {

    private static CallbackRequest post(String uri, String body, Map<String, List<String>> headers) {
        return new CallbackRequest(CallbackRequest.Source.NOTIFICATION, "POST", URI.create(uri),
                HttpHeaders.of(headers, (name, value) -> true), body.getBytes(StandardCharsets.UTF_8),
                Optional.of("203.0.113.7"));
    }

    @Test
    void givenHeadersInAnyCase_whenLookedUp_thenFoundCaseInsensitively() {
        CallbackRequest request = post("https://shop.pk/cb", "", Map.of("X-Signature", List.of("abc")));

        assertEquals(Optional.of("abc"), request.header("x-signature"));
        assertEquals(Optional.of("abc"), request.header("X-SIGNATURE"));
    }

    @Test
    void givenAFormBody_whenRead_thenFieldsAreDecodedInOrder() {
        CallbackRequest request = post("https://shop.pk/cb",
                "pp_TxnRefNo=T7K2M9Q4&pp_ResponseMessage=Thank+you%21&pp_Empty=", Map.of());

        Map<String, String> fields = request.formParameters();

        assertEquals(List.of("pp_TxnRefNo", "pp_ResponseMessage", "pp_Empty"), List.copyOf(fields.keySet()));
        assertEquals("Thank you!", fields.get("pp_ResponseMessage"));
        assertEquals("", fields.get("pp_Empty"));
    }

    @Test
    void givenAFieldTwice_whenRead_thenRejectedBecauseSignatureAndPluginCouldDisagree() {
        CallbackRequest request = post("https://shop.pk/cb", "pp_Amount=100&pp_Amount=1", Map.of());

        assertThrows(IllegalArgumentException.class, request::formParameters);
    }

    @Test
    void givenAQueryString_whenRead_thenParametersAreDecoded() {
        CallbackRequest request = post("https://shop.pk/ipn?url=https%3A%2F%2Feasypay%2Fx%2FT7K2M9Q4", "", Map.of());

        assertEquals(Map.of("url", "https://easypay/x/T7K2M9Q4"), request.queryParameters());
        assertEquals(Map.of(), post("https://shop.pk/ipn", "", Map.of()).queryParameters());
    }

    @Test
    void givenTheBodyArray_whenChangedOutside_thenTheRequestKeepsTheBytesThatArrived() {
        byte[] body = "a=1".getBytes(StandardCharsets.UTF_8);
        CallbackRequest request = new CallbackRequest(CallbackRequest.Source.NOTIFICATION, "POST",
                URI.create("https://shop.pk/cb"), HttpHeaders.of(Map.of(), (n, v) -> true), body, Optional.empty());

        body[0] = 'b';
        request.body()[0] = 'c';

        assertArrayEquals("a=1".getBytes(StandardCharsets.UTF_8), request.body());
    }

    @Test
    void givenPersonalDataInBodyAndQuery_whenPrinted_thenNeitherAppears() {
        CallbackRequest request = post("https://shop.pk/ret?mobileNum=03001234567", "pp_MobileNumber=03001234567",
                Map.of());

        assertFalse(request.toString().contains("03001234567"), request.toString());
    }
}
