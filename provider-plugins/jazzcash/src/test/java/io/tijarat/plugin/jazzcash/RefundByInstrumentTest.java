package io.tijarat.plugin.jazzcash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.plugin.jazzcash.stub.JazzCashStub;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.kit.SampleRequests;
import io.tijarat.spi.payment.PaymentMethod;
import io.tijarat.spi.payment.PaymentProvider;
import io.tijarat.spi.payment.RefundOutcome;
import io.tijarat.spi.payment.RefundRequest;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Refunds go to the JazzCash refund API of the instrument that paid: cards through the card refund API, wallets
 * through the wallet refund API; a voucher (no refund API) or an instrument the shop does not know is declared
 * NotSupported without a call. An open refund of a whole payment is settled by JazzCash's code 131.
 */
class RefundByInstrumentTest {

    private final Fixture fixture = Fixture.start();
    private final PaymentProvider provider = fixture.provider;
    private final JazzCashStub stub = fixture.stub;

    @AfterEach
    void stopStub() {
        fixture.close();
    }

    /** A card payment: the browser posts the hosted form to JazzCash's page (type MPAY), the customer pays. */
    private IdempotencyKey paidByCard() {
        IdempotencyKey attempt = SampleRequests.newKey();
        var redirect = (io.tijarat.spi.payment.CustomerAction.Redirect)
                ((io.tijarat.spi.payment.PaymentOutcome.Pending) provider.start(Fixture.hosted(attempt, PaymentMethod.CARD)))
                        .next();
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(redirect.target())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(JazzCashStub.formBody(redirect.fields()))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
        stub.report(attempt.value(), "000"); // the customer paid by card on JazzCash's page
        assertEquals("MPAY", stub.transaction(attempt.value()).orElseThrow().type());
        return attempt;
    }

    private IdempotencyKey paidByWallet() {
        IdempotencyKey attempt = SampleRequests.newKey();
        provider.start(Fixture.wallet(attempt));
        return attempt;
    }

    private static RefundRequest refund(IdempotencyKey attempt, long paisa, PaymentMethod method) {
        return new RefundRequest(SampleRequests.newKey(), attempt, Optional.empty(), Money.pkr(paisa),
                SampleRequests.AMOUNT, "customer returned the order", Optional.of(method));
    }

    @Test
    void givenACardPayment_whenRefunded_thenThroughTheCardRefundApiWithoutTheMpin() {
        IdempotencyKey attempt = paidByCard();

        RefundOutcome outcome = provider.refund(refund(attempt, 50_000, PaymentMethod.CARD));

        assertInstanceOf(RefundOutcome.Refunded.class, outcome);
        assertEquals(50_000, stub.transaction(attempt.value()).orElseThrow().refunded());
        Map<String, String> sent = stub.requestsTo(JazzCashStub.CARD_REFUND_PATH).get(0);
        assertEquals(attempt.value(), sent.get("pp_TxnRefNo"));
        assertEquals("50000", sent.get("pp_Amount"));
        assertFalse(sent.containsKey("pp_MerchantMPIN"), "the card refund carries no wallet MPIN");
        assertTrue(sent.containsKey("pp_SecureHash"));
        assertTrue(stub.requestsTo(JazzCashStub.REFUND_PATH).isEmpty(), "the wallet refund API is not called");
    }

    @Test
    void givenAWalletPayment_whenRefunded_thenThroughTheWalletRefundApiWithTheMpin() {
        IdempotencyKey attempt = paidByWallet();

        RefundOutcome outcome = provider.refund(refund(attempt, 150_000, PaymentMethod.WALLET));

        assertInstanceOf(RefundOutcome.Refunded.class, outcome);
        assertEquals(stub.credentials().merchantMpin(), stub.requestsTo(JazzCashStub.REFUND_PATH).get(0).get("pp_MerchantMPIN"));
        assertTrue(stub.requestsTo(JazzCashStub.CARD_REFUND_PATH).isEmpty());
    }

    @Test
    void givenACardPaymentSentToTheWalletApi_thenJazzCashRefusesIt_soTheInstrumentMatters() {
        IdempotencyKey attempt = paidByCard();

        RefundOutcome outcome = provider.refund(refund(attempt, 50_000, PaymentMethod.WALLET));

        assertEquals("132", assertInstanceOf(RefundOutcome.Declined.class, outcome).code());
        assertEquals(0, stub.transaction(attempt.value()).orElseThrow().refunded());
    }

    @Test
    void givenAVoucherOrAnUnknownInstrument_whenRefunded_thenNotSupportedAndNothingIsSent() {
        IdempotencyKey attempt = SampleRequests.newKey();

        RefundOutcome voucher = provider.refund(refund(attempt, 50_000, PaymentMethod.VOUCHER));
        RefundOutcome any = provider.refund(refund(attempt, 50_000, PaymentMethod.ANY));

        assertTrue(assertInstanceOf(RefundOutcome.NotSupported.class, voucher).reason().contains("voucher"));
        assertInstanceOf(RefundOutcome.NotSupported.class, any);
        assertTrue(stub.requestsTo(JazzCashStub.REFUND_PATH).isEmpty());
        assertTrue(stub.requestsTo(JazzCashStub.CARD_REFUND_PATH).isEmpty());
    }

    @Test
    void givenAPendingRefundOfTheWholePayment_whenAskedAbout_thenPendingUntilJazzCashReports131() {
        IdempotencyKey attempt = paidByWallet();
        stub.answerRefundWith(attempt.value(), "157"); // JazzCash takes the refund, to complete later
        RefundRequest request = refund(attempt, SampleRequests.AMOUNT.minorUnits(), PaymentMethod.WALLET);
        assertInstanceOf(RefundOutcome.Pending.class, provider.refund(request));

        RefundOutcome before = provider.refundStatus(request);
        stub.report(attempt.value(), "131"); // "Transaction is Refunded"
        RefundOutcome after = provider.refundStatus(request);

        assertInstanceOf(RefundOutcome.Pending.class, before);
        assertInstanceOf(RefundOutcome.Refunded.class, after);
    }

    @Test
    void givenAPartialRefund_whenAskedAbout_thenNotSupported_becauseJazzCashCannotTellItApart() {
        IdempotencyKey attempt = paidByWallet();

        RefundOutcome outcome = provider.refundStatus(refund(attempt, 1_000, PaymentMethod.WALLET));

        assertInstanceOf(RefundOutcome.NotSupported.class, outcome);
        assertTrue(stub.requestsTo(JazzCashStub.INQUIRY_PATH).isEmpty());
    }
}
