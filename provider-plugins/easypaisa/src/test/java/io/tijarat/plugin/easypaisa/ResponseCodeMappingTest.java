package io.tijarat.plugin.easypaisa;

import io.tijarat.spi.json.Json;
import io.tijarat.spi.json.JsonException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.ProviderException;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.kit.SampleRequests;
import io.tijarat.spi.payment.CustomerAction;
import io.tijarat.spi.payment.InquiryOutcome;
import io.tijarat.spi.payment.InquiryRequest;
import io.tijarat.spi.payment.PaymentOutcome;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every response code and status EasyPaisa is known to send, and what it becomes — for a payment start and
 * for an inquiry. The tables are the specification: a code added to {@link ResponseCode} without a row here
 * fails {@link #givenEveryKnownResponseCode_whenTheTablesAreRead_thenEachHasARowForStartAndForInquiry}.
 */
class ResponseCodeMappingTest {

    private static final IdempotencyKey ATTEMPT = IdempotencyKey.of("T7K2M9Q4X1B8C3D5");
    private static final Instant SENT_EXPIRY = Instant.parse("2025-03-06T05:00:00Z");
    private static final EasyPaisaSettings SETTINGS = EasyPaisaSettings.from(Fixtures.context(null).build().config());

    /** code, status ("" = none), flow, expected: Approved | Pending:&lt;action&gt; | Declined:&lt;code&gt; | Unknown | Permanent | Transient. */
    static final List<Arguments> START = List.of(
            Arguments.of("0000", "", "MA", "Pending:ApproveOnPhone"),
            Arguments.of("0000", "PENDING", "MA", "Pending:ApproveOnPhone"),
            Arguments.of("0000", "PAID", "MA", "Approved"),
            Arguments.of("0000", "paid", "MA", "Approved"),
            Arguments.of("0000", "FAILED", "MA", "Declined:FAILED"),
            Arguments.of("0000", "BLOCKED", "MA", "Declined:BLOCKED"),
            Arguments.of("0000", "EXPIRED", "MA", "Declined:EXPIRED"),
            Arguments.of("0000", "REVERSED", "MA", "Declined:REVERSED"),
            Arguments.of("0000", "ON_HOLD", "MA", "Unknown"),
            Arguments.of("0000", "", "OTC", "Pending:PayVoucher"),
            Arguments.of("0000", "PENDING", "OTC", "Pending:PayVoucher"),
            Arguments.of("0000", "FAILED", "OTC", "Declined:FAILED"),
            Arguments.of("0001", "", "MA", "Unknown"),
            Arguments.of("0002", "", "MA", "Declined:0002"),
            Arguments.of("0003", "", "MA", "Unknown"),
            Arguments.of("0004", "", "MA", "Permanent"),
            Arguments.of("0005", "", "MA", "Permanent"),
            Arguments.of("0006", "", "MA", "Permanent"),
            Arguments.of("0007", "", "OTC", "Permanent"),
            Arguments.of("0008", "", "OTC", "Permanent"),
            Arguments.of("0010", "", "MA", "Permanent"),
            Arguments.of("0013", "", "MA", "Declined:0013"),
            Arguments.of("0014", "", "MA", "Declined:0014"),
            Arguments.of("9999", "", "MA", "Unknown"));

    /** code, status ("" = none), expected: Paid | Pending | Failed:&lt;status&gt; | NotFound | Unknown | Permanent | Transient. */
    static final List<Arguments> INQUIRY = List.of(
            Arguments.of("0000", "PAID", "Paid"),
            Arguments.of("0000", "PENDING", "Pending"),
            Arguments.of("0000", "FAILED", "Failed:FAILED"),
            Arguments.of("0000", "BLOCKED", "Failed:BLOCKED"),
            Arguments.of("0000", "EXPIRED", "Failed:EXPIRED"),
            Arguments.of("0000", "REVERSED", "Failed:REVERSED"),
            Arguments.of("0000", "", "Unknown"),
            Arguments.of("0000", "SETTLING", "Unknown"),
            Arguments.of("0001", "", "Transient"),
            Arguments.of("0002", "", "Permanent"),
            Arguments.of("0003", "", "NotFound"),
            Arguments.of("0004", "", "Permanent"),
            Arguments.of("0005", "", "Permanent"),
            Arguments.of("0006", "", "Permanent"),
            Arguments.of("0007", "", "Permanent"),
            Arguments.of("0008", "", "Unknown"),
            Arguments.of("0010", "", "Permanent"),
            Arguments.of("0013", "", "Unknown"),
            Arguments.of("0014", "", "Unknown"),
            Arguments.of("9999", "", "Unknown"));

    static Stream<Arguments> start() {
        return START.stream();
    }

    static Stream<Arguments> inquiry() {
        return INQUIRY.stream();
    }

    @ParameterizedTest(name = "start {2}: responseCode {0}, transactionStatus ''{1}'' -> {3}")
    @MethodSource("start")
    void givenAnInitiationAnswer_whenRead_thenTheTableSaysWhatItBecomes(String code, String status, String flow,
                                                                         String expected) {
        assertEquals(expected, describe(() -> startAnswers(flow, Locale.ENGLISH).read(answer(code, status, flow))));
    }

    @ParameterizedTest(name = "inquiry: responseCode {0}, transactionStatus ''{1}'' -> {2}")
    @MethodSource("inquiry")
    void givenAnInquiryAnswer_whenRead_thenTheTableSaysWhatItBecomes(String code, String status, String expected) {
        assertEquals(expected, describe(() -> inquiryAnswers().read(answer(code, status, "MA"))));
    }

    @Test
    void givenEveryKnownResponseCode_whenTheTablesAreRead_thenEachHasARowForStartAndForInquiry() {
        Set<String> known = Arrays.stream(ResponseCode.values()).map(ResponseCode::code).collect(Collectors.toSet());

        assertEquals(known, START.stream().map(row -> (String) row.get()[0]).filter(known::contains)
                .collect(Collectors.toSet()), "a response code without a start row");
        assertEquals(known, INQUIRY.stream().map(row -> (String) row.get()[0]).filter(known::contains)
                .collect(Collectors.toSet()), "a response code without an inquiry row");
    }

    @Test
    void givenTheNotesDocumentedCodes_whenListed_thenAllAreKnownAndMarkedAsFromTheNotes() {
        for (String code : List.of("0000", "0001", "0002", "0006", "0010")) {
            assertEquals(ResponseCode.Source.NOTES, ResponseCode.of(code).orElseThrow().source(), code);
        }
    }

    @ParameterizedTest(name = "{0} -> ''{1}'' / ''{2}''")
    @CsvSource(delimiter = '|', textBlock = """
            0000 + FAILED   | did not go through      | مکمل نہیں ہو سکی
            0000 + BLOCKED  | cannot make this payment | رابطہ کریں
            0000 + EXPIRED  | expired before          | ختم ہو گئی
            0000 + REVERSED | reversed this payment   | واپس کر دی
            0002            | did not accept          | قبول نہیں کیں
            0013            | enough balance          | کافی بیلنس نہیں
            0014            | no EasyPaisa account    | کوئی ایزی پیسہ اکاؤنٹ نہیں
            """)
    void givenADecline_whenTheCustomerReadsIt_thenItSaysWhyInEnglishOrUrdu(String answer, String english, String urdu) {
        String code = answer.split(" \\+ ")[0];
        String status = answer.contains("+") ? answer.split(" \\+ ")[1] : "";

        PaymentOutcome.Declined inEnglish = assertInstanceOf(PaymentOutcome.Declined.class,
                startAnswers("MA", Locale.ENGLISH).read(answer(code, status, "MA")));
        PaymentOutcome.Declined inUrdu = assertInstanceOf(PaymentOutcome.Declined.class,
                startAnswers("MA", Fixtures.URDU).read(answer(code, status, "MA")));

        assertTrue(inEnglish.customerMessage().contains(english), inEnglish.customerMessage());
        assertTrue(inUrdu.customerMessage().contains(urdu), inUrdu.customerMessage());
        assertEquals(inEnglish.code(), inUrdu.code(), "the code is for staff and does not depend on the language");
        assertFalse(inEnglish.customerMessage().matches(".*\\b0\\d{3}\\b.*"), "no gateway codes for the customer");
    }

    @ParameterizedTest(name = "HTTP {0} with {1} -> start {2}, inquiry {3}")
    @CsvSource(delimiter = '|', textBlock = """
            200 | html                  | Unknown    | Transient
            200 | truncated             | Unknown    | Transient
            200 | {}                    | Unknown    | Transient
            500 | html                  | Unknown    | Transient
            500 | {"responseCode":"0001"} | Unknown  | Transient
            502 | html                  | Unknown    | Transient
            503 | html                  | Transient  | Transient
            429 | html                  | Transient  | Transient
            401 | html                  | Permanent  | Permanent
            400 | {"responseCode":"0002"} | Declined:0002 | Permanent
            403 | html                  | Unknown    | Transient
            302 | html                  | Unknown    | Transient
            """)
    void givenAnAnswerThatIsNotEasyPaisasJson_whenRead_thenStartIsUnknownAndInquiryTransient(int status, String body,
                                                                                             String start,
                                                                                             String inquiry) {
        EasyPaisaApi.Answer answer = body.startsWith("{") ? parsed(status, body)
                : new EasyPaisaApi.Unreadable(status, "HTTP " + status + " with text/html", Optional.empty());

        assertEquals(start, describe(() -> startAnswers("MA", Locale.ENGLISH).read(answer)));
        assertEquals(inquiry, describe(() -> inquiryAnswers().read(answer)));
    }

    @Test
    void givenA503WithRetryAfter_whenStarting_thenTheTransientFailureCarriesIt() {
        EasyPaisaApi.Answer busy = new EasyPaisaApi.Unreadable(503, "HTTP 503", Optional.of(java.time.Duration
                .ofSeconds(30)));

        TransientProviderException failure = assertThrows(TransientProviderException.class,
                () -> startAnswers("MA", Locale.ENGLISH).read(busy));

        assertEquals(Optional.of(java.time.Duration.ofSeconds(30)), failure.retryAfter());
    }

    @Test
    void givenPaidWithTheAmountAsANumber_whenInquired_thenPaidWithThatAmountAndTheTransactionId() {
        Map<String, Object> body = body("0000", "PAID", "MA");
        body.put("transactionAmount", new io.tijarat.spi.json.JsonNumber("1499.5"));

        InquiryOutcome.Paid paid = assertInstanceOf(InquiryOutcome.Paid.class,
                inquiryAnswers().read(new EasyPaisaApi.Parsed(200, body, Optional.empty())));

        assertEquals(Money.pkr(149_950), paid.amount(), "the amount EasyPaisa reports, for the core to compare");
        assertEquals("18250021542", paid.gatewayReference());
    }

    @Test
    void givenPaidWithoutAReadableAmount_whenInquired_thenUnknownRatherThanAGuess() {
        Map<String, Object> body = body("0000", "PAID", "MA");
        body.put("transactionAmount", "1,500.00");

        assertInstanceOf(InquiryOutcome.Unknown.class,
                inquiryAnswers().read(new EasyPaisaApi.Parsed(200, body, Optional.empty())));
    }

    @Test
    void givenAnAnswerAboutAnotherOrder_whenRead_thenUnknownForStartAndInquiry() {
        Map<String, Object> body = body("0000", "PAID", "MA");
        body.put("orderId", "ZZZZZZZZZZZZ");
        EasyPaisaApi.Parsed answer = new EasyPaisaApi.Parsed(200, body, Optional.empty());

        assertInstanceOf(PaymentOutcome.Unknown.class, startAnswers("MA", Locale.ENGLISH).read(answer));
        assertInstanceOf(InquiryOutcome.Unknown.class, inquiryAnswers().read(answer));
    }

    @Test
    void givenAFailedInquiryWithAReason_whenRead_thenStaffSeeTheReasonWithNumbersMasked() {
        Map<String, Object> body = body("0000", "FAILED", "MA");
        body.put("errorCode", "E102");
        body.put("errorReason", "Customer 03001234567 did not enter the PIN");

        InquiryOutcome.Failed failed = assertInstanceOf(InquiryOutcome.Failed.class,
                inquiryAnswers().read(new EasyPaisaApi.Parsed(200, body, Optional.empty())));

        assertTrue(failed.message().contains("E102"), failed.message());
        assertFalse(failed.message().contains("03001234567"), "staff screens must not show the whole number");
    }

    @Test
    void givenAVoucherWithoutItsOwnExpiry_whenRead_thenItExpiresWhenWeAskedItTo() {
        Map<String, Object> body = body("0000", "", "OTC");
        body.remove("paymentTokenExpiryDateTime");

        CustomerAction.PayVoucher voucher = assertInstanceOf(CustomerAction.PayVoucher.class,
                assertInstanceOf(PaymentOutcome.Pending.class, startAnswers("OTC", Locale.ENGLISH)
                        .read(new EasyPaisaApi.Parsed(200, body, Optional.empty()))).next());

        assertEquals(SENT_EXPIRY, voucher.expiresAt());
    }

    @Test
    void givenAVoucherWithTheSoapSpellingOfItsExpiry_whenRead_thenThatExpiryIsShown() {
        Map<String, Object> body = body("0000", "", "OTC");
        body.remove("paymentTokenExpiryDateTime");
        body.put("paymentTokenExiryDateTime", "2025-03-04T15:47:25.922+05:00");

        CustomerAction.PayVoucher voucher = assertInstanceOf(CustomerAction.PayVoucher.class,
                assertInstanceOf(PaymentOutcome.Pending.class, startAnswers("OTC", Locale.ENGLISH)
                        .read(new EasyPaisaApi.Parsed(200, body, Optional.empty()))).next());

        assertEquals(Instant.parse("2025-03-04T10:47:25.922Z"), voucher.expiresAt());
    }

    @Test
    void givenAVoucherWithoutAToken_whenRead_thenUnknownBecauseTheCustomerCouldNotPay() {
        Map<String, Object> body = body("0000", "", "OTC");
        body.remove("paymentToken");

        assertInstanceOf(PaymentOutcome.Unknown.class, startAnswers("OTC", Locale.ENGLISH)
                .read(new EasyPaisaApi.Parsed(200, body, Optional.empty())));
    }

    @Test
    void givenInvalidCredentials_whenRead_thenThePermanentFailureNamesTheKeysToCheck() {
        PermanentProviderException failure = assertThrows(PermanentProviderException.class,
                () -> startAnswers("MA", Locale.ENGLISH).read(answer("0010", "", "MA")));

        assertTrue(failure.getMessage().contains("tijarat.provider.easypaisa.username"), failure.getMessage());
        assertTrue(failure.getMessage().contains("tijarat.provider.easypaisa.password"), failure.getMessage());
        assertFalse(failure.getMessage().contains(SETTINGS.password().reveal()), "never the secret itself");
    }

    @Test
    void givenTheSameDeclineInTwoLanguages_whenRead_thenTheMessagesDiffer() {
        PaymentOutcome english = startAnswers("MA", Locale.ENGLISH).read(answer("0013", "", "MA"));
        PaymentOutcome urdu = startAnswers("MA", Fixtures.URDU).read(answer("0013", "", "MA"));

        assertNotEquals(english, urdu);
    }

    // ------------------------------------------------------------------------------------- helpers

    private static StartAnswers startAnswers(String flow, Locale locale) {
        return new StartAnswers(flow.equals("MA") ? StartAnswers.Flow.MOBILE_ACCOUNT : StartAnswers.Flow.VOUCHER,
                ATTEMPT, SampleRequests.AMOUNT, EasyPaisaTexts.of(locale), SENT_EXPIRY, SETTINGS);
    }

    private static InquiryAnswers inquiryAnswers() {
        return new InquiryAnswers(new InquiryRequest(ATTEMPT, Optional.empty(), SampleRequests.AMOUNT,
                Instant.parse("2025-03-03T05:00:00Z")), SETTINGS);
    }

    private static EasyPaisaApi.Parsed answer(String code, String status, String flow) {
        return new EasyPaisaApi.Parsed(200, body(code, status, flow), Optional.empty());
    }

    /** An answer as EasyPaisa writes it, numbers and all. */
    private static Map<String, Object> body(String code, String status, String flow) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", ATTEMPT.value());
        body.put("storeId", new io.tijarat.spi.json.JsonNumber("43210"));
        body.put("transactionId", "18250021542");
        body.put("transactionDateTime", "03/03/2025 10:00 AM");
        body.put("transactionAmount", "1500.0");
        if (flow.equals("OTC")) {
            body.put("paymentToken", "59234211");
            body.put("paymentTokenExpiryDateTime", "20250305 100000");
        }
        if (!status.isEmpty()) {
            body.put("transactionStatus", status);
        }
        body.put("responseCode", code);
        body.put("responseDesc", "whatever EasyPaisa says");
        return body;
    }

    private static EasyPaisaApi.Parsed parsed(int status, String json) {
        try {
            return new EasyPaisaApi.Parsed(status, Json.parseObject(json), Optional.empty());
        } catch (JsonException e) {
            throw new AssertionError(e);
        }
    }

    /** The outcome's kind, the way the tables write it; exceptions other than the SPI's fail the test. */
    private static String describe(java.util.function.Supplier<Object> read) {
        try {
            Object outcome = read.get();
            if (outcome instanceof PaymentOutcome.Pending pending) {
                return "Pending:" + pending.next().getClass().getSimpleName();
            }
            if (outcome instanceof PaymentOutcome.Declined declined) {
                return "Declined:" + declined.code();
            }
            if (outcome instanceof InquiryOutcome.Failed failed) {
                return "Failed:" + failed.code();
            }
            return outcome.getClass().getSimpleName();
        } catch (ProviderException e) {
            return e instanceof TransientProviderException ? "Transient" : "Permanent";
        }
    }
}
