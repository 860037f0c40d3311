package io.tijarat.plugin.jazzcash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.plugin.jazzcash.stub.JazzCashStub;
import io.tijarat.plugin.jazzcash.stub.StubHash;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.kit.SampleRequests;
import io.tijarat.spi.payment.RefundOutcome;
import io.tijarat.spi.payment.RefundRequest;
import io.tijarat.spi.payment.PaymentProvider;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Wallet refunds: full or partial, with the merchant MPIN, keyed by the original transaction. */
class WalletRefundTest {

    private final Fixture fixture = Fixture.start();
    private final PaymentProvider provider = fixture.provider;
    private final JazzCashStub stub = fixture.stub;
    private final IdempotencyKey paidAttempt = SampleRequests.newKey();

    WalletRefundTest() {
        provider.start(Fixture.wallet(paidAttempt));
    }

    @AfterEach
    void stopStub() {
        fixture.close();
    }

    private RefundRequest refund(long paisa) {
        return new RefundRequest(SampleRequests.newKey(), paidAttempt, Optional.empty(), Money.pkr(paisa),
                SampleRequests.AMOUNT, "customer returned the order");
    }

    @Test
    void givenAPaidWalletPayment_whenRefundedInFull_thenRefundedWithJazzCashsReference() {
        RefundOutcome outcome = provider.refund(refund(150_000));

        RefundOutcome.Refunded refunded = assertInstanceOf(RefundOutcome.Refunded.class, outcome);
        assertFalse(refunded.gatewayReference().isBlank());
        assertEquals(150_000, stub.transaction(paidAttempt.value()).orElseThrow().refunded());
    }

    @Test
    void givenARefund_whenSent_thenTheDocumentedFieldsWithTheOriginalReferenceAndTheMpinSigned() {
        provider.refund(refund(50_000));

        Map<String, String> sent = stub.requestsTo(JazzCashStub.REFUND_PATH).get(0);
        assertEquals(java.util.Set.of("pp_TxnRefNo", "pp_Amount", "pp_TxnCurrency", "pp_MerchantID", "pp_Password",
                "pp_MerchantMPIN", "pp_SecureHash"), sent.keySet());
        assertEquals(paidAttempt.value(), sent.get("pp_TxnRefNo"));
        assertEquals("50000", sent.get("pp_Amount"));
        assertEquals(stub.credentials().merchantMpin(), sent.get("pp_MerchantMPIN"));
        assertTrue(StubHash.verifies(stub.credentials().integritySalt(), sent));
    }

    @Test
    void givenAPaidWalletPayment_whenRefundedInTwoParts_thenBothAreRefundedAndAThirdIsDeclined() {
        assertInstanceOf(RefundOutcome.Refunded.class, provider.refund(refund(100_000)));
        assertInstanceOf(RefundOutcome.Refunded.class, provider.refund(refund(50_000)));

        RefundOutcome third = provider.refund(refund(1));

        assertEquals("110", assertInstanceOf(RefundOutcome.Declined.class, third).code());
        assertEquals(150_000, stub.transaction(paidAttempt.value()).orElseThrow().refunded());
    }

    @Test
    void givenNoMerchantMpinConfigured_whenRefunding_thenPermanentNamingTheKeyWithoutCallingJazzCash() {
        PaymentProvider withoutMpin = fixture.provider(builder -> builder.without("merchant-mpin"));

        PermanentProviderException failure = assertThrows(PermanentProviderException.class,
                () -> withoutMpin.refund(refund(150_000)));

        assertTrue(failure.getMessage().contains("tijarat.provider.jazzcash.merchant-mpin"), failure.getMessage());
        assertEquals(0, stub.requestsTo(JazzCashStub.REFUND_PATH).size());
    }

    @Test
    void givenAWrongMerchantMpin_whenJazzCashAnswers024BadPin_thenPermanentNamingTheKeyNotTheValue() {
        PaymentProvider wrongMpin = fixture.provider(builder -> builder.property("merchant-mpin", "9999"));

        PermanentProviderException failure = assertThrows(PermanentProviderException.class,
                () -> wrongMpin.refund(refund(150_000)));

        assertTrue(failure.getMessage().contains("tijarat.provider.jazzcash.merchant-mpin"), failure.getMessage());
        assertFalse(failure.getMessage().contains("9999"));
    }

    @Test
    void givenAnAttemptJazzCashNeverSaw_whenRefunding_thenDeclined109WithJazzCashsMessageForStaff() {
        RefundOutcome outcome = provider.refund(new RefundRequest(SampleRequests.newKey(), SampleRequests.newKey(),
                Optional.empty(), Money.pkr(100), SampleRequests.AMOUNT, "test"));

        RefundOutcome.Declined declined = assertInstanceOf(RefundOutcome.Declined.class, outcome);
        assertEquals("109", declined.code());
        assertEquals("Transaction does not exist", declined.message());
    }

    @Test
    void givenADeclinedPayment_whenRefunding_thenDeclined132CannotBeRefunded() {
        IdempotencyKey declined = SampleRequests.newKey();
        stub.answerStartWith(declined.value(), "004");
        provider.start(Fixture.wallet(declined));

        RefundOutcome outcome = provider.refund(new RefundRequest(SampleRequests.newKey(), declined, Optional.empty(),
                Money.pkr(100), SampleRequests.AMOUNT, "test"));

        assertEquals("132", assertInstanceOf(RefundOutcome.Declined.class, outcome).code());
    }

    @Test
    void givenMaintenance_whenRefunding_thenTransientAndNothingWasRefunded() {
        stub.answerRefundWith(paidAttempt.value(), "118");

        assertThrows(TransientProviderException.class, () -> provider.refund(refund(150_000)));
        assertEquals(0, stub.transaction(paidAttempt.value()).orElseThrow().refunded());
    }

    @Test
    void givenTheFirewallsHtmlPage_whenRefunding_thenUnknownAndStaffAreToldToCheckThePortal() {
        stub.outcome(JazzCashStub.Outcome.HTML_FIREWALL);

        RefundOutcome outcome = provider.refund(refund(150_000));

        assertTrue(assertInstanceOf(RefundOutcome.Unknown.class, outcome).detail().contains("check the JazzCash portal"));
    }

    @Test
    void givenASlowJazzCash_whenRefunding_thenUnknownBecauseTheRefundMayHaveBeenMade() {
        stub.delayAnswers(Duration.ofMillis(1_500));
        PaymentProvider hurried = fixture.provider(builder -> builder.responseTimeout(Duration.ofMillis(300)));

        assertInstanceOf(RefundOutcome.Unknown.class, hurried.refund(refund(150_000)));
    }

    @Test
    void givenARefusedConnection_whenRefunding_thenTransientBecauseNothingWasSent() {
        PaymentProvider unreachable = fixture.provider(builder -> builder.property("base-url",
                io.tijarat.spi.kit.GatewayStub.refusingUrl().toString()));

        assertThrows(TransientProviderException.class, () -> unreachable.refund(refund(150_000)));
    }

    @Test
    void givenARefundAnsweredSignedWithAnotherSalt_whenRefunding_thenUnknownNotRefunded() {
        stub.signAnswersWith("FORGED");

        assertInstanceOf(RefundOutcome.Unknown.class, provider.refund(refund(150_000)));
    }

    @Test
    void givenARefund_whenLogged_thenNeitherTheMpinNorOtherSecretsReachTheLog() {
        provider.refund(refund(150_000));

        assertFalse(fixture.logsShowASecret());
        assertFalse(fixture.context.recordingLogger().contains("pp_MerchantMPIN"));
    }
}
