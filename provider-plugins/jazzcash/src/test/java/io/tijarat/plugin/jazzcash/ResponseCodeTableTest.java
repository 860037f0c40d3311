package io.tijarat.plugin.jazzcash;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.common.Json;
import io.tijarat.plugin.jazzcash.stub.JazzCashStub;
import io.tijarat.plugin.jazzcash.stub.StubHash;
import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.kit.SampleRequests;
import io.tijarat.spi.payment.CallbackOutcome;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.RefundRequest;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every response code the notes document, and one they do not (555), through every operation, against
 * the stub answering with that code (signed). One table; each column is checked by its own test, so a
 * failure names the operation.
 *
 * <p>Columns: the code; its meaning; a wallet start; an inquiry answered with the code as its own
 * {@code pp_ResponseCode} (no status); an inquiry that reports it as {@code pp_PaymentResponseCode}; a
 * refund; a signed return/IPN. "Permanent" and "Transient" are the SPI's exceptions.
 */
class ResponseCodeTableTest {

    static final String TABLE = """
            # code, meaning,      start,     inquiry,   inquiry payment code, refund,    callback
            000,  APPROVED,       Approved,  Unknown,   Paid,                 Refunded,  Paid
            101,  MISCONFIGURED,  Permanent, Permanent, Unknown,              Permanent, Unknown
            110,  DECLINED,       Declined,  Unknown,   Failed,               Declined,  Failed
            115,  MISCONFIGURED,  Permanent, Permanent, Unknown,              Permanent, Unknown
            116,  DUPLICATE,      Unknown,   Unknown,   Unknown,              Unknown,   Unknown
            117,  MISCONFIGURED,  Permanent, Permanent, Unknown,              Permanent, Unknown
            118,  DECLINED,       Declined,  Unknown,   Failed,               Declined,  Failed
            119,  DECLINED,       Declined,  Unknown,   Failed,               Declined,  Failed
            120,  DECLINED,       Declined,  Unknown,   Failed,               Permanent, Failed
            121,  APPROVED,       Approved,  Unknown,   Paid,                 Refunded,  Paid
            122,  DECLINED,       Declined,  Unknown,   Failed,               Declined,  Failed
            123,  DECLINED,       Declined,  Unknown,   Failed,               Declined,  Failed
            124,  PENDING,        Pending,   Unknown,   Pending,              Pending,   Pending
            157,  DECLINED,       Declined,  Unknown,   Failed,               Declined,  Failed
            199,  NOT_PROCESSED,  Transient, Transient, Unknown,              Transient, Unknown
            210,  DECLINED,       Declined,  Unknown,   Failed,               Declined,  Failed
            999,  GATEWAY_ERROR,  Unknown,   Transient, Unknown,              Unknown,   Unknown
            555,  UNLISTED,       Unknown,   Unknown,   Unknown,              Unknown,   Unknown
            """;

    private static final Instant STARTED = Instant.parse("2025-03-03T05:00:00Z");

    private final Fixture fixture = Fixture.start();
    private final JazzCashStub stub = fixture.stub;

    @AfterEach
    void stopStub() {
        fixture.close();
    }

    /** The outcome's simple class name, or Permanent/Transient for the SPI's two exceptions. */
    private static String kind(Supplier<Object> call) {
        try {
            return call.get().getClass().getSimpleName();
        } catch (PermanentProviderException e) {
            return "Permanent";
        } catch (TransientProviderException e) {
            return "Transient";
        }
    }

    @ParameterizedTest(name = "{0} means {1}")
    @CsvSource(textBlock = TABLE)
    void givenACode_whenItsMeaningIsLookedUp_thenTheTablesMeaning(String code, String meaning) {
        assertEquals(meaning, ResponseCode.meaningOf(code).name());
    }

    @ParameterizedTest(name = "wallet start answered {0} -> {2}")
    @CsvSource(textBlock = TABLE)
    void givenJazzCashAnswersTheCode_whenAWalletPaymentStarts_thenTheTablesOutcome(String code, String meaning,
                                                                                    String start) {
        stub.answerPaymentsWith(code);

        assertEquals(start, kind(() -> fixture.provider.start(Fixture.wallet(SampleRequests.newKey()))));
    }

    @ParameterizedTest(name = "inquiry answered {0} -> {3}")
    @CsvSource(textBlock = TABLE)
    void givenTheInquiryItselfAnswersTheCode_whenInquired_thenTheTablesOutcome(String code, String meaning,
                                                                               String start, String inquiry) {
        stub.answerInquiriesWith(code);

        assertEquals(inquiry, kind(() -> fixture.provider.inquire(SampleRequests.inquiry(SampleRequests.newKey(),
                STARTED))));
    }

    @ParameterizedTest(name = "inquiry reporting payment code {0} -> {4}")
    @CsvSource(textBlock = TABLE)
    void givenTheInquiryReportsTheCodeAsThePaymentsCode_whenInquired_thenTheTablesOutcome(String code, String meaning,
            String start, String inquiry, String paymentCode) {
        IdempotencyKey attemptId = SampleRequests.newKey();
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("pp_ResponseCode", "000");
        answer.put("pp_TxnRefNo", attemptId.value());
        answer.put("pp_PaymentResponseCode", code);
        answer.put("pp_RetrievalReferenceNo", "250303000999");
        answer.put("pp_Amount", "150000");
        stub.server().stubFor(post(urlPathEqualTo(JazzCashStub.INQUIRY_PATH)).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(Json.write(StubHash.signed(stub.credentials().integritySalt(), answer)))));

        assertEquals(paymentCode, kind(() -> fixture.provider.inquire(SampleRequests.inquiry(attemptId, STARTED))));
    }

    @ParameterizedTest(name = "refund answered {0} -> {5}")
    @CsvSource(textBlock = TABLE)
    void givenJazzCashAnswersTheCode_whenRefunding_thenTheTablesOutcome(String code, String meaning, String start,
            String inquiry, String paymentCode, String refund) {
        IdempotencyKey paid = SampleRequests.newKey();
        fixture.provider.start(Fixture.wallet(paid));
        stub.answerRefundsWith(code);

        assertEquals(refund, kind(() -> fixture.provider.refund(new RefundRequest(SampleRequests.newKey(), paid,
                Optional.empty(), Money.pkr(150_000), SampleRequests.AMOUNT, "returned"))));
    }

    @ParameterizedTest(name = "callback with {0} -> {6}")
    @CsvSource(textBlock = TABLE)
    void givenASignedCallbackWithTheCode_whenVerified_thenTheTablesStatus(String code, String meaning, String start,
            String inquiry, String paymentCode, String refund, String callback) {
        IdempotencyKey attemptId = SampleRequests.newKey();
        fixture.provider.start(Fixture.wallet(attemptId));
        Map<String, String> fields = new LinkedHashMap<>(stub.callbackFields(attemptId.value()));
        fields.put("pp_ResponseCode", code);

        CallbackOutcome outcome = fixture.provider.verifyCallback(Fixture.callback(
                CallbackRequest.Source.NOTIFICATION,
                JazzCashStub.formBody(StubHash.signed(stub.credentials().integritySalt(), fields))));

        CallbackOutcome.Verified verified = (CallbackOutcome.Verified) outcome;
        assertEquals(callback, verified.status().getClass().getSimpleName());
        assertEquals(callback.equals("Unknown"), verified.confirmByInquiry());
    }

    /** The codes the table declares Declined for a start. */
    static Stream<String> declineCodes() {
        return TABLE.lines().filter(line -> !line.strip().startsWith("#") && !line.isBlank())
                .map(line -> line.split(","))
                .filter(columns -> columns[2].strip().equals("Declined"))
                .map(columns -> columns[0].strip());
    }

    @ParameterizedTest(name = "decline {0} is explained in English and Urdu")
    @MethodSource("declineCodes")
    void givenADeclineCode_whenTheCustomerIsTold_thenTheReasonInEnglishOrUrdu(String code) {
        stub.answerPaymentsWith(code);

        PaymentOutcome.Declined english = (PaymentOutcome.Declined) fixture.provider.start(
                Fixture.wallet(SampleRequests.newKey()));
        PaymentOutcome.Declined urdu = (PaymentOutcome.Declined) fixture.provider.start(
                Fixture.wallet(SampleRequests.newKey(), Fixture.URDU));

        assertEquals(code, english.code());
        assertTrue(english.customerMessage().chars().allMatch(c -> c < 0x600), english.customerMessage());
        assertTrue(urdu.customerMessage().chars().anyMatch(c -> c >= 0x600 && c <= 0x6FF), urdu.customerMessage());
        assertEquals(CustomerTexts.ENGLISH.decline(code), english.customerMessage());
        assertEquals(CustomerTexts.URDU.decline(code), urdu.customerMessage());
    }

    @Test
    void givenTheTable_whenComparedWithTheCodesThePluginKnows_thenEveryDocumentedCodeHasARowAndNoRowIsInvented() {
        Set<String> rows = TABLE.lines().filter(line -> !line.strip().startsWith("#"))
                .map(line -> line.split(",")[0].strip()).filter(code -> !code.isEmpty())
                .collect(Collectors.toSet());
        Set<String> known = Arrays.stream(ResponseCode.values()).map(ResponseCode::code).collect(Collectors.toSet());

        assertTrue(rows.containsAll(known), "codes without a row: " + known.stream().filter(c -> !rows.contains(c)).toList());
        rows.removeAll(known);
        assertEquals(Set.of("555"), rows, "only the deliberately unlisted code may be outside the plugin's list");
    }

    @Test
    void givenTheMainDeclines_whenExplained_thenEachHasItsOwnTextNotTheGeneralOne() {
        String general = CustomerTexts.ENGLISH.decline("210");
        for (String code : new String[] {"110", "118", "119", "120", "122", "123", "157"}) {
            assertNotEquals(general, CustomerTexts.ENGLISH.decline(code), code);
            assertNotEquals(CustomerTexts.URDU.decline("210"), CustomerTexts.URDU.decline(code), code);
        }
    }
}
