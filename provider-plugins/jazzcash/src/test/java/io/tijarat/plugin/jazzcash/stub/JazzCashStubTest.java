package io.tijarat.plugin.jazzcash.stub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.common.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stub behaves as JazzCash's documentation says JazzCash does, checked with requests built here,
 * independently of the plugin: otherwise a plugin bug and a stub bug could cancel out.
 */
class JazzCashStubTest {

    private final JazzCashStub stub = JazzCashStub.start();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private Map<String, String> walletRequest(String reference) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("pp_Language", "EN");
        fields.put("pp_MerchantID", stub.credentials().merchantId());
        fields.put("pp_Password", stub.credentials().password());
        fields.put("pp_TxnRefNo", reference);
        fields.put("pp_MobileNumber", "03001234567");
        fields.put("pp_CNIC", "345678");
        fields.put("pp_Amount", "150000");
        fields.put("pp_TxnCurrency", "PKR");
        fields.put("pp_TxnDateTime", "20250303100000");
        fields.put("pp_BillReference", "1042");
        fields.put("pp_Description", "Order 1042");
        fields.put("pp_TxnExpiryDateTime", "20250303110000");
        fields.put("ppmpf_1", "");
        return fields;
    }

    private HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(stub.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(fields))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, String> answer(String path, Map<String, String> fields) throws Exception {
        return StubBehaviour.json(post(path, fields).body());
    }

    private Map<String, String> inquire(String reference) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("pp_TxnRefNo", reference);
        fields.put("pp_MerchantID", stub.credentials().merchantId());
        fields.put("pp_Password", stub.credentials().password());
        return answer(JazzCashStub.INQUIRY_PATH, StubHash.signed(stub.credentials().integritySalt(), fields));
    }

    @Test
    void givenTheStub_whenStarted_thenItListensOn127001OnlyOnADynamicPort() {
        assertEquals("127.0.0.1", stub.server().getOptions().bindAddress());
        assertEquals("127.0.0.1", stub.baseUrl().getHost());
        assertTrue(stub.baseUrl().getPort() > 0);
    }

    @Test
    void givenACorrectlySignedWalletRequest_whenPosted_thenASigned000EchoingTheReference() throws Exception {
        Map<String, String> answer = answer(JazzCashStub.WALLET_PATH,
                StubHash.signed(stub.credentials().integritySalt(), walletRequest("T1")));

        assertEquals("000", answer.get("pp_ResponseCode"));
        assertEquals("T1", answer.get("pp_TxnRefNo"));
        assertTrue(StubHash.verifies(stub.credentials().integritySalt(), answer));
    }

    @Test
    void givenAWrongHash_whenPosted_thenAnUnsigned115AndNothingRecorded() throws Exception {
        Map<String, String> request = StubHash.signed("not-the-salt", walletRequest("T2"));

        Map<String, String> answer = answer(JazzCashStub.WALLET_PATH, request);

        assertEquals("115", answer.get("pp_ResponseCode"));
        assertEquals("", answer.get("pp_SecureHash"));
        assertTrue(stub.transaction("T2").isEmpty());
    }

    @Test
    void givenAHashThatKeptTheEmptyFields_whenPosted_thenRefused115LikeJazzCash() throws Exception {
        Map<String, String> request = walletRequest("T3");
        String salt = stub.credentials().integritySalt();
        // The classic SDK bug: every value joined, the empty ppmpf_1 too ("…&Order 1042&&…").
        String text = salt + "&" + String.join("&", new TreeMap<>(request).values());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        request.put("pp_SecureHash", HexFormat.of().withUpperCase().formatHex(
                mac.doFinal(text.getBytes(StandardCharsets.UTF_8))));

        assertEquals("115", answer(JazzCashStub.WALLET_PATH, request).get("pp_ResponseCode"));
    }

    @Test
    void givenAnUnknownMerchant_whenPosted_thenUnsigned101() throws Exception {
        Map<String, String> request = walletRequest("T4");
        request.put("pp_MerchantID", "MC00001");

        assertEquals("101", answer(JazzCashStub.WALLET_PATH,
                StubHash.signed(stub.credentials().integritySalt(), request)).get("pp_ResponseCode"));
    }

    @Test
    void givenTheSameReferenceTwice_whenPosted_thenTheSecondIsRefused110AndTheFirstStands() throws Exception {
        Map<String, String> request = StubHash.signed(stub.credentials().integritySalt(), walletRequest("T5"));

        assertEquals("000", answer(JazzCashStub.WALLET_PATH, request).get("pp_ResponseCode"));
        Map<String, String> second = answer(JazzCashStub.WALLET_PATH, request);

        assertEquals("110", second.get("pp_ResponseCode"));
        assertEquals("Invalid value for pp_TxnRefNo.", second.get("pp_ResponseMessage"));
        assertEquals(StubTransaction.COMPLETED, stub.transaction("T5").orElseThrow().status());
    }

    @Test
    void givenATimestampThatIsNotPakistanTimeFormat_whenPosted_then110NamingTheField() throws Exception {
        Map<String, String> request = walletRequest("T6");
        request.put("pp_TxnDateTime", "2025-03-03T10:00:00");

        Map<String, String> answer = answer(JazzCashStub.WALLET_PATH,
                StubHash.signed(stub.credentials().integritySalt(), request));

        assertEquals("110", answer.get("pp_ResponseCode"));
        assertEquals("Invalid value for pp_TxnDateTime.", answer.get("pp_ResponseMessage"));
    }

    @Test
    void givenEveryPublishedCode_whenAPaymentIsAnsweredWithIt_thenTheStubSendsItSignedWithJazzCashsText()
            throws Exception {
        int reference = 100;
        for (Map.Entry<String, String> published : StubCodes.TEXTS.entrySet()) {
            String txnRefNo = "C" + reference++;
            stub.answerStartWith(txnRefNo, published.getKey());

            Map<String, String> answer = answer(JazzCashStub.WALLET_PATH,
                    StubHash.signed(stub.credentials().integritySalt(), walletRequest(txnRefNo)));

            assertEquals(published.getKey(), answer.get("pp_ResponseCode"), txnRefNo);
            assertEquals(published.getValue(), answer.get("pp_ResponseMessage"), txnRefNo);
            assertTrue(StubHash.verifies(stub.credentials().integritySalt(), answer), txnRefNo);
        }
        assertEquals(102, StubCodes.TEXTS.size(), "JazzCash's list as published: 000 to 999");
    }

    @Test
    void givenAPendingPaymentTheCustomerApprovesLater_whenInquired_thenThePaymentCodeAndStatusFollow() throws Exception {
        stub.answerStartWith("T9", "157");
        assertEquals("157", answer(JazzCashStub.WALLET_PATH,
                StubHash.signed(stub.credentials().integritySalt(), walletRequest("T9"))).get("pp_ResponseCode"));
        assertEquals("Pending", inquire("T9").get("pp_Status"));

        stub.report("T9", "000");

        Map<String, String> inquiry = inquire("T9");
        assertEquals("000", inquiry.get("pp_ResponseCode"));
        assertEquals("000", inquiry.get("pp_PaymentResponseCode"));
        assertEquals("Completed", inquiry.get("pp_Status"));
        assertEquals("000", stub.callbackFields("T9").get("pp_ResponseCode"));
    }

    @Test
    void givenAReferenceTheStubNeverSaw_whenInquired_thenASigned109() throws Exception {
        Map<String, String> inquiry = inquire("NEVERSEEN1");

        assertEquals("109", inquiry.get("pp_ResponseCode"));
        assertEquals("Transaction does not exist", inquiry.get("pp_ResponseMessage"));
        assertTrue(StubHash.verifies(stub.credentials().integritySalt(), inquiry));
    }

    @Test
    void givenUnprefixedAnswers_whenPosted_thenResponseCodeAndSecureHashWithoutPpOverAllOtherFields()
            throws Exception {
        stub.answerUnprefixed(true);

        Map<String, String> answer = answer(JazzCashStub.WALLET_PATH,
                StubHash.signed(stub.credentials().integritySalt(), walletRequest("T10")));

        assertEquals("000", answer.get("responseCode"));
        assertEquals("T10", answer.get("txnRefNo"));
        assertTrue(answer.keySet().stream().noneMatch(name -> name.startsWith("pp_")), answer.keySet().toString());
        // The documented rule, computed here by hand: every other non-empty value in name order, salt first.
        String salt = stub.credentials().integritySalt();
        StringBuilder text = new StringBuilder(salt);
        new TreeMap<>(answer).forEach((name, value) -> {
            if (!name.equals("secureHash") && !value.isEmpty()) {
                text.append('&').append(value);
            }
        });
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertEquals(HexFormat.of().withUpperCase().formatHex(mac.doFinal(text.toString()
                .getBytes(StandardCharsets.UTF_8))), answer.get("secureHash"));
    }

    @Test
    void givenUnprefixedAnswersAndAWrongHash_whenPosted_thenAnUnsignedUnprefixed115() throws Exception {
        stub.answerUnprefixed(true);

        Map<String, String> answer = answer(JazzCashStub.WALLET_PATH, StubHash.signed("not-the-salt",
                walletRequest("T11")));

        assertEquals(Map.of("responseCode", "115", "responseMessage", "Invalid hash received.", "secureHash", ""),
                answer);
    }

    @Test
    void givenADeveloperDrivingTheStub_whenTheyPostToItsAdminPaths_thenPaymentsAndTransactionsFollow()
            throws Exception {
        assertEquals(204, post("/__stub/payment-code/157", Map.of()).statusCode());
        assertEquals("157", answer(JazzCashStub.WALLET_PATH,
                StubHash.signed(stub.credentials().integritySalt(), walletRequest("T12"))).get("pp_ResponseCode"));

        assertEquals(204, post("/__stub/report/T12/000", Map.of()).statusCode());
        assertEquals(204, post("/__stub/payment-code/none", Map.of()).statusCode());

        assertEquals(StubTransaction.COMPLETED, stub.transaction("T12").orElseThrow().status());
        assertEquals("000", answer(JazzCashStub.WALLET_PATH,
                StubHash.signed(stub.credentials().integritySalt(), walletRequest("T13"))).get("pp_ResponseCode"));
        assertEquals(404, post("/__stub/report/UNKNOWN1/000", Map.of()).statusCode());
    }

    @Test
    void givenTheFirewallOutcome_whenPosted_thenHttp200WithAnHtmlPage() throws Exception {
        stub.outcome(JazzCashStub.Outcome.HTML_FIREWALL);

        HttpResponse<String> response = post(JazzCashStub.INQUIRY_PATH, Map.of());

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(response.body().contains("Request Rejected"));
    }

    @Test
    void givenADelay_whenPosted_thenTheAnswerComesNoSooner() throws Exception {
        stub.delayAnswers(Duration.ofMillis(600));
        long started = System.nanoTime();

        post(JazzCashStub.WALLET_PATH, StubHash.signed(stub.credentials().integritySalt(), walletRequest("T7")));

        assertTrue(System.nanoTime() - started >= Duration.ofMillis(600).toNanos());
    }

    @Test
    void givenAPaidTransaction_whenItsCallbackIsBuilt_thenSignedAndCarryingTheResult() throws Exception {
        post(JazzCashStub.WALLET_PATH, StubHash.signed(stub.credentials().integritySalt(), walletRequest("T8")));

        Map<String, String> callback = stub.callbackFields("T8");

        assertEquals("000", callback.get("pp_ResponseCode"));
        assertEquals("150000", callback.get("pp_Amount"));
        assertTrue(StubHash.verifies(stub.credentials().integritySalt(), callback));
        assertTrue(stub.callbackBody("T8").contains("pp_SecureHash=" + callback.get("pp_SecureHash")));
    }
}
