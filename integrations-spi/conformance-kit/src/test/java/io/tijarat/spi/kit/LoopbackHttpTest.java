package io.tijarat.spi.kit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.spi.ProviderHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoopbackHttpTest {

    private GatewayStub stub;
    private ProviderHttp http;

    @BeforeEach
    void startStub() {
        stub = GatewayStub.start();
        http = new LoopbackHttp(Duration.ofSeconds(1), Duration.ofMillis(500));
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void givenAHostOtherThanTheLoopbackAddress_whenSent_thenRefusedBeforeAnythingLeaves() {
        for (String uri : new String[] {"https://sandbox.jazzcash.com.pk/api", "http://localhost:8080/"}) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).build();
            assertThrows(IllegalArgumentException.class, () -> http.send(request, HttpResponse.BodyHandlers.ofString()),
                    uri);
        }
    }

    @Test
    void givenARedirect_whenSent_thenItIsReturnedAsItIsAndNotFollowed() throws Exception {
        stub.server().stubFor(get(urlEqualTo("/pay")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://127.0.0.1:1/elsewhere")));

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(stub.baseUrl().resolve("/pay")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(302, response.statusCode());
        assertEquals(1, stub.requests().size());
    }

    @Test
    void givenAStubSlowerThanTheBudget_whenSentWithALongerOwnTimeout_thenItTimesOutAtTheBudgetAsMaybeSent() {
        stub.answerEverythingWith(200);
        stub.delayEverything(Duration.ofMillis(1_500));
        HttpRequest patient = HttpRequest.newBuilder(stub.baseUrl().resolve("/slow")).timeout(Duration.ofSeconds(30))
                .build();

        long started = System.nanoTime();
        HttpTimeoutException e = assertThrows(HttpTimeoutException.class,
                () -> http.send(patient, HttpResponse.BodyHandlers.ofString()));

        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(1_400)) < 0,
                "the request's own 30 s were not cut down to the budget");
        assertFalse(ProviderHttp.wasNotSent(e), "a response timeout may have reached the gateway");
    }

    @Test
    void givenNothingListening_whenSent_thenTheFailureSaysNothingWasSent() {
        HttpRequest request = HttpRequest.newBuilder(GatewayStub.refusingUrl().resolve("/pay")).build();

        IOException e = assertThrows(IOException.class, () -> http.send(request, HttpResponse.BodyHandlers.ofString()));

        assertTrue(ProviderHttp.wasNotSent(e), e::toString);
    }

    @Test
    void givenARequest_whenSent_thenItCarriesACorrelationId() throws Exception {
        stub.answerEverythingWith(204);

        http.send(HttpRequest.newBuilder(stub.baseUrl().resolve("/ping")).build(), HttpResponse.BodyHandlers.discarding());

        assertTrue(stub.requests().get(0).getHeader("X-Correlation-Id").startsWith("kit-"));
    }
}
