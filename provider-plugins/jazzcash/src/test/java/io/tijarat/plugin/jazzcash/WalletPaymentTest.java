package io.tijarat.plugin.jazzcash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.plugin.jazzcash.stub.JazzCashStub;
import io.tijarat.plugin.jazzcash.stub.StubHash;
import io.tijarat.plugin.jazzcash.stub.StubTransaction;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.PhoneNumber;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.kit.SampleRequests;
import io.tijarat.spi.payment.CustomerAction;
import io.tijarat.spi.payment.InquiryOutcome;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentProvider;
import io.tijarat.spi.payment.PaymentRequest;
import io.tijarat.spi.payment.WalletAccount;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A wallet payment, server to server, against the JazzCash stub. */
class WalletPaymentTest {

    private final Fixture fixture = Fixture.start();
    private final PaymentProvider provider = fixture.provider;
    private final JazzCashStub stub = fixture.stub;

    @AfterEach
    void stopStub() {
        fixture.close();
    }

    private Map<String, String> onlyWalletRequest() {
        assertEquals(1, stub.requestsTo(JazzCashStub.WALLET_PATH).size());
        return stub.requestsTo(JazzCashStub.WALLET_PATH).get(0);
    }

    @Test
    void givenTheCustomerApproves_whenAWalletPaymentStarts_thenApprovedWithJazzCashsReferenceAndThePaidAmount() {
        IdempotencyKey attemptId = SampleRequests.newKey();

        PaymentOutcome outcome = provider.start(Fixture.wallet(attemptId));

        PaymentOutcome.Approved approved = assertInstanceOf(PaymentOutcome.Approved.class, outcome);
        StubTransaction txn = stub.transaction(attemptId.value()).orElseThrow();
        assertEquals(txn.rrn(), approved.gatewayReference());
        assertEquals(Fixture.pkr(150_000), approved.amount());
        assertEquals(StubTransaction.COMPLETED, txn.status());
    }

    @Test
    void givenAWalletPayment_whenSent_thenTheRequestCarriesTheAttemptIdPaisaKarachiTimeWalletAndCnicDigits() {
        IdempotencyKey attemptId = SampleRequests.newKey();

        provider.start(Fixture.wallet(attemptId));

        Map<String, String> sent = onlyWalletRequest();
        assertEquals(attemptId.value(), sent.get("pp_TxnRefNo"));
        assertEquals("150000", sent.get("pp_Amount"), "PKR 1,500.00 in paisa");
        assertEquals("PKR", sent.get("pp_TxnCurrency"));
        assertEquals("20250303100000", sent.get("pp_TxnDateTime"), "the kit's clock, 05:00 UTC, is 10:00 in Karachi");
        assertEquals("20250303110000", sent.get("pp_TxnExpiryDateTime"), "one hour, as attemptExpiresAfter says");
        assertEquals("03001234567", sent.get("pp_MobileNumber"));
        assertEquals(Fixture.CNIC_LAST_SIX, sent.get("pp_CNIC"));
        assertEquals("1042", sent.get("pp_BillReference"));
        assertEquals("MC10042", sent.get("pp_MerchantID"));
        assertTrue(StubHash.verifies(stub.credentials().integritySalt(), sent), "signed as documented");
    }

    @Test
    void givenJazzCashWritesTheAmountAsANumber_whenApproved_thenTheHashStillVerifiesAndTheAmountIsRead() {
        stub.amountsAsNumbers(true);

        PaymentOutcome outcome = provider.start(Fixture.wallet(SampleRequests.newKey()));

        assertEquals(Fixture.pkr(150_000), assertInstanceOf(PaymentOutcome.Approved.class, outcome).amount());
    }

    @Test
    void givenLowBalance_whenAWalletPaymentStarts_thenDeclinedWithCode004AndAReadableReason() {
        stub.outcome(JazzCashStub.Outcome.DECLINE).declineCode("004");

        PaymentOutcome outcome = provider.start(Fixture.wallet(SampleRequests.newKey()));

        PaymentOutcome.Declined declined = assertInstanceOf(PaymentOutcome.Declined.class, outcome);
        assertEquals("004", declined.code());
        assertEquals("Your JazzCash account does not have enough balance for this payment.", declined.customerMessage());
    }

    @Test
    void givenAnUrduSpeakingCustomerWithTooLittleBalance_whenDeclined_thenTheReasonIsInUrdu() {
        stub.outcome(JazzCashStub.Outcome.DECLINE).declineCode("004");

        PaymentOutcome outcome = provider.start(Fixture.wallet(SampleRequests.newKey(), Fixture.URDU));

        assertEquals("آپ کے جاز کیش اکاؤنٹ میں اس ادائیگی کے لیے کافی رقم موجود نہیں ہے۔",
                assertInstanceOf(PaymentOutcome.Declined.class, outcome).customerMessage());
    }

    @Test
    void givenTheCustomerNeverEntersTheMpin_whenJazzCashAnswers134TimedOut_thenDeclinedAskingForANewAttempt() {
        stub.outcome(JazzCashStub.Outcome.MPIN_TIMEOUT).mpinWait(Duration.ofMillis(300));

        PaymentOutcome outcome = provider.start(Fixture.wallet(SampleRequests.newKey()));

        PaymentOutcome.Declined declined = assertInstanceOf(PaymentOutcome.Declined.class, outcome);
        assertEquals("134", declined.code());
        assertTrue(declined.customerMessage().startsWith("The payment was not approved in time."));
    }

    @Test
    void givenTheCustomerTakesLongerThanTheCallMayWait_whenAWalletPaymentStarts_thenUnknownAndInquiryLaterFindsItPaid() {
        stub.delayAnswers(Duration.ofMillis(1_500));
        PaymentProvider hurried = fixture.provider(builder -> builder.responseTimeout(Duration.ofMillis(400)));
        IdempotencyKey attemptId = SampleRequests.newKey();

        PaymentOutcome outcome = hurried.start(Fixture.wallet(attemptId));

        PaymentOutcome.Unknown unknown = assertInstanceOf(PaymentOutcome.Unknown.class, outcome);
        assertTrue(unknown.detail().contains("may still complete"), unknown.detail());
        assertEquals(Duration.ofMinutes(10), hurried.firstInquiryAfter(), "JazzCash needs about ten minutes");
        stub.delayAnswers(Duration.ZERO);
        InquiryOutcome later = hurried.inquire(SampleRequests.inquiry(attemptId, Instant.parse("2025-03-03T05:00:00Z")));
        assertInstanceOf(InquiryOutcome.Paid.class, later, "the customer did approve: inquiry settles it");
    }

    @Test
    void givenJazzCashStillWaitsForTheCustomer_whenItAnswers157_thenPendingApproveOnPhoneUntilTheExpiry() {
        stub.outcome(JazzCashStub.Outcome.PENDING);

        PaymentOutcome outcome = provider.start(Fixture.wallet(SampleRequests.newKey()));

        PaymentOutcome.Pending pending = assertInstanceOf(PaymentOutcome.Pending.class, outcome);
        CustomerAction.ApproveOnPhone action = assertInstanceOf(CustomerAction.ApproveOnPhone.class, pending.next());
        assertEquals(Optional.of(Instant.parse("2025-03-03T06:00:00Z")), action.approveBy());
        assertTrue(pending.gatewayReference().isPresent());
    }

    @Test
    void givenASystemError_whenAWalletPaymentStarts_thenUnknownSoItIsNeverSentTwiceAndInquirySettlesIt() {
        stub.outcome(JazzCashStub.Outcome.SYSTEM_ERROR);
        IdempotencyKey attemptId = SampleRequests.newKey();

        PaymentOutcome outcome = provider.start(Fixture.wallet(attemptId));

        assertTrue(assertInstanceOf(PaymentOutcome.Unknown.class, outcome).detail().contains("199"),
                "199 does not say nothing happened, and JazzCash has no code for a reused reference");
        stub.outcome(JazzCashStub.Outcome.SUCCESS);
        assertInstanceOf(InquiryOutcome.NotFound.class, provider.inquire(SampleRequests.inquiry(attemptId,
                Instant.parse("2025-03-03T05:00:00Z"))), "this time JazzCash recorded nothing, and inquiry says so");
    }

    @Test
    void givenMaintenance_whenAWalletPaymentStarts_thenTransientAndTheCoresRetryWithTheSameAttemptGoesThrough() {
        stub.answerPaymentsWith("118");
        IdempotencyKey attemptId = SampleRequests.newKey();

        TransientProviderException failure = assertThrows(TransientProviderException.class,
                () -> provider.start(Fixture.wallet(attemptId)));

        assertTrue(failure.getMessage().contains("118"), failure.getMessage());
        stub.answerPaymentsWith(null);
        assertInstanceOf(PaymentOutcome.Approved.class, provider.start(Fixture.wallet(attemptId)),
                "JazzCash did not process it, so the same attempt id goes through afterwards");
    }

    @Test
    void givenAGatewayErrorAfterTheCharge_whenAWalletPaymentStarts_thenUnknownNeverDeclined() {
        stub.outcome(JazzCashStub.Outcome.GATEWAY_ERROR);

        PaymentOutcome outcome = provider.start(Fixture.wallet(SampleRequests.newKey()));

        assertTrue(assertInstanceOf(PaymentOutcome.Unknown.class, outcome).detail().contains("999"));
    }

    @Test
    void givenTheFirewallsHtmlPageWithStatus200_whenAWalletPaymentStarts_thenUnknownDescribingNotPastingIt() {
        stub.outcome(JazzCashStub.Outcome.HTML_FIREWALL);

        PaymentOutcome outcome = provider.start(Fixture.wallet(SampleRequests.newKey()));

        String detail = assertInstanceOf(PaymentOutcome.Unknown.class, outcome).detail();
        assertTrue(detail.contains("not JazzCash's JSON (text/html"), detail);
        assertFalse(detail.contains("Request Rejected") || detail.contains("support ID"), detail);
    }

    @Test
    void givenAWrongIntegritySalt_whenJazzCashAnswers115_thenPermanentNamingTheSaltKeyWithoutItsValue() {
        PaymentProvider misconfigured = fixture.provider(builder -> builder.property("integrity-salt", "WRONGSALT1"));

        PermanentProviderException failure = assertThrows(PermanentProviderException.class,
                () -> misconfigured.start(Fixture.wallet(SampleRequests.newKey())));

        assertTrue(failure.getMessage().contains("115") && failure.getMessage()
                .contains("tijarat.provider.jazzcash.integrity-salt"), failure.getMessage());
        assertFalse(failure.getMessage().contains("WRONGSALT1"));
    }

    @Test
    void givenAWrongPassword_whenJazzCashAnswers101_thenPermanentNamingMerchantIdAndPassword() {
        PaymentProvider misconfigured = fixture.provider(builder -> builder.property("password", "not-the-password"));

        PermanentProviderException failure = assertThrows(PermanentProviderException.class,
                () -> misconfigured.start(Fixture.wallet(SampleRequests.newKey())));

        assertTrue(failure.getMessage().contains("101"), failure.getMessage());
        assertTrue(failure.getMessage().contains("tijarat.provider.jazzcash.password"), failure.getMessage());
    }

    @Test
    void givenAnAnswerSignedWithAnotherSalt_whenItSaysApproved_thenUnknownNeverApproved() {
        stub.signAnswersWith("SOMEONEELSE");

        PaymentOutcome outcome = provider.start(Fixture.wallet(SampleRequests.newKey()));

        String detail = assertInstanceOf(PaymentOutcome.Unknown.class, outcome).detail();
        assertTrue(detail.contains("does not verify"), detail);
        assertTrue(fixture.context.recordingLogger().contains("tijarat.provider.jazzcash.integrity-salt"),
                "the operator is told which key to check");
    }

    @Test
    void givenAWalletOutsidePakistan_whenAWalletPaymentStarts_thenDeclinedWithoutCallingJazzCash() {
        PaymentRequest request = Fixture.order(SampleRequests.newKey())
                .wallet(new WalletAccount(PhoneNumber.of("+447700900123"), Optional.of("345678"))).build();

        PaymentOutcome outcome = provider.start(request);

        assertEquals("JAZZCASH_WALLET_NUMBER", assertInstanceOf(PaymentOutcome.Declined.class, outcome).code());
        assertEquals(0, stub.requestsTo(JazzCashStub.WALLET_PATH).size());
    }

    @Test
    void givenNoCnicDigits_whenAWalletPaymentStarts_thenDeclinedAskingForThemWithoutCallingJazzCash() {
        PaymentRequest request = Fixture.order(SampleRequests.newKey())
                .wallet(new WalletAccount(SampleRequests.PHONE, Optional.empty())).locale(Fixture.URDU).build();

        PaymentOutcome outcome = provider.start(request);

        PaymentOutcome.Declined declined = assertInstanceOf(PaymentOutcome.Declined.class, outcome);
        assertEquals("JAZZCASH_CNIC_NEEDED", declined.code());
        assertTrue(declined.customerMessage().contains("آخری 6 ہندسے"), declined.customerMessage());
        assertEquals(0, stub.requestsTo(JazzCashStub.WALLET_PATH).size());
    }

    @Test
    void givenAWalletPayment_whenLogged_thenNoSecretPhoneOrCnicReachesTheLog() {
        stub.outcome(JazzCashStub.Outcome.DECLINE);
        provider.start(Fixture.wallet(SampleRequests.newKey()));

        assertFalse(fixture.logsShowASecret());
        assertFalse(fixture.context.recordingLogger().contains("03001234567"));
        assertFalse(fixture.context.recordingLogger().contains(SampleRequests.PHONE.value()));
        assertFalse(fixture.context.recordingLogger().contains(Fixture.CNIC_LAST_SIX));
    }
}
