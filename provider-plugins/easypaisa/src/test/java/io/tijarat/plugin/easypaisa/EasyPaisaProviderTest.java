package io.tijarat.plugin.easypaisa;

import io.tijarat.spi.json.Json;
import io.tijarat.spi.json.JsonException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tijarat.plugin.easypaisa.stub.EasyPaisaStub;
import io.tijarat.plugin.easypaisa.stub.StubTransaction;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.kit.SampleRequests;
import io.tijarat.spi.kit.TestProviderContext;
import io.tijarat.spi.payment.CallbackOutcome;
import io.tijarat.spi.payment.Customer;
import io.tijarat.spi.payment.CustomerAction;
import io.tijarat.spi.payment.InquiryOutcome;
import io.tijarat.spi.payment.InquiryRequest;
import io.tijarat.spi.payment.PaymentCapability;
import io.tijarat.spi.payment.PaymentMethod;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentProvider;
import io.tijarat.spi.payment.PaymentRequest;
import io.tijarat.spi.payment.WalletAccount;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The provider against the EasyPaisa stub, flow by flow: mobile account, voucher, hosted checkout with its
 * two-step return, inquiry — and what EasyPaisa does when things go wrong.
 */
class EasyPaisaProviderTest {

    private final EasyPaisaStub easyPaisa = EasyPaisaStub.start();
    private TestProviderContext context;

    @AfterEach
    void stopTheStub() {
        easyPaisa.close();
    }

    private PaymentProvider provider(Consumer<TestProviderContext.Builder> adjust) {
        TestProviderContext.Builder builder = Fixtures.context(easyPaisa.baseUrl());
        adjust.accept(builder);
        context = builder.build();
        return new EasyPaisaProviderFactory().create(context);
    }

    private PaymentProvider provider() {
        return provider(builder -> { });
    }

    private static InquiryRequest inquiry(IdempotencyKey attemptId) {
        return new InquiryRequest(attemptId, Optional.empty(), SampleRequests.AMOUNT, Instant.parse("2025-03-03T05:00:00Z"));
    }

    /** The body of the last initiation (a mobile-account start is followed by its inquiry). */
    private Map<String, Object> lastBodySent() throws JsonException {
        List<LoggedRequest> initiations = easyPaisa.requests().stream()
                .filter(r -> r.getUrl().contains("/initiate-")).toList();
        return Json.parseObject(initiations.get(initiations.size() - 1).getBodyAsString());
    }

    // ---------------------------------------------------------------------------- mobile account

    @Test
    void givenAWalletPayment_whenStarted_thenEasyPaisaGetsTheAttemptAsOrderIdRupeesWithOneDecimalAndTheCredentials()
            throws Exception {
        IdempotencyKey attemptId = SampleRequests.newKey();

        provider().start(Fixtures.wallet(attemptId));

        LoggedRequest sent = easyPaisa.requests().stream().filter(r -> r.getUrl().contains("/initiate-")).findFirst()
                .orElseThrow();
        assertEquals("/easypay-service/rest/v4/initiate-ma-transaction", sent.getUrl());
        assertEquals("tijarat-test:Ep-Pass-7Qx91Lm",
                new String(Base64.getDecoder().decode(sent.getHeader("Credentials")), java.nio.charset.StandardCharsets.UTF_8));
        Map<String, Object> body = lastBodySent();
        assertEquals(attemptId.value(), body.get("orderId"));
        assertEquals("43210", body.get("storeId"));
        assertEquals("1500.0", body.get("transactionAmount"));
        assertEquals("MA", body.get("transactionType"));
        assertEquals("03001234567", body.get("mobileAccountNo"));
        assertEquals("ayesha@example.pk", body.get("emailAddress"));
    }

    @Test
    void givenACustomerWhoGaveNoEmail_whenAWalletPaymentStarts_thenEasyPaisaGetsTheFallbackAndThePaymentGoesAhead()
            throws Exception {
        PaymentRequest noEmail = Fixtures.order(SampleRequests.newKey())
                .customer(new Customer("Ayesha Khan", Optional.of(SampleRequests.PHONE), Optional.empty()))
                .wallet(new WalletAccount(SampleRequests.PHONE, Optional.empty())).build();

        PaymentOutcome outcome = provider().start(noEmail);

        assertInstanceOf(PaymentOutcome.Approved.class, outcome, "the stub, like EasyPaisa's clients, needs an address");
        assertEquals("no-reply@example.com", lastBodySent().get("emailAddress"));
    }

    @Test
    void givenTheShopsOwnNoReplyAddress_whenAVoucherIsIssuedToACustomerWithoutEmail_thenThatAddressIsSent()
            throws Exception {
        PaymentRequest noEmail = Fixtures.order(SampleRequests.newKey()).method(PaymentMethod.VOUCHER)
                .customer(new Customer("Ayesha Khan", Optional.of(SampleRequests.PHONE), Optional.empty())).build();

        PaymentOutcome outcome = provider(builder -> builder.property("fallback-email", "no-reply@shop.example.pk"))
                .start(noEmail);

        assertInstanceOf(CustomerAction.PayVoucher.class, assertInstanceOf(PaymentOutcome.Pending.class, outcome)
                .next());
        assertEquals("no-reply@shop.example.pk", lastBodySent().get("emailAddress"));
    }

    @Test
    void givenAnInitiationWithoutEmailAddress_whenItReachesTheStub_thenRefused0002LikeAnyMissingField()
            throws Exception {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("orderId", "K7Q2M9X4B8C3D5E6");
        body.put("storeId", "43210");
        body.put("transactionAmount", "1500.0");
        body.put("transactionType", "MA");
        body.put("mobileAccountNo", "03001234567");
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        URI.create(easyPaisa.baseUrl() + "/easypay-service/rest/v4/initiate-ma-transaction"))
                .header("Content-Type", "application/json")
                .header("Credentials", Base64.getEncoder().encodeToString("tijarat-test:Ep-Pass-7Qx91Lm"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Json.write(body))).build();

        HttpResponse<String> withoutEmail = java.net.http.HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());

        assertEquals("0002", Json.parseObject(withoutEmail.body()).get("responseCode"));
        assertTrue(easyPaisa.transaction("K7Q2M9X4B8C3D5E6").isEmpty(), "nothing was recorded");
    }

    @Test
    void givenA0000ForAMobileAccountWhoseInquirySaysPaid_whenAWalletPaymentStarts_thenItIsConfirmedAtOnceAndApproved() {
        IdempotencyKey attemptId = SampleRequests.newKey();
        PaymentProvider provider = provider();

        PaymentOutcome outcome = provider.start(Fixtures.wallet(attemptId));

        PaymentOutcome.Approved approved = assertInstanceOf(PaymentOutcome.Approved.class, outcome);
        String transactionId = easyPaisa.transaction(attemptId.value()).orElseThrow().transactionId();
        assertEquals(transactionId, approved.gatewayReference());
        assertEquals(SampleRequests.AMOUNT, approved.amount());
        assertEquals(1, easyPaisa.requests().stream().filter(r -> r.getUrl().endsWith("/inquire-transaction")
                && r.getBodyAsString().contains(attemptId.value())).count(), "one inquiry, straight after the 0000");
    }

    @Test
    void givenA0000ForAMobileAccountNotYetApproved_whenAWalletPaymentStarts_thenPendingOnThePhoneAfterOneInquiry() {
        easyPaisa.willAnswer(EasyPaisaStub.Outcome.PENDING);
        IdempotencyKey attemptId = SampleRequests.newKey();

        PaymentOutcome outcome = provider().start(Fixtures.wallet(attemptId));

        PaymentOutcome.Pending pending = assertInstanceOf(PaymentOutcome.Pending.class, outcome);
        CustomerAction.ApproveOnPhone prompt = assertInstanceOf(CustomerAction.ApproveOnPhone.class, pending.next());
        assertTrue(prompt.instructions().contains("Rs 1,500"), prompt.instructions());
        assertEquals(Optional.of(easyPaisa.transaction(attemptId.value()).orElseThrow().transactionId()),
                pending.gatewayReference());
    }

    @Test
    void givenACustomerWhoHasNotApprovedYet_whenInquired_thenPending() {
        easyPaisa.willAnswer(EasyPaisaStub.Outcome.PENDING);
        IdempotencyKey attemptId = SampleRequests.newKey();
        PaymentProvider provider = provider();

        assertInstanceOf(PaymentOutcome.Pending.class, provider.start(Fixtures.wallet(attemptId)));

        assertInstanceOf(InquiryOutcome.Pending.class, provider.inquire(inquiry(attemptId)));
    }

    @Test
    void givenEasyPaisaAnswers0000WithFailed_whenAWalletPaymentStarts_thenDeclinedNotApproved() {
        easyPaisa.willAnswer(EasyPaisaStub.Outcome.FAILED_WITH_0000);
        IdempotencyKey attemptId = SampleRequests.newKey();
        PaymentProvider provider = provider();

        PaymentOutcome.Declined declined = assertInstanceOf(PaymentOutcome.Declined.class,
                provider.start(Fixtures.wallet(attemptId)));

        assertEquals("FAILED", declined.code());
        assertEquals("FAILED", assertInstanceOf(InquiryOutcome.Failed.class, provider.inquire(inquiry(attemptId))).code());
    }

    @Test
    void givenALowBalance_whenAnUrduSpeakingCustomerPays_thenDeclinedInUrdu() {
        easyPaisa.willAnswer(EasyPaisaStub.Outcome.DECLINE);

        PaymentOutcome outcome = provider().start(Fixtures.order(SampleRequests.newKey()).locale(Fixtures.URDU)
                .wallet(new WalletAccount(SampleRequests.PHONE, Optional.empty())).build());

        PaymentOutcome.Declined declined = assertInstanceOf(PaymentOutcome.Declined.class, outcome);
        assertEquals("0013", declined.code());
        assertTrue(declined.customerMessage().contains("کافی بیلنس نہیں"), declined.customerMessage());
    }

    @Test
    void givenAWalletOutsidePakistan_whenStarted_thenDeclinedWithoutCallingEasyPaisa() {
        PaymentOutcome outcome = provider().start(Fixtures.order(SampleRequests.newKey())
                .wallet(new WalletAccount(Fixtures.foreignNumber(), Optional.empty())).build());

        assertEquals("MSISDN", assertInstanceOf(PaymentOutcome.Declined.class, outcome).code());
        assertEquals(0, easyPaisa.requests().size());
    }

    @Test
    void givenDollars_whenStarted_thenDeclinedWithoutCallingEasyPaisa() {
        PaymentOutcome outcome = provider().start(Fixtures.order(SampleRequests.newKey()).amount(Money.of(1_000, "USD"))
                .build());

        assertEquals("CURRENCY", assertInstanceOf(PaymentOutcome.Declined.class, outcome).code());
        assertEquals(0, easyPaisa.requests().size());
    }

    // ---------------------------------------------------------------------------------- voucher

    @Test
    void givenAVoucherPayment_whenStarted_thenPayVoucherWithEasyPaisasToken_andOnceAShopTakesTheCashInquiryReportsPaid()
            throws Exception {
        IdempotencyKey attemptId = SampleRequests.newKey();
        PaymentProvider provider = provider();

        PaymentOutcome outcome = provider.start(Fixtures.voucher(attemptId));

        CustomerAction.PayVoucher voucher = assertInstanceOf(CustomerAction.PayVoucher.class,
                assertInstanceOf(PaymentOutcome.Pending.class, outcome).next());
        StubTransaction issued = easyPaisa.transaction(attemptId.value()).orElseThrow();
        assertEquals(issued.paymentToken().orElseThrow(), voucher.voucherCode());
        Instant asked = context.testClock().instant().plus(Duration.ofHours(72));
        assertEquals(asked, voucher.expiresAt(), "the token lapses when we asked (72 h, the default)");
        assertEquals(Formats.expiry(asked), lastBodySent().get("tokenExpiry"));
        assertEquals("03001234567", lastBodySent().get("msisdn"));
        assertTrue(voucher.instructions().contains(voucher.voucherCode()), voucher.instructions());
        assertInstanceOf(InquiryOutcome.Pending.class, provider.inquire(inquiry(attemptId)));

        easyPaisa.settle(attemptId.value(), "PAID");

        assertInstanceOf(InquiryOutcome.Paid.class, provider.inquire(inquiry(attemptId)));
    }

    @Test
    void givenAnUrduSpeakingCustomer_whenAVoucherIsIssued_thenTheInstructionsAreInUrdu() {
        PaymentOutcome outcome = provider().start(Fixtures.order(SampleRequests.newKey()).method(PaymentMethod.VOUCHER)
                .locale(Fixtures.URDU).build());

        CustomerAction.PayVoucher voucher = assertInstanceOf(CustomerAction.PayVoucher.class,
                assertInstanceOf(PaymentOutcome.Pending.class, outcome).next());
        assertTrue(voucher.instructions().contains("پیمنٹ ٹوکن " + voucher.voucherCode()), voucher.instructions());
        assertTrue(voucher.instructions().contains("1,500 روپے"), voucher.instructions());
    }

    @Test
    void givenAVoucherForACustomerWithoutAPhone_whenStarted_thenTheHostedPageAsksForTheNumberInstead() {
        PaymentOutcome outcome = provider().start(Fixtures.order(SampleRequests.newKey()).method(PaymentMethod.VOUCHER)
                .customer(Fixtures.customerWithoutPhone()).build());

        CustomerAction.Redirect redirect = assertInstanceOf(CustomerAction.Redirect.class,
                assertInstanceOf(PaymentOutcome.Pending.class, outcome).next());
        assertEquals("OTC_PAYMENT_METHOD", redirect.fields().get("paymentMethod"));
        assertFalse(redirect.fields().containsKey("mobileNum"), "an empty field is left out, hash and all");
    }

    // ---------------------------------------------------------------------- what goes wrong

    @Test
    void givenAWrongPassword_whenStarted_thenAPermanentFailureNamingTheKeysAndNotTheSecret() {
        PaymentProvider provider = provider(builder -> builder.property("password", "Not-The-Right-One"));

        PermanentProviderException failure = assertThrows(PermanentProviderException.class,
                () -> provider.start(Fixtures.wallet(SampleRequests.newKey())));

        assertTrue(failure.getMessage().contains("0010"), failure.getMessage());
        assertTrue(failure.getMessage().contains("tijarat.provider.easypaisa.password"), failure.getMessage());
        assertFalse(failure.getMessage().contains("Not-The-Right-One"));
        assertThrows(PermanentProviderException.class, () -> provider.inquire(inquiry(SampleRequests.newKey())));
    }

    @Test
    void givenAStoreIdEasyPaisaDoesNotKnow_whenStarted_thenAPermanentFailureNamingStoreId() {
        PaymentProvider provider = provider(builder -> builder.property("store-id", "99999"));

        PermanentProviderException failure = assertThrows(PermanentProviderException.class,
                () -> provider.start(Fixtures.voucher(SampleRequests.newKey())));

        assertTrue(failure.getMessage().contains("tijarat.provider.easypaisa.store-id"), failure.getMessage());
    }

    @Test
    void givenAWrongMerchantAccountNumber_whenInquiring_thenAPermanentFailureNamingAccountNumber() {
        PaymentProvider provider = provider(builder -> builder.property("account-number", "111111111"));

        PermanentProviderException failure = assertThrows(PermanentProviderException.class,
                () -> provider.inquire(inquiry(SampleRequests.newKey())));

        assertTrue(failure.getMessage().contains("tijarat.provider.easypaisa.account-number"), failure.getMessage());
    }

    @Test
    void givenOneAttemptStartedTwice_whenEasyPaisaRefusesTheRepeatedOrderId_thenUnknown_andInquiryFindsTheFirst() {
        IdempotencyKey attemptId = SampleRequests.newKey();
        PaymentProvider provider = provider();
        provider.start(Fixtures.wallet(attemptId));

        PaymentOutcome again = provider.start(Fixtures.wallet(attemptId));

        assertInstanceOf(PaymentOutcome.Unknown.class, again, "a refused repeat says the first one reached EasyPaisa");
        assertInstanceOf(InquiryOutcome.Paid.class, provider.inquire(inquiry(attemptId)));
    }

    @Test
    void givenEasyPaisaTakesLongerThanTheBudget_whenStarted_thenUnknown_andInquiryLaterFindsItPaid() {
        easyPaisa.willAnswer(EasyPaisaStub.Outcome.TIMEOUT);
        easyPaisa.answerTimeoutsAfter(Duration.ofSeconds(3));
        IdempotencyKey attemptId = SampleRequests.newKey();
        PaymentProvider hurried = provider(builder -> builder.responseTimeout(Duration.ofMillis(500)));

        PaymentOutcome outcome = hurried.start(Fixtures.wallet(attemptId));

        assertInstanceOf(PaymentOutcome.Unknown.class, outcome, "EasyPaisa acted, but the answer came too late");
        assertInstanceOf(InquiryOutcome.Paid.class, provider().inquire(inquiry(attemptId)));
    }

    @Test
    void givenASystemError_whenStarted_thenUnknown_andInquiryFindsNothing() {
        easyPaisa.willAnswer(EasyPaisaStub.Outcome.SYSTEM_ERROR);
        IdempotencyKey attemptId = SampleRequests.newKey();
        PaymentProvider provider = provider();

        assertInstanceOf(PaymentOutcome.Unknown.class, provider.start(Fixtures.wallet(attemptId)));

        assertInstanceOf(InquiryOutcome.NotFound.class, provider.inquire(inquiry(attemptId)));
    }

    @Test
    void givenAFirewallPageWithStatus200_whenStartedAndInquired_thenUnknownAndATransientFailure() {
        easyPaisa.willAnswer(EasyPaisaStub.Outcome.HTML_FIREWALL);
        PaymentProvider provider = provider();

        PaymentOutcome.Unknown unknown = assertInstanceOf(PaymentOutcome.Unknown.class,
                provider.start(Fixtures.wallet(SampleRequests.newKey())));

        assertTrue(unknown.detail().contains("text/html"), unknown.detail());
        assertFalse(unknown.detail().contains("support ID"), "describe the page, do not paste it");
        assertThrows(TransientProviderException.class, () -> provider.inquire(inquiry(SampleRequests.newKey())));
    }

    @Test
    void givenAnAttemptEasyPaisaNeverSaw_whenInquired_thenNotFound() {
        assertInstanceOf(InquiryOutcome.NotFound.class, provider().inquire(inquiry(SampleRequests.newKey())));
    }

    @Test
    void givenAnyFlow_whenLogged_thenNoSecretNoPhoneNumberAndNoBodyReachTheLog() {
        PaymentProvider provider = provider();
        IdempotencyKey attemptId = SampleRequests.newKey();
        provider.start(Fixtures.wallet(attemptId));
        provider.start(Fixtures.voucher(SampleRequests.newKey()));
        provider.inquire(inquiry(attemptId));
        provider.verifyCallback(easyPaisa.ipn(URI.create("https://shop.example.pk/ipn"), attemptId.value()));

        for (String secret : context.secretValues()) {
            assertFalse(context.recordingLogger().contains(secret), "a secret reached the log");
        }
        assertFalse(context.recordingLogger().contains("03001234567"));
        assertFalse(context.recordingLogger().contains("ayesha@example.pk"));
        assertTrue(context.recordingLogger().contains(attemptId.value()), "the attempt id is what operators need");
    }

    @Test
    void givenTheDescriptor_whenRead_thenInquiryAndCallbacksButNoRefundOrVoid() {
        var descriptor = new EasyPaisaProviderFactory().descriptor();

        assertTrue(descriptor.supports(PaymentCapability.INQUIRY));
        assertTrue(descriptor.supports(PaymentCapability.CALLBACKS));
        assertFalse(descriptor.supports(PaymentCapability.REFUND), "EasyPaisa has no refund API: refunds are manual");
        assertFalse(descriptor.supports(PaymentCapability.VOID));
    }

    // ------------------------------------------------------------------------- hosted checkout

    @Test
    void givenAHostedCheckout_whenTheCustomerPays_thenTwoBrowserStepsAndAReturnThatOnlyInquiryConfirms() throws Exception {
        IdempotencyKey attemptId = SampleRequests.newKey();
        PaymentProvider provider = provider();

        CustomerAction.Redirect form = assertInstanceOf(CustomerAction.Redirect.class,
                assertInstanceOf(PaymentOutcome.Pending.class, provider.start(Fixtures.hosted(attemptId))).next());
        assertEquals(URI.create(easyPaisa.baseUrl() + "/easypay/Index.jsf"), form.target());
        assertEquals(0, easyPaisa.requests().size(), "starting a hosted checkout calls no one");

        URI firstReturn = Browser.post(form);
        CallbackOutcome.ContinueCheckout next = assertInstanceOf(CallbackOutcome.ContinueCheckout.class,
                provider.verifyCallback(Browser.returning(firstReturn)));
        assertEquals(attemptId, next.attemptId());
        URI finalReturn = Browser.post(next.next());
        CallbackOutcome.Verified verified = assertInstanceOf(CallbackOutcome.Verified.class,
                provider.verifyCallback(Browser.returning(finalReturn)));

        assertEquals(attemptId, verified.attemptId());
        assertTrue(verified.confirmByInquiry());
        InquiryOutcome.Paid paid = assertInstanceOf(InquiryOutcome.Paid.class, provider.inquire(inquiry(attemptId)));
        assertEquals(SampleRequests.AMOUNT, paid.amount());
    }

    @Test
    void givenAReturnThatClaimsSuccessForAFailedPayment_whenConfirmedByInquiry_thenInquirySaysFailed() throws Exception {
        easyPaisa.willAnswer(EasyPaisaStub.Outcome.FAILED_WITH_0000);
        IdempotencyKey attemptId = SampleRequests.newKey();
        PaymentProvider provider = provider();
        CustomerAction.Redirect form = (CustomerAction.Redirect) ((PaymentOutcome.Pending) provider
                .start(Fixtures.hosted(attemptId))).next();
        CallbackOutcome.ContinueCheckout next = (CallbackOutcome.ContinueCheckout) provider
                .verifyCallback(Browser.returning(Browser.post(form)));

        URI finalReturn = Browser.post(next.next());

        assertTrue(finalReturn.getQuery().contains("status=0000"), "the unsigned return says success");
        assertTrue(assertInstanceOf(CallbackOutcome.Verified.class,
                provider.verifyCallback(Browser.returning(finalReturn))).confirmByInquiry());
        assertInstanceOf(InquiryOutcome.Failed.class, provider.inquire(inquiry(attemptId)));
    }

    @Test
    void givenTheHostedForm_whenAFieldIsChangedAfterEncryption_thenEasyPaisaRefusesIt_andTheUntouchedFormPasses()
            throws Exception {
        CustomerAction.Redirect form = (CustomerAction.Redirect) ((PaymentOutcome.Pending) provider()
                .start(Fixtures.hosted(SampleRequests.newKey()))).next();
        Map<String, String> tampered = new LinkedHashMap<>(form.fields());
        tampered.put("amount", "15.0");

        HttpResponse<String> refused = Browser.submit(CustomerAction.Redirect.post(form.target(), tampered));

        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("Invalid merchantHashedReq"), refused.body());
        assertEquals(302, Browser.submit(form).statusCode(), "the stub accepts the plugin's own encryption");
    }

    @Test
    void givenAPaisaAmountOnTheCardPage_whenPaid_thenTheFormKeepsThePaisa_andInquiryReportsTheExactAmount()
            throws Exception {
        IdempotencyKey attemptId = SampleRequests.newKey();
        PaymentProvider provider = provider();
        CustomerAction.Redirect form = (CustomerAction.Redirect) ((PaymentOutcome.Pending) provider
                .start(Fixtures.order(attemptId).amount(Money.pkr(150_050)).method(PaymentMethod.CARD).build())).next();
        assertEquals("1500.5", form.fields().get("amount"));
        assertEquals("CC_PAYMENT_METHOD", form.fields().get("paymentMethod"));

        CallbackOutcome.ContinueCheckout next = (CallbackOutcome.ContinueCheckout) provider
                .verifyCallback(Browser.returning(Browser.post(form)));
        Browser.post(next.next());

        assertEquals(Money.pkr(150_050), assertInstanceOf(InquiryOutcome.Paid.class,
                provider.inquire(inquiry(attemptId))).amount());
    }
}
