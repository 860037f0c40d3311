package io.tijarat.plugin.jazzcash;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.plugin.jazzcash.stub.JazzCashStub;
import io.tijarat.plugin.jazzcash.stub.StubHash;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.kit.SampleRequests;
import io.tijarat.spi.payment.InquiryOutcome;
import io.tijarat.spi.payment.InquiryRequest;
import io.tijarat.spi.payment.PaymentProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Status inquiry: a read, so no usable answer is a transient failure, never a guess. */
class StatusInquiryTest {

    private static final Instant STARTED = Instant.parse("2025-03-03T05:00:00Z");

    private final Fixture fixture = Fixture.start();
    private final PaymentProvider provider = fixture.provider;
    private final JazzCashStub stub = fixture.stub;

    @AfterEach
    void stopStub() {
        fixture.close();
    }

    private static InquiryRequest inquiry(IdempotencyKey attemptId) {
        return SampleRequests.inquiry(attemptId, STARTED);
    }

    /** Answers inquiries with exactly these fields, signed with the merchant's salt. */
    private void inquiryAnswers(Map<String, String> fields) {
        stub.server().stubFor(post(urlPathEqualTo(JazzCashStub.INQUIRY_PATH)).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(com.github.tomakehurst.wiremock.common.Json.write(
                        StubHash.signed(stub.credentials().integritySalt(), fields)))));
    }

    private static Map<String, String> answer(IdempotencyKey attemptId, String... more) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("pp_ResponseCode", "000");
        fields.put("pp_TxnRefNo", attemptId.value());
        for (int i = 0; i < more.length; i += 2) {
            fields.put(more[i], more[i + 1]);
        }
        return fields;
    }

    @Test
    void givenAPaidWalletPayment_whenInquired_thenPaidWithTheRetrievalReferenceAndAmount() {
        IdempotencyKey attemptId = SampleRequests.newKey();
        provider.start(Fixture.wallet(attemptId));

        InquiryOutcome outcome = provider.inquire(inquiry(attemptId));

        InquiryOutcome.Paid paid = assertInstanceOf(InquiryOutcome.Paid.class, outcome);
        assertEquals(stub.transaction(attemptId.value()).orElseThrow().rrn(), paid.gatewayReference());
        assertEquals(Fixture.pkr(150_000), paid.amount());
    }

    @Test
    void givenAnInquiry_whenSent_thenOnlyTheDocumentedFieldsSigned() {
        IdempotencyKey attemptId = SampleRequests.newKey();
        provider.start(Fixture.wallet(attemptId));

        provider.inquire(inquiry(attemptId));

        Map<String, String> sent = stub.requestsTo(JazzCashStub.INQUIRY_PATH).get(0);
        assertEquals(java.util.Set.of("pp_TxnRefNo", "pp_MerchantID", "pp_Password", "pp_SecureHash"), sent.keySet());
        assertTrue(StubHash.verifies(stub.credentials().integritySalt(), sent));
    }

    @Test
    void givenADeclinedWalletPayment_whenInquired_thenFailedWithThePaymentsCode() {
        stub.outcome(JazzCashStub.Outcome.DECLINE).declineCode("002");
        IdempotencyKey attemptId = SampleRequests.newKey();
        provider.start(Fixture.wallet(attemptId));

        InquiryOutcome outcome = provider.inquire(inquiry(attemptId));

        assertEquals("002", assertInstanceOf(InquiryOutcome.Failed.class, outcome).code());
    }

    @Test
    void givenAPaymentStillWaitingAt157_whenInquired_thenPendingNeverFailed() {
        stub.outcome(JazzCashStub.Outcome.PENDING);
        IdempotencyKey attemptId = SampleRequests.newKey();
        provider.start(Fixture.wallet(attemptId));

        InquiryOutcome outcome = provider.inquire(inquiry(attemptId));

        assertInstanceOf(InquiryOutcome.Pending.class, outcome);
        assertEquals("157", stub.transaction(attemptId.value()).orElseThrow().code());
    }

    @ParameterizedTest
    @CsvSource({
        "Completed, Paid",
        "completed, Paid",
        "Pending, Pending",
        "Failed, Failed",
        "Dropped, Failed",
        "Validation Failed, Failed",
        "Reversed, Unknown"
    })
    void givenEachDocumentedStatusWithoutAPaymentCode_whenInquired_thenTheMatchingOutcome(String status,
                                                                                          String expected) {
        IdempotencyKey attemptId = SampleRequests.newKey();
        inquiryAnswers(answer(attemptId, "pp_Status", status, "pp_RetrievalReferenceNo", "250303000777",
                "pp_Amount", "150000"));

        assertEquals(expected, provider.inquire(inquiry(attemptId)).getClass().getSimpleName());
    }

    @ParameterizedTest
    @CsvSource({
        "Completed, 157",
        "Pending, 000",
        "Failed, 999",
        "Completed, 122"
    })
    void givenAPaymentCodeAndAStatusThatDisagree_whenInquired_thenUnknownNeitherIsBelieved(String status,
                                                                                         String paymentCode) {
        IdempotencyKey attemptId = SampleRequests.newKey();
        inquiryAnswers(answer(attemptId, "pp_Status", status, "pp_PaymentResponseCode", paymentCode,
                "pp_RetrievalReferenceNo", "250303000777", "pp_Amount", "150000"));

        InquiryOutcome.Unknown unknown = assertInstanceOf(InquiryOutcome.Unknown.class,
                provider.inquire(inquiry(attemptId)));

        assertTrue(unknown.detail().contains("disagree"), unknown.detail());
    }

    @Test
    void givenACompletedAnswerWithoutAnAmount_whenInquired_thenPaidWithTheAttemptsAmount() {
        IdempotencyKey attemptId = SampleRequests.newKey();
        inquiryAnswers(answer(attemptId, "pp_Status", "Completed", "pp_RetrievalReferenceNo", "250303000777"));

        assertEquals(Fixture.pkr(150_000), assertInstanceOf(InquiryOutcome.Paid.class,
                provider.inquire(inquiry(attemptId))).amount());
    }

    @Test
    void givenACompletedAnswerSpellingTheReferenceRetreival_whenInquired_thenPaidAllTheSame() {
        IdempotencyKey attemptId = SampleRequests.newKey();
        inquiryAnswers(answer(attemptId, "pp_Status", "Completed", "pp_RetreivalReferenceNo", "250303000778",
                "pp_Amount", "150000"));

        assertEquals("250303000778", assertInstanceOf(InquiryOutcome.Paid.class,
                provider.inquire(inquiry(attemptId))).gatewayReference());
    }

    @ParameterizedTest
    @CsvSource({
        "124, Pending",
        "157, Pending",
        "121, Paid",
        "122, Failed",
        "109, NotFound",
        "119, Unknown"
    })
    void givenNoStatusButAPaymentCode_whenInquired_thenThePaymentCodeDecides(String paymentCode, String expected) {
        IdempotencyKey attemptId = SampleRequests.newKey();
        inquiryAnswers(answer(attemptId, "pp_PaymentResponseCode", paymentCode, "pp_RetrievalReferenceNo", "1",
                "pp_Amount", "150000"));

        assertEquals(expected, provider.inquire(inquiry(attemptId)).getClass().getSimpleName());
    }

    @Test
    void givenAReferenceJazzCashDoesNotKnow_whenItAnswers109_thenNotFound() {
        InquiryOutcome outcome = provider.inquire(inquiry(SampleRequests.newKey()));

        assertInstanceOf(InquiryOutcome.NotFound.class, outcome);
    }

    @Test
    void givenAnUnsigned109_whenInquired_thenTransientBecauseAForgedNotFoundCouldHideAPayment() {
        IdempotencyKey attemptId = SampleRequests.newKey();
        stub.server().stubFor(post(urlPathEqualTo(JazzCashStub.INQUIRY_PATH)).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"pp_ResponseCode\":\"109\",\"pp_ResponseMessage\":\"Transaction does not exist\","
                        + "\"pp_TxnRefNo\":\"" + attemptId.value() + "\",\"pp_SecureHash\":\"\"}")));

        assertThrows(TransientProviderException.class, () -> provider.inquire(inquiry(attemptId)));
    }

    @Test
    void givenAnAnswerAboutAnotherTransaction_whenInquired_thenTransientNotAnotherOrdersStatus() {
        inquiryAnswers(answer(IdempotencyKey.of("SOMEONEELSES1"), "pp_Status", "Completed",
                "pp_RetrievalReferenceNo", "1", "pp_Amount", "150000"));

        assertThrows(TransientProviderException.class, () -> provider.inquire(inquiry(SampleRequests.newKey())));
    }

    @Test
    void givenAnAnswerSignedWithAnotherSalt_whenInquired_thenTransientNeverPaid() {
        IdempotencyKey attemptId = SampleRequests.newKey();
        provider.start(Fixture.wallet(attemptId));
        stub.signAnswersWith("FORGED");

        TransientProviderException failure = assertThrows(TransientProviderException.class,
                () -> provider.inquire(inquiry(attemptId)));

        assertTrue(failure.getMessage().contains("does not verify"), failure.getMessage());
    }

    @Test
    void givenAnUnsignedCompletedAnswer_whenInquired_thenTransientNeverPaid() {
        IdempotencyKey attemptId = SampleRequests.newKey();
        stub.server().stubFor(post(urlPathEqualTo(JazzCashStub.INQUIRY_PATH)).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"pp_ResponseCode\":\"000\",\"pp_Status\":\"Completed\",\"pp_TxnRefNo\":\""
                        + attemptId.value() + "\",\"pp_RetrievalReferenceNo\":\"1\",\"pp_SecureHash\":\"\"}")));

        assertThrows(TransientProviderException.class, () -> provider.inquire(inquiry(attemptId)));
    }

    @Test
    void givenTheFirewallsHtmlPage_whenInquired_thenTransient() {
        stub.outcome(JazzCashStub.Outcome.HTML_FIREWALL);

        assertThrows(TransientProviderException.class, () -> provider.inquire(inquiry(SampleRequests.newKey())));
    }

    @Test
    void givenASlowJazzCash_whenInquired_thenTransient() {
        stub.delayAnswers(Duration.ofMillis(1_500));
        PaymentProvider hurried = fixture.provider(builder -> builder.responseTimeout(Duration.ofMillis(300)));

        assertThrows(TransientProviderException.class, () -> hurried.inquire(inquiry(SampleRequests.newKey())));
    }

    @Test
    void givenJazzCashAnswers503WithRetryAfter_whenInquired_thenTransientCarryingTheWait() {
        stub.server().stubFor(post(urlPathEqualTo(JazzCashStub.INQUIRY_PATH)).atPriority(1).willReturn(aResponse()
                .withStatus(503).withHeader("Retry-After", "30")));

        TransientProviderException failure = assertThrows(TransientProviderException.class,
                () -> provider.inquire(inquiry(SampleRequests.newKey())));

        assertEquals(Optional.of(Duration.ofSeconds(30)), failure.retryAfter());
    }
}
