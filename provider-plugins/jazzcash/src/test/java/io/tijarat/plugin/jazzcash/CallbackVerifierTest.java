package io.tijarat.plugin.jazzcash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.common.Json;
import io.tijarat.plugin.jazzcash.stub.JazzCashStub;
import io.tijarat.plugin.jazzcash.stub.StubHash;
import io.tijarat.spi.CallbackReply;
import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.kit.SampleRequests;
import io.tijarat.spi.payment.CallbackOutcome;
import io.tijarat.spi.payment.InquiryOutcome;
import io.tijarat.spi.payment.PaymentProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The customer's return and the IPN: believed only once their pp_SecureHash verifies. */
class CallbackVerifierTest {

    private static final CallbackRequest.Source RETURN = CallbackRequest.Source.CUSTOMER_RETURN;
    private static final CallbackRequest.Source IPN = CallbackRequest.Source.NOTIFICATION;

    private final Fixture fixture = Fixture.start();
    private final PaymentProvider provider = fixture.provider;
    private final JazzCashStub stub = fixture.stub;

    @AfterEach
    void stopStub() {
        fixture.close();
    }

    private IdempotencyKey paidWallet() {
        IdempotencyKey attemptId = SampleRequests.newKey();
        provider.start(Fixture.wallet(attemptId));
        return attemptId;
    }

    private CallbackOutcome verify(CallbackRequest.Source source, Map<String, String> fields) {
        return provider.verifyCallback(Fixture.callback(source, JazzCashStub.formBody(fields)));
    }

    private Map<String, String> resigned(Map<String, String> fields) {
        return StubHash.signed(stub.credentials().integritySalt(), fields);
    }

    private static String rejection(CallbackOutcome outcome) {
        return assertInstanceOf(CallbackOutcome.Rejected.class, outcome).reason();
    }

    @Test
    void givenASignedSuccessfulReturn_whenVerified_thenPaidForTheAttemptWithReferenceAndAmount() {
        IdempotencyKey attemptId = paidWallet();

        CallbackOutcome outcome = verify(RETURN, stub.callbackFields(attemptId.value()));

        CallbackOutcome.Verified verified = assertInstanceOf(CallbackOutcome.Verified.class, outcome);
        assertEquals(attemptId, verified.attemptId());
        InquiryOutcome.Paid paid = assertInstanceOf(InquiryOutcome.Paid.class, verified.status());
        assertEquals(stub.transaction(attemptId.value()).orElseThrow().rrn(), paid.gatewayReference());
        assertEquals(Fixture.pkr(150_000), paid.amount());
        assertFalse(verified.confirmByInquiry(), "signed: no need to ask JazzCash first");
        assertEquals(CallbackReply.ok(), verified.reply());
    }

    @Test
    void givenASignedIpn_whenVerified_thenAcknowledgedWithTheSignedJsonJazzCashExpects() throws Exception {
        IdempotencyKey attemptId = paidWallet();

        CallbackOutcome outcome = verify(IPN, stub.callbackFields(attemptId.value()));

        CallbackReply reply = assertInstanceOf(CallbackOutcome.Verified.class, outcome).reply();
        assertEquals(200, reply.status());
        assertEquals("application/json", reply.contentType());
        @SuppressWarnings("unchecked")
        Map<String, String> body = Json.read(reply.body(), Map.class);
        assertEquals("000", body.get("pp_ResponseCode"));
        assertEquals("IPN received successfully", body.get("pp_ResponseMessage"));
        assertTrue(StubHash.verifies(stub.credentials().integritySalt(), body), "the acknowledgement is signed");
    }

    @Test
    void givenTheReturnAndTheIpnOfOneResult_whenVerified_thenTheyShareTheEventKeySoTheCoreDropsTheSecond() {
        IdempotencyKey attemptId = paidWallet();

        String fromReturn = ((CallbackOutcome.Verified) verify(RETURN, stub.callbackFields(attemptId.value()))).eventKey();
        String fromIpn = ((CallbackOutcome.Verified) verify(IPN, stub.callbackFields(attemptId.value()))).eventKey();

        assertEquals(fromReturn, fromIpn);
    }

    @Test
    void givenAVoucherIssuedAndLaterPaid_whenBothIpnsArrive_thenPendingThenPaidUnderDifferentEventKeys() {
        IdempotencyKey attemptId = SampleRequests.newKey();
        provider.start(Fixture.voucher(attemptId));

        CallbackOutcome.Verified issued = (CallbackOutcome.Verified) verify(IPN, stub.callbackFields(attemptId.value()));
        stub.payVoucher(attemptId.value());
        CallbackOutcome.Verified paid = (CallbackOutcome.Verified) verify(IPN, stub.callbackFields(attemptId.value()));

        InquiryOutcome.Pending pending = assertInstanceOf(InquiryOutcome.Pending.class, issued.status());
        assertEquals(Optional.of(stub.transaction(attemptId.value()).orElseThrow().rrn()), pending.gatewayReference());
        assertInstanceOf(InquiryOutcome.Paid.class, paid.status());
        assertNotEquals(issued.eventKey(), paid.eventKey());
    }

    @Test
    void givenASignedDeclinedReturn_whenVerified_thenFailedWithTheCode() {
        stub.outcome(JazzCashStub.Outcome.DECLINE).declineCode("112");
        IdempotencyKey attemptId = paidWallet();

        CallbackOutcome outcome = verify(RETURN, stub.callbackFields(attemptId.value()));

        InquiryOutcome.Failed failed = assertInstanceOf(InquiryOutcome.Failed.class,
                assertInstanceOf(CallbackOutcome.Verified.class, outcome).status());
        assertEquals("112", failed.code());
    }

    @Test
    void givenAReturnSaying157_whenVerified_thenPendingSoALaterApprovalStillPaysTheOrder() {
        IdempotencyKey attemptId = paidWallet();
        stub.report(attemptId.value(), "157");

        CallbackOutcome outcome = verify(RETURN, stub.callbackFields(attemptId.value()));

        assertInstanceOf(InquiryOutcome.Pending.class, assertInstanceOf(CallbackOutcome.Verified.class, outcome)
                .status());
    }

    @Test
    void givenACorrectlySignedCallbackWithoutAMerchantId_whenVerified_thenRejected() {
        Map<String, String> fields = new LinkedHashMap<>(stub.callbackFields(paidWallet().value()));
        fields.remove("pp_MerchantID");

        assertEquals("no pp_MerchantID", rejection(verify(IPN, resigned(fields))));
    }

    @Test
    void givenACorrectlySignedCallbackWithAFieldJazzCashNeverSends_whenVerified_thenRejected() {
        Map<String, String> fields = new LinkedHashMap<>(stub.callbackFields(paidWallet().value()));
        fields.put("pp_PaymentResponseCode", "000");

        assertTrue(rejection(verify(IPN, resigned(fields))).startsWith("a field JazzCash's return and IPN do not carry"));
    }

    @Test
    void givenASignedDeclineWhoseCodeIsMovedToAnotherName_whenVerified_thenRejectedAlthoughTheHashStillMatches() {
        // The hash covers the values in name order, not the names: a value moved to a name that sorts to the
        // same place keeps the hash valid. pp_ResponseCode sits between pp_MerchantID and pp_ResponseMessage,
        // and so does pp_Rcode, which JazzCash does not send.
        stub.outcome(JazzCashStub.Outcome.DECLINE).declineCode("112");
        Map<String, String> fields = new LinkedHashMap<>(stub.callbackFields(paidWallet().value()));
        fields.put("pp_Rcode", fields.remove("pp_ResponseCode"));
        assertTrue(StubHash.verifies(stub.credentials().integritySalt(), fields), "the forgery keeps the hash valid");

        assertTrue(rejection(verify(IPN, fields)).contains("do not carry"));
    }

    @Test
    void givenAReturnEchoingTheHostedFormsOwnFields_whenVerified_thenAccepted() {
        Map<String, String> fields = new LinkedHashMap<>(stub.callbackFields(paidWallet().value()));
        fields.put("pp_Password", stub.credentials().password());
        fields.put("pp_ReturnURL", Fixture.RETURN_URL.toString());
        fields.put("pp_BankID", "");
        fields.put("ppmbf_1", "");

        assertInstanceOf(InquiryOutcome.Paid.class, assertInstanceOf(CallbackOutcome.Verified.class,
                verify(RETURN, resigned(fields))).status());
    }

    @Test
    void givenASignedReturnWithACodeThatSettlesNothing_whenVerified_thenUnknownConfirmedByInquiry() {
        Map<String, String> fields = new LinkedHashMap<>(stub.callbackFields(paidWallet().value()));
        fields.put("pp_ResponseCode", "999");

        CallbackOutcome.Verified verified = assertInstanceOf(CallbackOutcome.Verified.class,
                verify(RETURN, resigned(fields)));

        assertInstanceOf(InquiryOutcome.Unknown.class, verified.status());
        assertTrue(verified.confirmByInquiry());
    }

    @Test
    void givenAReturnWhoseAmountWasChanged_whenVerified_thenRejected() {
        Map<String, String> fields = new LinkedHashMap<>(stub.callbackFields(paidWallet().value()));
        fields.put("pp_Amount", "100");

        assertTrue(rejection(verify(RETURN, fields)).contains("does not match"));
    }

    @Test
    void givenADeclineRewrittenAsSuccess_whenVerified_thenRejected() {
        stub.outcome(JazzCashStub.Outcome.DECLINE);
        Map<String, String> fields = new LinkedHashMap<>(stub.callbackFields(paidWallet().value()));
        fields.put("pp_ResponseCode", "000");

        rejection(verify(IPN, fields));
    }

    @Test
    void givenAReturnWithoutAHash_whenVerified_thenRejected() {
        Map<String, String> fields = new LinkedHashMap<>(stub.callbackFields(paidWallet().value()));
        fields.remove("pp_SecureHash");

        assertEquals("no pp_SecureHash", rejection(verify(RETURN, fields)));
    }

    @Test
    void givenAnIpnSignedWithAnotherSalt_whenVerified_thenRejected() {
        Map<String, String> fields = StubHash.signed("ATTACKER", stub.callbackFields(paidWallet().value()));

        rejection(verify(IPN, fields));
    }

    @Test
    void givenAHashInLowerCase_whenVerified_thenAccepted() {
        Map<String, String> fields = new LinkedHashMap<>(stub.callbackFields(paidWallet().value()));
        fields.put("pp_SecureHash", fields.get("pp_SecureHash").toLowerCase(java.util.Locale.ROOT));

        assertInstanceOf(CallbackOutcome.Verified.class, verify(IPN, fields));
    }

    @Test
    void givenACorrectlySignedCallbackForAnotherMerchant_whenVerified_thenRejected() {
        Map<String, String> fields = new LinkedHashMap<>(stub.callbackFields(paidWallet().value()));
        fields.put("pp_MerchantID", "MC99999");

        assertEquals("signed for another merchant id", rejection(verify(IPN, resigned(fields))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "T123", "lowercase1234", "ABCDEFGHIJKLMNOPQRSTU"})
    void givenASignedCallbackWhoseReferenceIsNotAnAttemptId_whenVerified_thenRejected(String reference) {
        Map<String, String> fields = new LinkedHashMap<>(stub.callbackFields(paidWallet().value()));
        fields.put("pp_TxnRefNo", reference);

        assertTrue(rejection(verify(IPN, resigned(fields))).startsWith("pp_TxnRefNo"));
    }

    @Test
    void givenASignedCallbackWithoutAResponseCode_whenVerified_thenRejected() {
        Map<String, String> fields = new LinkedHashMap<>(stub.callbackFields(paidWallet().value()));
        fields.remove("pp_ResponseCode");

        assertEquals("no pp_ResponseCode", rejection(verify(IPN, resigned(fields))));
    }

    @Test
    void givenAFieldTwice_whenVerified_thenRejectedBecauseTheHashAndThePluginCouldReadDifferentValues() {
        String body = stub.callbackBody(paidWallet().value()) + "&pp_ResponseCode=000";

        rejection(provider.verifyCallback(Fixture.callback(IPN, body)));
    }

    @Test
    void givenAnIpnPostedAsJson_whenVerified_thenReadTheSameWay() {
        IdempotencyKey attemptId = paidWallet();
        Map<String, Object> json = new LinkedHashMap<>(stub.callbackFields(attemptId.value()));

        CallbackOutcome outcome = provider.verifyCallback(Fixture.callback(IPN, "POST", Json.write(json),
                "application/json"));

        assertInstanceOf(InquiryOutcome.Paid.class, assertInstanceOf(CallbackOutcome.Verified.class, outcome).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a form %zz", "{\"pp_Amount\":", "<html>Request Rejected</html>"})
    void givenABodyThatIsNotASignedForm_whenVerified_thenRejectedNotAnException(String body) {
        rejection(provider.verifyCallback(Fixture.callback(IPN, body)));
    }

    @Test
    void givenAGetInsteadOfAPost_whenVerified_thenRejected() {
        String body = stub.callbackBody(paidWallet().value());

        rejection(provider.verifyCallback(Fixture.callback(RETURN, "GET", body, "text/plain")));
    }

    @Test
    void givenACallback_whenVerified_thenJazzCashIsNotCalled() {
        IdempotencyKey attemptId = paidWallet();
        int before = stub.server().getAllServeEvents().size();

        verify(IPN, stub.callbackFields(attemptId.value()));

        assertEquals(before, stub.server().getAllServeEvents().size());
    }
}
