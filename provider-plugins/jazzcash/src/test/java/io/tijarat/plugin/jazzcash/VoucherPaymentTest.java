package io.tijarat.plugin.jazzcash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.plugin.jazzcash.stub.JazzCashStub;
import io.tijarat.plugin.jazzcash.stub.StubHash;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.kit.SampleRequests;
import io.tijarat.spi.payment.CustomerAction;
import io.tijarat.spi.payment.InquiryOutcome;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentProvider;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Over-the-counter vouchers: issued at once, pending until the customer pays at a shop. */
class VoucherPaymentTest {

    private static final Instant STARTED = Instant.parse("2025-03-03T05:00:00Z");

    private final Fixture fixture = Fixture.start();
    private final PaymentProvider provider = fixture.provider;
    private final JazzCashStub stub = fixture.stub;

    @AfterEach
    void stopStub() {
        fixture.close();
    }

    @Test
    void givenAVoucherPayment_whenStarted_thenPendingPayVoucherWithJazzCashsNumberAndTheConfiguredExpiry() {
        IdempotencyKey attemptId = SampleRequests.newKey();

        PaymentOutcome outcome = provider.start(Fixture.voucher(attemptId));

        PaymentOutcome.Pending pending = assertInstanceOf(PaymentOutcome.Pending.class, outcome);
        CustomerAction.PayVoucher voucher = assertInstanceOf(CustomerAction.PayVoucher.class, pending.next());
        String number = stub.transaction(attemptId.value()).orElseThrow().rrn();
        assertEquals(number, voucher.voucherCode());
        assertEquals(Optional.of(number), pending.gatewayReference());
        assertEquals(STARTED.plusSeconds(72 * 3600), voucher.expiresAt(), "72 hours by default");
        assertEquals("Pay Rs 1,500 at any JazzCash shop or agent, quoting voucher number " + number
                + ", before 06-03-2025 10:00 (Pakistan time).", voucher.instructions());
    }

    @Test
    void givenAVoucherPayment_whenSent_thenItIsAnOtcRequestVersion11WithTheExpiryAndTheCustomersMobile() {
        IdempotencyKey attemptId = SampleRequests.newKey();

        provider.start(Fixture.voucher(attemptId));

        Map<String, String> sent = stub.requestsTo(JazzCashStub.VOUCHER_PATH).get(0);
        assertEquals("OTC", sent.get("pp_TxnType"));
        assertEquals("1.1", sent.get("pp_Version"));
        assertEquals(attemptId.value(), sent.get("pp_TxnRefNo"));
        assertEquals("150000", sent.get("pp_Amount"));
        assertEquals("20250306100000", sent.get("pp_TxnExpiryDateTime"));
        assertEquals("03001234567", sent.get("ppmpf_1"));
        assertTrue(StubHash.verifies(stub.credentials().integritySalt(), sent));
    }

    @Test
    void givenAnOperatorValidityOf24Hours_whenAVoucherIsIssued_thenItExpiresADayLater() {
        PaymentProvider daily = fixture.provider(builder -> builder.property("voucher-validity-hours", "24"));

        PaymentOutcome outcome = daily.start(Fixture.voucher(SampleRequests.newKey()));

        CustomerAction.PayVoucher voucher = assertInstanceOf(CustomerAction.PayVoucher.class,
                assertInstanceOf(PaymentOutcome.Pending.class, outcome).next());
        assertEquals(STARTED.plusSeconds(24 * 3600), voucher.expiresAt());
    }

    @Test
    void givenAnUrduSpeakingCustomer_whenAVoucherIsIssued_thenTheInstructionsAreInUrdu() {
        PaymentOutcome outcome = provider.start(Fixture.order(SampleRequests.newKey())
                .method(io.tijarat.spi.payment.PaymentMethod.VOUCHER).locale(Fixture.URDU).build());

        CustomerAction.PayVoucher voucher = assertInstanceOf(CustomerAction.PayVoucher.class,
                assertInstanceOf(PaymentOutcome.Pending.class, outcome).next());
        assertTrue(voucher.instructions().startsWith("کسی بھی جاز کیش دکان یا ایجنٹ پر واؤچر نمبر"),
                voucher.instructions());
        assertTrue(voucher.instructions().contains("1,500 روپے"), voucher.instructions());
    }

    @Test
    void givenAnIssuedVoucher_whenInquiredBeforeAndAfterTheCustomerPays_thenPendingThenPaid() {
        IdempotencyKey attemptId = SampleRequests.newKey();
        provider.start(Fixture.voucher(attemptId));

        InquiryOutcome before = provider.inquire(SampleRequests.inquiry(attemptId, STARTED));
        stub.payVoucher(attemptId.value());
        InquiryOutcome after = provider.inquire(SampleRequests.inquiry(attemptId, STARTED));

        assertInstanceOf(InquiryOutcome.Pending.class, before);
        assertEquals(Fixture.pkr(150_000), assertInstanceOf(InquiryOutcome.Paid.class, after).amount());
    }

    @Test
    void givenAnIssuedVoucherThatLapses_whenInquired_thenFailed() {
        IdempotencyKey attemptId = SampleRequests.newKey();
        provider.start(Fixture.voucher(attemptId));
        stub.drop(attemptId.value());

        InquiryOutcome outcome = provider.inquire(SampleRequests.inquiry(attemptId, STARTED));

        assertInstanceOf(InquiryOutcome.Failed.class, outcome);
    }

    @Test
    void givenJazzCashRefusesTheVoucher_whenStarted_thenDeclined() {
        stub.outcome(JazzCashStub.Outcome.DECLINE).declineCode("066");

        PaymentOutcome outcome = provider.start(Fixture.voucher(SampleRequests.newKey()));

        assertEquals("066", assertInstanceOf(PaymentOutcome.Declined.class, outcome).code());
    }

    @Test
    void givenJazzCashAnswers000ToAVoucherRequest_whenStarted_thenPendingBecauseAVoucherIsNotPaidWhenIssued() {
        stub.answerPaymentsWith("000");

        PaymentOutcome outcome = provider.start(Fixture.voucher(SampleRequests.newKey()));

        PaymentOutcome.Pending pending = assertInstanceOf(PaymentOutcome.Pending.class, outcome);
        assertInstanceOf(CustomerAction.PayVoucher.class, pending.next());
    }
}
