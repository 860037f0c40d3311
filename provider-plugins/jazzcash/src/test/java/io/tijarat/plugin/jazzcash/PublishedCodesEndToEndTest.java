package io.tijarat.plugin.jazzcash;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.plugin.jazzcash.stub.JazzCashStub;
import io.tijarat.plugin.jazzcash.stub.StubHash;
import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.kit.SampleRequests;
import io.tijarat.spi.payment.CallbackOutcome;
import io.tijarat.spi.payment.CustomerAction;
import io.tijarat.spi.payment.InquiryOutcome;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentProvider;
import io.tijarat.spi.payment.RefundOutcome;
import io.tijarat.spi.payment.RefundRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a customer and a shop live through with JazzCash's published codes, end to end over HTTP against the
 * stub: a payment that is pending (157) and approved later, one that lapses, a decline, a gateway failure
 * after the charge, and the same answers in the newer unprefixed shape.
 */
class PublishedCodesEndToEndTest {

    private static final Instant STARTED = Instant.parse("2025-03-03T05:00:00Z");

    private final Fixture fixture = Fixture.start();
    private final PaymentProvider provider = fixture.provider;
    private final JazzCashStub stub = fixture.stub;

    @AfterEach
    void stopStub() {
        fixture.close();
    }

    private InquiryOutcome inquire(IdempotencyKey attemptId) {
        return provider.inquire(SampleRequests.inquiry(attemptId, STARTED));
    }

    @Test
    void givenJazzCashAnswers157_whenTheCustomerApprovesLater_thenPendingFirstAndPaidOnceTheyHave() {
        IdempotencyKey attemptId = SampleRequests.newKey();
        stub.answerStartWith(attemptId.value(), "157");

        PaymentOutcome started = provider.start(Fixture.wallet(attemptId));

        PaymentOutcome.Pending pending = assertInstanceOf(PaymentOutcome.Pending.class, started,
                "157 is 'transaction is pending': a decline here would charge a customer whose order says declined");
        assertInstanceOf(CustomerAction.ApproveOnPhone.class, pending.next());
        assertInstanceOf(InquiryOutcome.Pending.class, inquire(attemptId));

        stub.report(attemptId.value(), "000"); // the customer enters the MPIN

        InquiryOutcome.Paid paid = assertInstanceOf(InquiryOutcome.Paid.class, inquire(attemptId));
        assertEquals(Money.pkr(150_000), paid.amount());
        CallbackOutcome.Verified ipn = (CallbackOutcome.Verified) provider.verifyCallback(Fixture.callback(
                CallbackRequest.Source.NOTIFICATION, stub.callbackBody(attemptId.value())));
        assertInstanceOf(InquiryOutcome.Paid.class, ipn.status());
    }

    @Test
    void givenJazzCashAnswers157_whenTheCustomerNeverApproves_thenPendingUntilJazzCashDropsItThenFailed() {
        IdempotencyKey attemptId = SampleRequests.newKey();
        stub.answerStartWith(attemptId.value(), "157");
        provider.start(Fixture.wallet(attemptId));

        stub.drop(attemptId.value());

        assertEquals("129", assertInstanceOf(InquiryOutcome.Failed.class, inquire(attemptId)).code());
    }

    @Test
    void givenLowBalance_whenAWalletPaymentStarts_thenDeclinedAndTheInquiryAgrees() {
        IdempotencyKey attemptId = SampleRequests.newKey();
        stub.answerStartWith(attemptId.value(), "004");

        assertEquals("004", assertInstanceOf(PaymentOutcome.Declined.class,
                provider.start(Fixture.wallet(attemptId))).code());
        assertEquals("004", assertInstanceOf(InquiryOutcome.Failed.class, inquire(attemptId)).code());
    }

    @Test
    void givenA999AfterTheWalletWasCharged_whenStarted_thenUnknownAndTheInquiryFindsItPaid() {
        stub.outcome(JazzCashStub.Outcome.GATEWAY_ERROR);
        IdempotencyKey attemptId = SampleRequests.newKey();

        assertInstanceOf(PaymentOutcome.Unknown.class, provider.start(Fixture.wallet(attemptId)));

        assertInstanceOf(InquiryOutcome.Paid.class, inquire(attemptId));
    }

    @Test
    void givenAnAttemptJazzCashNeverRecorded_whenInquired_thenNotFound() {
        assertInstanceOf(InquiryOutcome.NotFound.class, inquire(SampleRequests.newKey()));
    }

    // -------------------------------------------------------------------------------- unprefixed shape

    @Test
    void givenUnprefixedAnswers_whenAPaymentIsApprovedInquiredAndRefunded_thenEachIsReadAndVerifiedAsUsual() {
        stub.answerUnprefixed(true);
        IdempotencyKey attemptId = SampleRequests.newKey();

        PaymentOutcome.Approved approved = assertInstanceOf(PaymentOutcome.Approved.class,
                provider.start(Fixture.wallet(attemptId)));
        InquiryOutcome.Paid paid = assertInstanceOf(InquiryOutcome.Paid.class, inquire(attemptId));
        RefundOutcome refund = provider.refund(new RefundRequest(SampleRequests.newKey(), attemptId, Optional.empty(),
                Money.pkr(150_000), SampleRequests.AMOUNT, "returned"));

        assertEquals(stub.transaction(attemptId.value()).orElseThrow().rrn(), approved.gatewayReference());
        assertEquals(approved.gatewayReference(), paid.gatewayReference());
        assertInstanceOf(RefundOutcome.Refunded.class, refund);
    }

    @Test
    void givenUnprefixedAnswers_whenJazzCashSays157_thenPendingNotUnknown() {
        stub.answerUnprefixed(true).answerPaymentsWith("157");

        assertInstanceOf(PaymentOutcome.Pending.class, provider.start(Fixture.wallet(SampleRequests.newKey())));
    }

    @Test
    void givenAWrongIntegritySaltAndUnprefixedAnswers_whenJazzCashAnswers115_thenPermanentNamingTheSaltKey() {
        stub.answerUnprefixed(true);
        PaymentProvider misconfigured = fixture.provider(builder -> builder.property("integrity-salt", "WRONGSALT1"));

        PermanentProviderException failure = assertThrows(PermanentProviderException.class,
                () -> misconfigured.start(Fixture.wallet(SampleRequests.newKey())));

        assertTrue(failure.getMessage().contains("115") && failure.getMessage()
                .contains("tijarat.provider.jazzcash.integrity-salt"), failure.getMessage());
        assertFalse(failure.getMessage().contains("WRONGSALT1"));
    }

    @Test
    void givenAnUnprefixedAnswerSignedWithAnotherSalt_whenItSaysApproved_thenUnknownNeverApproved() {
        stub.answerUnprefixed(true).signAnswersWith("SOMEONEELSE");

        PaymentOutcome outcome = provider.start(Fixture.wallet(SampleRequests.newKey()));

        assertTrue(assertInstanceOf(PaymentOutcome.Unknown.class, outcome).detail().contains("does not verify"));
    }

    @Test
    void givenAnUnprefixedAnswerWhoseCodeWasChanged_whenItSaysApproved_thenUnknownNeverApproved() {
        IdempotencyKey attemptId = SampleRequests.newKey();
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("responseCode", "004");
        answer.put("responseMessage", "Low balance");
        answer.put("txnRefNo", attemptId.value());
        Map<String, String> signed = new LinkedHashMap<>(StubHash.signedUnprefixed(stub.credentials().integritySalt(),
                answer));
        signed.put("responseCode", "000"); // the decline rewritten as a success, the hash left as it was
        stub.server().stubFor(post(urlPathEqualTo(JazzCashStub.WALLET_PATH)).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(com.github.tomakehurst.wiremock.common.Json.write(signed))));

        assertInstanceOf(PaymentOutcome.Unknown.class, provider.start(Fixture.wallet(attemptId)));
    }

    @Test
    void givenAnAnswerMixingBothShapes_whenItSaysApproved_thenUnknownBecauseTheHashAndTheCodeCouldDiffer() {
        IdempotencyKey attemptId = SampleRequests.newKey();
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("pp_ResponseCode", "004");
        answer.put("pp_TxnRefNo", attemptId.value());
        Map<String, String> signed = new LinkedHashMap<>(StubHash.signed(stub.credentials().integritySalt(), answer));
        signed.put("responseCode", "000");
        stub.server().stubFor(post(urlPathEqualTo(JazzCashStub.WALLET_PATH)).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(com.github.tomakehurst.wiremock.common.Json.write(signed))));

        String detail = assertInstanceOf(PaymentOutcome.Unknown.class, provider.start(Fixture.wallet(attemptId)))
                .detail();

        assertTrue(detail.contains("both pp_ResponseCode and responseCode"), detail);
    }
}
