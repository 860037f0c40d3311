package io.tijarat.plugin.jazzcash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.tijarat.plugin.jazzcash.stub.StubHash;
import io.tijarat.spi.Secret;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The secure hash against values computed outside Java with
 * {@code printf '%s' "<text>" | openssl dgst -sha256 -hmac "<salt>"}, upper-cased; and each rule of the
 * notes on its own: which fields, which order, empty values skipped, salt first, upper-case hex,
 * case-insensitive constant-time verification.
 */
class SecureHashTest {

    /** openssl over {@code abc123salt&1500&20250303100000&T20250303100000&hello}. */
    private static final String SMALL_KNOWN_ANSWER = "B4930DE3ED9999627CF9DA5EDAFAD7F9CF0EE81E5F59AEF30B2B56A5C28ABF06";
    /** openssl over {@code abc123salt&004&Low balance&T20250303100000}: an unprefixed answer, in name order. */
    private static final String UNPREFIXED_KNOWN_ANSWER =
            "CA44B9EC6070B2CA13A299665CEF666BCA2FD7CD6037AA32AA9C25118C1EB9EA";
    /** openssl over the hosted form below, values in ASCII order of their names, salt first. */
    private static final String FORM_KNOWN_ANSWER = "F71AF92E489F839FA28C7B1E73FB71FEB0CE2E172FBDDE02335D8B80A6BF2842";

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    /** A hosted-checkout form as JazzCash documents it, deliberately not in name order. */
    static Map<String, String> hostedForm() {
        return fields("pp_Version", "1.1", "pp_TxnType", "MWALLET", "pp_Language", "EN", "pp_MerchantID", "MC10042",
                "pp_SubMerchantID", "", "pp_Password", "stubpass42", "pp_BankID", "", "pp_ProductID", "",
                "pp_TxnRefNo", "K7Q2M9X4B8C3D5E6", "pp_Amount", "150000", "pp_TxnCurrency", "PKR",
                "pp_TxnDateTime", "20250303100000", "pp_BillReference", "1042", "pp_Description", "Order 1042",
                "pp_TxnExpiryDateTime", "20250303110000",
                "pp_ReturnURL", "https://shop.example.pk/payments/jazzcash/return",
                "ppmpf_1", "", "ppmpf_2", "", "ppmpf_3", "", "ppmpf_4", "", "ppmpf_5", "");
    }

    private static SecureHash hash(String salt) {
        return new SecureHash(Secret.of(salt));
    }

    @Test
    void givenFieldsOutOfOrderWithAnEmptyOneAndAnUncoveredOne_whenSigned_thenTheOpensslValue() {
        Map<String, String> fields = fields("ppmpf_1", "hello", "pp_TxnRefNo", "T20250303100000", "pp_Description", "",
                "pp_Amount", "1500", "merchant_note", "not covered", "pp_TxnDateTime", "20250303100000",
                "pp_SecureHash", "ignored");

        assertEquals(SMALL_KNOWN_ANSWER, hash("abc123salt").sign(fields));
        assertEquals(SMALL_KNOWN_ANSWER, StubHash.of("abc123salt", fields), "the stub's own implementation agrees");
    }

    @Test
    void givenAnUnprefixedAnswer_whenVerified_thenTheSameRuleOverAllItsOtherFieldsGivesTheOpensslValue() {
        Map<String, String> answer = fields("txnRefNo", "T20250303100000", "responseMessage", "Low balance",
                "authCode", "", "responseCode", "004", "secureHash", UNPREFIXED_KNOWN_ANSWER.toLowerCase(Locale.ROOT));

        assertEquals(SecureHash.Verdict.VALID, hash("abc123salt").verifyUnprefixed(answer));
        assertEquals(UNPREFIXED_KNOWN_ANSWER, StubHash.ofUnprefixed("abc123salt", answer),
                "the stub's own implementation agrees");
        answer.put("responseCode", "000");
        assertEquals(SecureHash.Verdict.INVALID, hash("abc123salt").verifyUnprefixed(answer));
        answer.put("secureHash", "");
        assertEquals(SecureHash.Verdict.MISSING, hash("abc123salt").verifyUnprefixed(answer));
    }

    @Test
    void givenTheDocumentedHostedForm_whenSigned_thenTheOpensslValue() {
        assertEquals(FORM_KNOWN_ANSWER, hash("0F5DAE6G9H").sign(hostedForm()));
        assertEquals(FORM_KNOWN_ANSWER, StubHash.of("0F5DAE6G9H", hostedForm()));
    }

    @Test
    void givenNamesThatDifferInCase_whenTheMessageIsBuilt_thenTheyAreInAsciiOrderNotAlphabetical() {
        // ASCII puts upper case first: pp_C before pp_b. A case-insensitive sort would give salt&2&3.
        Map<String, String> fields = fields("pp_b", "2", "pp_C", "3");

        assertEquals("salt&3&2", SecureHash.message("salt", fields, false));
        assertEquals("B0AFCB8EA8E8805EB66ECDE48442388D76E98A102BF7840EC13E10DC5EC42DE1", hash("salt").sign(fields));
    }

    @Test
    void givenPpAndPpmpfFields_whenTheMessageIsBuilt_thenEveryPpFieldComesBeforeEveryPpmpfField() {
        Map<String, String> fields = fields("ppmpf_1", "custom", "pp_Version", "1.1", "pp_Amount", "100");

        assertEquals("s&100&1.1&custom", SecureHash.message("s", fields, false));
    }

    @Test
    void givenEmptyValues_whenTheMessageIsBuilt_thenTheyAreLeftOutWithoutAnEmptySlot() {
        Map<String, String> fields = fields("pp_Amount", "100", "pp_BankID", "", "pp_TxnRefNo", "R1");

        assertEquals("s&100&R1", SecureHash.message("s", fields, false), "an empty value leaves no '&&'");
    }

    @Test
    void givenWhitespaceOrZero_whenTheMessageIsBuilt_thenTheyAreValuesNotEmpty() {
        // Only "" is empty: PHP's empty() would also drop "0", and JazzCash would then answer 115.
        assertEquals("s&0& ", SecureHash.message("s", fields("pp_A", "0", "pp_B", " "), false));
    }

    @Test
    void givenFieldsOutsideTheRule_whenTheMessageIsBuilt_thenTheyAreNotCovered() {
        Map<String, String> fields = fields("pp_Amount", "100", "pp_SecureHash", "X", "ppmbf_1", "bank", "amount", "9",
                "PP_Upper", "7");

        assertEquals("s&100", SecureHash.message("s", fields, false));
    }

    @Test
    void givenAnyFields_whenTheMessageIsBuilt_thenItStartsWithTheSaltEvenWithNoCoveredField() {
        assertEquals("salt", SecureHash.message("salt", fields("other", "x"), false));
        assertEquals("salt&x", SecureHash.message("salt", fields("pp_A", "x"), false));
    }

    @Test
    void givenASignature_whenItIsRead_thenItIsUpperCaseHexOf64Characters() {
        String signature = hash("abc123salt").sign(fields("pp_Amount", "1500"));

        assertEquals(64, signature.length());
        assertEquals(signature.toUpperCase(Locale.ROOT), signature);
    }

    @Test
    void givenAMatchingHashInLowerCase_whenVerified_thenValid() {
        Map<String, String> fields = fields("pp_Amount", "1500", "pp_TxnRefNo", "T20250303100000", "pp_TxnDateTime",
                "20250303100000", "ppmpf_1", "hello", "pp_SecureHash", SMALL_KNOWN_ANSWER.toLowerCase(Locale.ROOT));

        assertEquals(SecureHash.Verdict.VALID, hash("abc123salt").verify(fields));
    }

    @Test
    void givenOneChangedValue_whenVerified_thenInvalid() {
        Map<String, String> fields = fields("pp_Amount", "1501", "pp_TxnRefNo", "T20250303100000", "pp_TxnDateTime",
                "20250303100000", "ppmpf_1", "hello", "pp_SecureHash", SMALL_KNOWN_ANSWER);

        assertEquals(SecureHash.Verdict.INVALID, hash("abc123salt").verify(fields));
    }

    @Test
    void givenTheRightFieldsButAnotherSalt_whenVerified_thenInvalid() {
        Map<String, String> fields = new LinkedHashMap<>(hostedForm());
        fields.put("pp_SecureHash", FORM_KNOWN_ANSWER);

        assertEquals(SecureHash.Verdict.VALID, hash("0F5DAE6G9H").verify(fields));
        assertEquals(SecureHash.Verdict.INVALID, hash("0F5DAE6G9I").verify(fields));
    }

    @Test
    void givenNoHashOrAnEmptyOne_whenVerified_thenMissing() {
        assertEquals(SecureHash.Verdict.MISSING, hash("s").verify(fields("pp_Amount", "1")));
        assertEquals(SecureHash.Verdict.MISSING, hash("s").verify(fields("pp_Amount", "1", "pp_SecureHash", "")));
    }

    @Test
    void givenEchoedBankFieldsCoveredByTheHash_whenVerified_thenValidEitherWay() {
        Map<String, String> fields = fields("pp_Amount", "100", "ppmbf_1", "bank");
        // The same text, s&100&bank, as a hash over pp_Amount and ppmbf_1 would MAC.
        String withBankFields = StubHash.of("s", fields("pp_Amount", "100", "ppmpf_9", "bank"));
        fields.put("pp_SecureHash", withBankFields);

        assertEquals(SecureHash.Verdict.VALID, hash("s").verify(fields), "hash over pp_ and ppmbf_ fields");
        fields.put("pp_SecureHash", StubHash.of("s", fields("pp_Amount", "100")));
        assertEquals(SecureHash.Verdict.VALID, hash("s").verify(fields), "hash over pp_ fields only, as documented");
    }

    @Test
    void givenTheSameFieldsInAnotherOrder_whenSigned_thenTheSameHash() {
        List<Map.Entry<String, String>> entries = new ArrayList<>(hostedForm().entrySet());
        Collections.reverse(entries);
        Map<String, String> reversed = new LinkedHashMap<>();
        entries.forEach(entry -> reversed.put(entry.getKey(), entry.getValue()));

        assertEquals(hash("0F5DAE6G9H").sign(hostedForm()), hash("0F5DAE6G9H").sign(reversed));
        assertNotEquals(hash("0F5DAE6G9H").sign(hostedForm()), hash("other").sign(hostedForm()));
    }

    @Test
    void givenTheHash_whenPrinted_thenTheSaltDoesNotShow() {
        assertEquals("SecureHash[HMAC-SHA256, salt ***]", hash("0F5DAE6G9H").toString());
    }
}
