package io.tijarat.plugin.jazzcash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.plugin.jazzcash.stub.JazzCashStub;
import io.tijarat.plugin.jazzcash.stub.StubCodes;
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
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every code in JazzCash's published list, and one that is not in it (555), through every operation that can
 * receive it, over HTTP against the stub answering that code (signed). One row per code; each column is
 * checked by its own test, so a failure names the code and the operation.
 *
 * <p>Columns: the code; a wallet payment answered with it; a voucher answered with it; an inquiry whose
 * transaction stands at the code ({@code pp_PaymentResponseCode}, with the {@code pp_Status} JazzCash's list
 * gives it); an inquiry answered with the code as its own {@code pp_ResponseCode}; a refund answered with
 * it; a signed return/IPN carrying it. "Permanent" and "Transient" are the SPI's two exceptions. Where each
 * reading comes from is written on the code in {@link ResponseCode}.
 *
 * <p>One stub serves the whole table: every row uses its own attempt ids and the stub's per-reference codes,
 * so no row changes what another sees.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponseCodeTableTest {

    static final String TABLE = """
            # code,     wallet,     voucher,    inquiry,    inq. own,   refund,     callback
            000,        Approved,   Pending,    Paid,       Unknown,    Refunded,   Paid
            001,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            002,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            003,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            004,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            014,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            015,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            016,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            024,        Declined,   Declined,   Failed,     Unknown,    Permanent,  Failed
            055,        Unknown,    Unknown,    Unknown,    Transient,  Unknown,    Unknown
            058,        Unknown,    Unknown,    Unknown,    Transient,  Unknown,    Unknown
            059,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            060,        Declined,   Declined,   Failed,     Unknown,    Permanent,  Failed
            062,        Unknown,    Unknown,    Unknown,    Transient,  Unknown,    Unknown
            063,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            066,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            067,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            095,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            101,        Permanent,  Permanent,  Failed,     Permanent,  Permanent,  Failed
            102,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            103,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            104,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            105,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            106,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            107,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            108,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            109,        Unknown,    Unknown,    NotFound,   NotFound,   Declined,   Unknown
            110,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            111,        Permanent,  Permanent,  Failed,     Permanent,  Permanent,  Failed
            112,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            113,        Unknown,    Unknown,    Unknown,    Unknown,    Declined,   Unknown
            115,        Permanent,  Permanent,  Failed,     Permanent,  Permanent,  Failed
            116,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            117,        Permanent,  Permanent,  Failed,     Permanent,  Permanent,  Failed
            118,        Transient,  Transient,  Failed,     Transient,  Transient,  Failed
            119,        Unknown,    Unknown,    Unknown,    Unknown,    Unknown,    Unknown
            120,        Unknown,    Unknown,    Unknown,    Unknown,    Unknown,    Unknown
            121,        Approved,   Pending,    Paid,       Unknown,    Unknown,    Paid
            122,        Unknown,    Unknown,    Failed,     Unknown,    Unknown,    Failed
            124,        Pending,    Pending,    Pending,    Unknown,    Pending,    Pending
            125,        Unknown,    Unknown,    Unknown,    Unknown,    Unknown,    Unknown
            126,        Unknown,    Unknown,    Unknown,    Unknown,    Unknown,    Unknown
            127,        Transient,  Transient,  Failed,     Transient,  Transient,  Failed
            128,        Unknown,    Unknown,    Unknown,    Unknown,    Unknown,    Unknown
            129,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            131,        Unknown,    Unknown,    Failed,     Unknown,    Unknown,    Failed
            132,        Unknown,    Unknown,    Unknown,    Unknown,    Declined,   Unknown
            134,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            135,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            157,        Pending,    Pending,    Pending,    Unknown,    Pending,    Pending
            199,        Unknown,    Unknown,    Unknown,    Transient,  Unknown,    Unknown
            200,        Approved,   Pending,    Paid,       Unknown,    Unknown,    Paid
            210,        Pending,    Pending,    Pending,    Unknown,    Pending,    Pending
            401,        Unknown,    Unknown,    Unknown,    Transient,  Unknown,    Unknown
            402,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            403,        Unknown,    Unknown,    Unknown,    Transient,  Unknown,    Unknown
            404,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            405,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            406,        Unknown,    Unknown,    Unknown,    Transient,  Unknown,    Unknown
            407,        Unknown,    Unknown,    Unknown,    Transient,  Unknown,    Unknown
            408,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            409,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            410,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            411,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            412,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            414,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            415,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            416,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            417,        Unknown,    Unknown,    Unknown,    Unknown,    Unknown,    Unknown
            419,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            421,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            422,        Unknown,    Unknown,    Unknown,    Unknown,    Unknown,    Unknown
            423,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            424,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            425,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            426,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            429,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            430,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            431,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            432,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            433,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            434,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            435,        Unknown,    Unknown,    Unknown,    Unknown,    Unknown,    Unknown
            436,        Unknown,    Unknown,    Unknown,    Unknown,    Unknown,    Unknown
            437,        Unknown,    Unknown,    Unknown,    Unknown,    Unknown,    Unknown
            438,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            439,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            440,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            441,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            442,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            443,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            444,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            446,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            448,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            449,        Unknown,    Unknown,    Unknown,    Unknown,    Unknown,    Unknown
            450,        Unknown,    Unknown,    Unknown,    Unknown,    Unknown,    Unknown
            451,        Unknown,    Unknown,    Unknown,    Unknown,    Declined,   Unknown
            452,        Unknown,    Unknown,    Unknown,    Unknown,    Declined,   Unknown
            453,        Declined,   Declined,   Failed,     Unknown,    Declined,   Failed
            454,        Unknown,    Unknown,    Unknown,    Unknown,    Declined,   Unknown
            455,        Unknown,    Unknown,    Unknown,    Unknown,    Declined,   Unknown
            999,        Unknown,    Unknown,    Unknown,    Transient,  Unknown,    Unknown
            555,        Unknown,    Unknown,    Unknown,    Unknown,    Unknown,    Unknown
            """;

    private static final Instant STARTED = Instant.parse("2025-03-03T05:00:00Z");
    private static final JazzCashTexts IN_ENGLISH = JazzCashTexts.of(Locale.ENGLISH);
    private static final JazzCashTexts IN_URDU = JazzCashTexts.of(Fixture.URDU);

    private final Fixture fixture = Fixture.start();
    private final JazzCashStub stub = fixture.stub;

    @AfterAll
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

    /** A wallet payment the stub approved: a transaction to inquire about, refund, or report on. */
    private IdempotencyKey paidWallet() {
        IdempotencyKey attemptId = SampleRequests.newKey();
        assertEquals("Approved", kind(() -> fixture.provider.start(Fixture.wallet(attemptId))));
        return attemptId;
    }

    @ParameterizedTest(name = "wallet payment answered {0} -> {1}")
    @CsvSource(textBlock = TABLE)
    void givenJazzCashAnswersTheCode_whenAWalletPaymentStarts_thenTheTablesOutcome(String code, String wallet) {
        IdempotencyKey attemptId = SampleRequests.newKey();
        stub.answerStartWith(attemptId.value(), code);

        assertEquals(wallet, kind(() -> fixture.provider.start(Fixture.wallet(attemptId))));
    }

    @ParameterizedTest(name = "voucher answered {0} -> {2}")
    @CsvSource(textBlock = TABLE)
    void givenJazzCashAnswersTheCode_whenAVoucherIsRequested_thenTheTablesOutcome(String code, String wallet,
                                                                                 String voucher) {
        IdempotencyKey attemptId = SampleRequests.newKey();
        stub.answerStartWith(attemptId.value(), code);

        assertEquals(voucher, kind(() -> fixture.provider.start(Fixture.voucher(attemptId))));
    }

    @ParameterizedTest(name = "inquiry reporting payment code {0} -> {3}")
    @CsvSource(textBlock = TABLE)
    void givenTheTransactionStandsAtTheCode_whenInquired_thenTheTablesOutcome(String code, String wallet,
                                                                             String voucher, String inquiry) {
        IdempotencyKey attemptId = paidWallet();
        stub.report(attemptId.value(), code);

        assertEquals(inquiry, kind(() -> fixture.provider.inquire(SampleRequests.inquiry(attemptId, STARTED))));
    }

    @ParameterizedTest(name = "inquiry itself answered {0} -> {4}")
    @CsvSource(textBlock = TABLE)
    void givenTheInquiryItselfAnswersTheCode_whenInquired_thenTheTablesOutcome(String code, String wallet,
            String voucher, String inquiry, String inquiryOwn) {
        IdempotencyKey attemptId = paidWallet();
        stub.answerInquiryWith(attemptId.value(), code);

        assertEquals(inquiryOwn, kind(() -> fixture.provider.inquire(SampleRequests.inquiry(attemptId, STARTED))));
    }

    @ParameterizedTest(name = "refund answered {0} -> {5}")
    @CsvSource(textBlock = TABLE)
    void givenJazzCashAnswersTheCode_whenRefunding_thenTheTablesOutcome(String code, String wallet, String voucher,
            String inquiry, String inquiryOwn, String refund) {
        IdempotencyKey paid = paidWallet();
        stub.answerRefundWith(paid.value(), code);

        assertEquals(refund, kind(() -> fixture.provider.refund(new RefundRequest(SampleRequests.newKey(), paid,
                Optional.empty(), Money.pkr(150_000), SampleRequests.AMOUNT, "returned"))));
    }

    @ParameterizedTest(name = "callback with {0} -> {6}")
    @CsvSource(textBlock = TABLE)
    void givenASignedCallbackWithTheCode_whenVerified_thenTheTablesStatus(String code, String wallet, String voucher,
            String inquiry, String inquiryOwn, String refund, String callback) {
        IdempotencyKey attemptId = paidWallet();
        stub.report(attemptId.value(), code);

        CallbackOutcome outcome = fixture.provider.verifyCallback(Fixture.callback(CallbackRequest.Source.NOTIFICATION,
                stub.callbackBody(attemptId.value())));

        CallbackOutcome.Verified verified = (CallbackOutcome.Verified) outcome;
        assertEquals(callback, verified.status().getClass().getSimpleName());
        assertEquals(callback.equals("Unknown"), verified.confirmByInquiry());
    }

    /** The codes the table declares Declined for a wallet payment. */
    static Stream<String> declineCodes() {
        return rows().filter(columns -> columns[1].equals("Declined")).map(columns -> columns[0]);
    }

    private static Stream<String[]> rows() {
        return TABLE.lines().filter(line -> !line.strip().startsWith("#") && !line.isBlank())
                .map(line -> Arrays.stream(line.split(",")).map(String::strip).toArray(String[]::new));
    }

    @ParameterizedTest(name = "decline {0} is explained in English and Urdu")
    @MethodSource("declineCodes")
    void givenADeclineCode_whenTheCustomerIsTold_thenTheReasonInEnglishOrUrdu(String code) {
        IdempotencyKey english = SampleRequests.newKey();
        IdempotencyKey urdu = SampleRequests.newKey();
        stub.answerStartWith(english.value(), code).answerStartWith(urdu.value(), code);

        PaymentOutcome.Declined inEnglish = (PaymentOutcome.Declined) fixture.provider.start(Fixture.wallet(english));
        PaymentOutcome.Declined inUrdu = (PaymentOutcome.Declined) fixture.provider.start(
                Fixture.wallet(urdu, Fixture.URDU));

        assertEquals(code, inEnglish.code());
        assertTrue(inEnglish.customerMessage().chars().allMatch(c -> c < 0x600), inEnglish.customerMessage());
        assertTrue(inUrdu.customerMessage().chars().anyMatch(c -> c >= 0x600 && c <= 0x6FF), inUrdu.customerMessage());
        assertEquals(IN_ENGLISH.decline(code), inEnglish.customerMessage());
        assertEquals(IN_URDU.decline(code), inUrdu.customerMessage());
    }

    @Test
    void givenTheTable_whenComparedWithThePluginsAndTheStubsLists_thenEveryPublishedCodeHasExactlyOneRow() {
        Set<String> rows = rows().map(columns -> columns[0]).collect(Collectors.toSet());
        Set<String> plugin = Arrays.stream(ResponseCode.values()).map(ResponseCode::code).collect(Collectors.toSet());
        Set<String> published = new HashSet<>(StubCodes.TEXTS.keySet());

        assertEquals(rows().count(), rows.size(), "a code has two rows");
        assertEquals(published, plugin, "the plugin's list and the stub's copy of JazzCash's list differ");
        rows.removeAll(plugin);
        assertEquals(Set.of("555"), rows, "only the deliberately unlisted code may be outside the published list");
    }

    @Test
    void givenTheMainDeclines_whenExplained_thenEachHasItsOwnTextNotTheGeneralOne() {
        String general = IN_ENGLISH.decline("095");
        for (String code : new String[] {"001", "002", "003", "004", "024", "060", "110", "112", "129", "134", "402"}) {
            assertNotEquals(general, IN_ENGLISH.decline(code), code);
            assertNotEquals(IN_URDU.decline("095"), IN_URDU.decline(code), code);
        }
    }
}
