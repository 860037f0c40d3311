package io.tijarat.plugin.jazzcash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.plugin.jazzcash.stub.JazzCashStub;
import io.tijarat.plugin.jazzcash.stub.StubHash;
import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.kit.SampleRequests;
import io.tijarat.spi.payment.CallbackOutcome;
import io.tijarat.spi.payment.CustomerAction;
import io.tijarat.spi.payment.InquiryOutcome;
import io.tijarat.spi.payment.PaymentMethod;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JazzCash's hosted page: a signed form for the browser, and the signed result it posts back. */
class HostedCheckoutTest {

    private final Fixture fixture = Fixture.start();
    private final PaymentProvider provider = fixture.provider;
    private final JazzCashStub stub = fixture.stub;

    @AfterEach
    void stopStub() {
        fixture.close();
    }

    private static CustomerAction.Redirect redirect(PaymentOutcome outcome) {
        PaymentOutcome.Pending pending = assertInstanceOf(PaymentOutcome.Pending.class, outcome);
        return assertInstanceOf(CustomerAction.Redirect.class, pending.next());
    }

    @Test
    void givenAnOrderPaidOnJazzCashsPage_whenStarted_thenARedirectPostOfTheSignedFormWithoutCallingJazzCash() {
        IdempotencyKey attemptId = SampleRequests.newKey();

        CustomerAction.Redirect redirect = redirect(provider.start(Fixture.hosted(attemptId, PaymentMethod.ANY)));

        assertEquals(CustomerAction.Redirect.HttpMethod.POST, redirect.method());
        assertEquals(URI.create(stub.baseUrl() + "/CustomerPortal/transactionmanagement/merchantform/"),
                redirect.target());
        Map<String, String> form = redirect.fields();
        assertEquals(attemptId.value(), form.get("pp_TxnRefNo"));
        assertEquals("150000", form.get("pp_Amount"));
        assertEquals("1.1", form.get("pp_Version"));
        assertEquals("", form.get("pp_TxnType"), "empty: the page offers card, wallet and voucher");
        assertEquals(Fixture.RETURN_URL.toString(), form.get("pp_ReturnURL"));
        assertEquals("20250303100000", form.get("pp_TxnDateTime"));
        assertEquals("20250303110000", form.get("pp_TxnExpiryDateTime"));
        assertTrue(StubHash.verifies(stub.credentials().integritySalt(), form));
        assertEquals(0, stub.server().getAllServeEvents().size(), "the browser posts the form, not the server");
    }

    @Test
    void givenTheDocumentedForm_whenTheProviderBuildsIt_thenItsHashIsTheOpensslKnownAnswer() {
        // SecureHashTest.hostedForm(): attempt K7Q2M9X4B8C3D5E6, wallet, at the kit's 10:00 Karachi time.
        PaymentOutcome outcome = provider.start(Fixture.hosted(IdempotencyKey.of("K7Q2M9X4B8C3D5E6"),
                PaymentMethod.WALLET));

        Map<String, String> form = redirect(outcome).fields();
        Map<String, String> withoutHash = new LinkedHashMap<>(form);
        withoutHash.remove("pp_SecureHash");
        assertEquals(SecureHashTest.hostedForm(), withoutHash);
        assertEquals("F71AF92E489F839FA28C7B1E73FB71FEB0CE2E172FBDDE02335D8B80A6BF2842", form.get("pp_SecureHash"));
    }

    @ParameterizedTest
    @CsvSource({"CARD, MPAY", "WALLET, MWALLET", "ANY, ''"})
    void givenTheCustomersChoice_whenTheFormIsBuilt_thenPpTxnTypeFollowsIt(PaymentMethod method, String txnType) {
        CustomerAction.Redirect redirect = redirect(provider.start(Fixture.hosted(SampleRequests.newKey(), method)));

        assertEquals(txnType, redirect.fields().get("pp_TxnType"));
    }

    @Test
    void givenADescriptionWithCharactersJazzCashRefuses_whenTheFormIsBuilt_thenTheyAreRemoved() {
        PaymentOutcome outcome = provider.start(Fixture.order(SampleRequests.newKey()).orderNumber("ORD-1042/B")
                .description("<b>Order</b> #1042: 2 x \"kurta\" {50% off}").build());

        Map<String, String> form = redirect(outcome).fields();
        assertEquals("b Order b #1042 2 x kurta 50 off", form.get("pp_Description"));
        assertEquals("ORD1042B", form.get("pp_BillReference"));
    }

    @Test
    void givenNoReturnUrlInTheRequestButOneConfigured_whenTheFormIsBuilt_thenTheConfiguredOneIsUsed() {
        PaymentProvider configured = fixture.provider(builder -> builder.property("return-url",
                "https://shop.example.pk/jc/return"));

        PaymentOutcome outcome = configured.start(Fixture.order(SampleRequests.newKey()).returnUrl(null).build());

        assertEquals("https://shop.example.pk/jc/return", redirect(outcome).fields().get("pp_ReturnURL"));
    }

    @Test
    void givenNoReturnUrlAnywhere_whenTheFormIsBuilt_thenPermanentNamingTheReturnUrlKey() {
        PermanentProviderException failure = assertThrows(PermanentProviderException.class,
                () -> provider.start(Fixture.order(SampleRequests.newKey()).returnUrl(null).build()));

        assertTrue(failure.getMessage().contains("tijarat.provider.jazzcash.return-url"), failure.getMessage());
    }

    @Test
    void givenTheRedirect_whenPrinted_thenThePasswordAndHashDoNotShow() {
        CustomerAction.Redirect redirect = redirect(provider.start(Fixture.hosted(SampleRequests.newKey(),
                PaymentMethod.CARD)));

        assertFalse(redirect.toString().contains(stub.credentials().password()), redirect.toString());
        assertFalse(redirect.toString().contains(redirect.fields().get("pp_SecureHash")));
    }

    // ------------------------------------------------ end to end: browser → stub's page → return POST

    @ParameterizedTest
    @CsvSource({"pay, Paid", "decline, Failed", "voucher, Pending"})
    void givenTheCustomerChoosesOnJazzCashsPage_whenTheBrowserReturns_thenTheSignedResultIsVerifiedAndRead(
            String choice, String status) throws Exception {
        IdempotencyKey attemptId = SampleRequests.newKey();
        CustomerAction.Redirect redirect = redirect(provider.start(Fixture.hosted(attemptId, PaymentMethod.ANY)));
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

        String page = post(browser, redirect.target(), redirect.fields());
        assertTrue(page.contains(attemptId.value()), "the stub's checkout page shows the order: " + page);
        String returnPage = post(browser, URI.create(stub.baseUrl() + JazzCashStub.CHECKOUT_DONE_PATH),
                Map.of("ref", attemptId.value(), "choice", choice));
        CallbackOutcome outcome = provider.verifyCallback(Fixture.callback(CallbackRequest.Source.CUSTOMER_RETURN,
                JazzCashStub.formBody(hiddenFields(returnPage))));

        CallbackOutcome.Verified verified = assertInstanceOf(CallbackOutcome.Verified.class, outcome);
        assertEquals(attemptId, verified.attemptId());
        assertEquals(status, verified.status().getClass().getSimpleName());
        InquiryOutcome inquired = provider.inquire(SampleRequests.inquiry(attemptId,
                java.time.Instant.parse("2025-03-03T05:00:00Z")));
        assertEquals(status, inquired.getClass().getSimpleName(), "inquiry agrees with the return");
    }

    @Test
    void givenAFormWhoseAmountTheCustomerEdited_whenPostedToJazzCash_thenItsPageRefusesIt115() throws Exception {
        Map<String, String> form = new LinkedHashMap<>(redirect(provider.start(Fixture.hosted(SampleRequests.newKey(),
                PaymentMethod.ANY))).fields());
        form.put("pp_Amount", "100");

        String page = post(HttpClient.newHttpClient(), URI.create(stub.baseUrl() + JazzCashStub.HOSTED_PATH), form);

        assertTrue(page.contains("Error 115"), page);
    }

    private static String post(HttpClient client, URI target, Map<String, String> fields) throws Exception {
        assertEquals("127.0.0.1", target.getHost(), "tests talk to the stub only");
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(target)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(JazzCashStub.formBody(fields))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    /** The hidden inputs of the stub's auto-posting page, unescaped, in order. */
    private static Map<String, String> hiddenFields(String page) {
        Matcher input = Pattern.compile("<input type='hidden' name='([^']*)' value='([^']*)'>").matcher(page);
        Map<String, String> fields = new LinkedHashMap<>();
        while (input.find()) {
            fields.put(unescape(input.group(1)), unescape(input.group(2)));
        }
        assertFalse(fields.isEmpty(), "no form in " + page);
        return fields;
    }

    private static String unescape(String html) {
        for (List<String> entity : List.of(List.of("&lt;", "<"), List.of("&gt;", ">"), List.of("&#39;", "'"),
                List.of("&quot;", "\""), List.of("&amp;", "&"))) {
            html = html.replace(entity.get(0), entity.get(1));
        }
        return html;
    }
}
