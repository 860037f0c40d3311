package io.tijarat.plugin.easypaisa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.plugin.easypaisa.stub.EasyPaisaStub;
import io.tijarat.spi.CallbackReply;
import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.ProviderConfig;
import io.tijarat.spi.ProviderContext;
import io.tijarat.spi.ProviderHttp;
import io.tijarat.spi.ProviderLogger;
import io.tijarat.spi.kit.TestProviderContext;
import io.tijarat.spi.payment.CallbackOutcome;
import io.tijarat.spi.payment.CustomerAction;
import io.tijarat.spi.payment.InquiryOutcome;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentProvider;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What EasyPaisa sends us: the IPN and the browser's returns. Nothing of it is signed, so every verified
 * request asks the core to confirm by inquiry; and nothing here may touch the network — the provider under
 * test has an HTTP client that counts every call, and every test checks it made none.
 */
class CallbackTest {

    private static final URI IPN_ENDPOINT = URI.create("https://shop.example.pk/api/payments/easypaisa/ipn");
    private static final String ATTEMPT = "T7K2M9Q4X1B8C3D5";

    private final EasyPaisaStub easyPaisa = EasyPaisaStub.start();
    private final AtomicInteger httpCalls = new AtomicInteger();
    private final PaymentProvider provider = new EasyPaisaProviderFactory()
            .create(countingCalls(Fixtures.context(easyPaisa.baseUrl()).build()));

    @AfterEach
    void thenNothingWasFetched() {
        try {
            assertEquals(0, httpCalls.get(), "verifyCallback must not call anyone, least of all a URL an IPN names");
            assertTrue(easyPaisa.requests().stream().noneMatch(request -> request.getUrl().startsWith("/easypay/ipn/")),
                    "the IPN's detail URL must never be fetched");
        } finally {
            easyPaisa.close();
        }
    }

    // ------------------------------------------------------------------------------------------ IPN

    @Test
    void givenAnIpnAsEasyPaisaSendsIt_whenVerified_thenAHintAboutTheAttemptThatTheCoreMustConfirmByInquiry() {
        CallbackOutcome outcome = provider.verifyCallback(easyPaisa.ipn(IPN_ENDPOINT, ATTEMPT));

        CallbackOutcome.Verified verified = assertInstanceOf(CallbackOutcome.Verified.class, outcome);
        assertEquals(IdempotencyKey.of(ATTEMPT), verified.attemptId());
        assertTrue(verified.confirmByInquiry(), "the IPN is unsigned: only an inquiry may change the attempt");
        assertInstanceOf(InquiryOutcome.Unknown.class, verified.status(), "the IPN says nothing trustworthy");
        assertEquals(CallbackReply.ok(), verified.reply());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "?url=https%3A%2F%2Feasypay.easypaisa.com.pk%2Feasypay%2Fipn%2F43210%2FT7K2M9Q4X1B8C3D5",
            "?url=https://easypaystg.easypaisa.com.pk/easypay-service/rest/ipn/T7K2M9Q4X1B8C3D5",
            "?url=https%3A%2F%2Feasypaystg.easypaisa.com.pk%2Fipn%2FT7K2M9Q4X1B8C3D5%2F",
            "?url=https%3A%2F%2Feasypay.easypaisa.com.pk%2Fipn%2FT7K2M9Q4X1B8C3D5&status=PAID&amount=1500.0",
            "?status=FAILED&url=https%3A%2F%2Feasypay.easypaisa.com.pk%2Fipn%2FT7K2M9Q4X1B8C3D5"})
    void givenAnIpnThatClaimsAnything_whenVerified_thenTheClaimIsIgnoredAndTheCoreMustConfirmByInquiry(String query) {
        CallbackOutcome outcome = provider.verifyCallback(notification(query));

        CallbackOutcome.Verified verified = assertInstanceOf(CallbackOutcome.Verified.class, outcome);
        assertEquals(IdempotencyKey.of(ATTEMPT), verified.attemptId());
        assertTrue(verified.confirmByInquiry());
        assertInstanceOf(InquiryOutcome.Unknown.class, verified.status(), "a status in an unsigned IPN is not a fact");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "?url=",
            "?url=https%3A%2F%2Fattacker.example%2Fipn%2FT7K2M9Q4X1B8C3D5",
            "?url=https%3A%2F%2Feasypay.easypaisa.com.pk.attacker.example%2FT7K2M9Q4X1B8C3D5",
            "?url=file%3A%2F%2F%2Fetc%2FT7K2M9Q4X1B8C3D5",
            "?url=http%3A%2F%2F169.254.169.254%2Flatest%2FT7K2M9Q4X1B8C3D5",
            "?url=https%3A%2F%2Feasypay.easypaisa.com.pk%2Fipn%2F..",
            "?url=https%3A%2F%2Feasypay.easypaisa.com.pk%2Fipn%2Ft7k2m9q4x1b8c3d5",
            "?url=https%3A%2F%2Feasypay.easypaisa.com.pk%2Fipn%2FT7K2M9Q4X1B8C3D5&url=https%3A%2F%2Fattacker.example%2Fx",
            "?url=https%3A%2F%2Feasypay.easypaisa.com.pk%2Fa%20b%2F%7BT7K2M9Q4X1B8C3D5",
            "?auth_token=123456-7890123456&attempt=T7K2M9Q4X1B8C3D5"})
    void givenANotificationThatIsNotAPlausibleEasyPaisaIpn_whenVerified_thenRejected(String query) {
        assertInstanceOf(CallbackOutcome.Rejected.class, provider.verifyCallback(notification(query)));
    }

    @Test
    void givenTheSameIpnTwice_whenVerified_thenTheSameEventKey_andAnotherAttemptsIpnHasAnother() {
        String first = verified(provider.verifyCallback(easyPaisa.ipn(IPN_ENDPOINT, ATTEMPT))).eventKey();
        String again = verified(provider.verifyCallback(easyPaisa.ipn(IPN_ENDPOINT, ATTEMPT))).eventKey();
        String other = verified(provider.verifyCallback(easyPaisa.ipn(IPN_ENDPOINT, "ABCDEFGH12345678"))).eventKey();

        assertEquals(first, again, "a redelivery must be recognisable");
        assertNotEquals(first, other);
    }

    // ----------------------------------------------------------------------------- browser returns

    @Test
    void givenTheFirstReturnWithAnAuthToken_whenVerified_thenTheBrowserIsSentOnToConfirmWithThatToken() {
        CallbackOutcome outcome = provider.verifyCallback(customerReturn(
                "?attempt=" + ATTEMPT + "&auth_token=482910-5529174630"));

        CallbackOutcome.ContinueCheckout next = assertInstanceOf(CallbackOutcome.ContinueCheckout.class, outcome);
        assertEquals(IdempotencyKey.of(ATTEMPT), next.attemptId());
        assertEquals(URI.create(easyPaisa.baseUrl() + "/easypay/Confirm.jsf"), next.next().target());
        assertEquals(CustomerAction.Redirect.HttpMethod.POST, next.next().method());
        assertEquals(Map.of("auth_token", "482910-5529174630", "postBackURL", Fixtures.POSTBACK + "?attempt=" + ATTEMPT),
                next.next().fields());
    }

    @Test
    void givenEasyPaisaAppendedItsTokenWithASecondQuestionMark_whenVerified_thenTheCheckoutStillContinues() {
        CallbackOutcome outcome = provider.verifyCallback(customerReturn(
                "?attempt=" + ATTEMPT + "?auth_token=482910-5529174630"));

        assertEquals("482910-5529174630", assertInstanceOf(CallbackOutcome.ContinueCheckout.class, outcome)
                .next().fields().get("auth_token"));
    }

    @Test
    void givenTheFinalReturnReportingSuccess_whenVerified_thenOnlyAHintThatTheCoreConfirmsByInquiry() {
        CallbackOutcome outcome = provider.verifyCallback(customerReturn("?attempt=" + ATTEMPT
                + "&status=0000&desc=SUCCESS&orderRefNumber=" + ATTEMPT));

        CallbackOutcome.Verified verified = verified(outcome);
        assertTrue(verified.confirmByInquiry(), "the return is unsigned: a customer could type status=0000");
        assertInstanceOf(InquiryOutcome.Unknown.class, verified.status(), "no amount came back: no Paid to report");
    }

    @Test
    void givenTheFinalReturnOfAVoucher_whenVerified_thenAPendingHint() {
        CallbackOutcome outcome = provider.verifyCallback(customerReturn("?attempt=" + ATTEMPT
                + "&status=0000&desc=SUCCESS&paymentToken=59234211&orderRefNumber=" + ATTEMPT));

        assertInstanceOf(InquiryOutcome.Pending.class, verified(outcome).status());
        assertTrue(verified(outcome).confirmByInquiry());
    }

    @Test
    void givenTheFinalReturnReportingAFailure_whenVerified_thenAFailedHintThatIsStillConfirmedByInquiry() {
        CallbackOutcome outcome = provider.verifyCallback(customerReturn("?attempt=" + ATTEMPT
                + "&status=0013&desc=LOW+BALANCE&orderRefNumber=" + ATTEMPT));

        InquiryOutcome.Failed hint = assertInstanceOf(InquiryOutcome.Failed.class, verified(outcome).status());
        assertEquals("0013", hint.code());
        assertTrue(verified(outcome).confirmByInquiry());
    }

    @Test
    void givenTheFinalReturnAsAFormPost_whenVerified_thenReadLikeTheQuery() {
        CallbackRequest post = new CallbackRequest(CallbackRequest.Source.CUSTOMER_RETURN, "POST",
                URI.create(Fixtures.POSTBACK + "?attempt=" + ATTEMPT),
                HttpHeaders.of(Map.of("Content-Type", List.of("application/x-www-form-urlencoded")), (n, v) -> true),
                ("status=0000&desc=SUCCESS&orderRefNumber=" + ATTEMPT).getBytes(StandardCharsets.UTF_8),
                Optional.of("198.51.100.20"));

        assertEquals(IdempotencyKey.of(ATTEMPT), verified(provider.verifyCallback(post)).attemptId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "?auth_token=482910-5529174630",
            "?attempt=T7K2M9Q4X1B8C3D5&auth_token=",
            "?attempt=T7K2M9Q4X1B8C3D5&auth_token=%3Cscript%3E",
            "?attempt=T7K2M9Q4X1B8C3D5&status=0000&orderRefNumber=ABCDEFGH12345678",
            "?status=0000&desc=SUCCESS",
            "?attempt=T7K2M9Q4X1B8C3D5&status=%3Cb%3E0000%3C%2Fb%3E",
            "?attempt=T7K2M9Q4X1B8C3D5&status=0000&status=0013",
            "?attempt=not-an-attempt&status=0000",
            "?attempt=T7K2M9Q4X1B8C3D5",
            "?url=https%3A%2F%2Feasypay.easypaisa.com.pk%2Fipn%2FT7K2M9Q4X1B8C3D5"})
    void givenAReturnThatIsNotOneEasyPaisaMakesForUs_whenVerified_thenRejected(String query) {
        assertInstanceOf(CallbackOutcome.Rejected.class, provider.verifyCallback(customerReturn(query)));
    }

    @Test
    void givenTheStubsOwnRedirect_whenTheBrowserComesBack_thenTheProviderContinuesToConfirm() throws Exception {
        easyPaisa.appendQueryNaively(true);
        IdempotencyKey attemptId = IdempotencyKey.of(ATTEMPT);
        CustomerAction.Redirect form = (CustomerAction.Redirect) ((PaymentOutcome.Pending)
                provider.start(Fixtures.hosted(attemptId))).next();

        URI back = Browser.post(form);

        assertTrue(back.toString().startsWith(Fixtures.POSTBACK + "?attempt=" + ATTEMPT + "?auth_token="), back.toString());
        assertInstanceOf(CallbackOutcome.ContinueCheckout.class, provider.verifyCallback(Browser.returning(back)));
    }

    // ------------------------------------------------------------------------------------- helpers

    private static CallbackOutcome.Verified verified(CallbackOutcome outcome) {
        return assertInstanceOf(CallbackOutcome.Verified.class, outcome);
    }

    private static CallbackRequest notification(String query) {
        return new CallbackRequest(CallbackRequest.Source.NOTIFICATION, "GET", URI.create(IPN_ENDPOINT + query),
                HttpHeaders.of(Map.of(), (n, v) -> true), new byte[0], Optional.of("203.0.113.7"));
    }

    private static CallbackRequest customerReturn(String query) {
        return Browser.returning(URI.create(Fixtures.POSTBACK + query));
    }

    /** The test's context, with an HTTP client that counts calls and fails them. */
    private ProviderContext countingCalls(TestProviderContext context) {
        ProviderHttp counting = new ProviderHttp() {
            @Override
            public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
                httpCalls.incrementAndGet();
                throw new AssertionError("no network call expected, but the provider called " + request.uri().getHost());
            }
        };
        return new ProviderContext() {
            @Override
            public String providerId() {
                return context.providerId();
            }

            @Override
            public ProviderConfig config() {
                return context.config();
            }

            @Override
            public Clock clock() {
                return context.clock();
            }

            @Override
            public ProviderLogger logger() {
                return context.logger();
            }

            @Override
            public ProviderHttp httpClient() {
                return counting;
            }
        };
    }
}
