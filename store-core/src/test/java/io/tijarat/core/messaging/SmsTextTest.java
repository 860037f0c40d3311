package io.tijarat.core.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which text an SMS goes out with: the customer's language if the gateway and the limit allow, else English, never cut. */
class SmsTextTest {

    private static final String URDU = "محترم عائشہ، آپ کا آرڈر TJ-1042 پہنچا دیا گیا ہے۔ خریداری کا شکریہ۔";
    private static final String ENGLISH = "Dear Ayesha, your order TJ-1042 has been delivered. Thank you for shopping with us.";

    @Test
    void givenAUnicodeGateway_whenAnUrduCustomerIsTexted_thenInUrduAsUcs2() {
        SmsText chosen = SmsText.choose(List.of(new SmsText.Candidate("ur", URDU), new SmsText.Candidate("en", ENGLISH)),
                true, 3);

        assertEquals(Optional.of("ur"), chosen.locale());
        assertEquals(SmsEncoding.UCS_2, chosen.parts().orElseThrow().encoding());
        assertEquals(1, chosen.parts().orElseThrow().parts(), URDU.length() + " code units fit one 70-unit part");
    }

    @Test
    void givenAGatewayWithoutUnicode_whenAnUrduCustomerIsTexted_thenInEnglishRatherThanGarbled() {
        SmsText chosen = SmsText.choose(List.of(new SmsText.Candidate("ur", URDU), new SmsText.Candidate("en", ENGLISH)),
                false, 3);

        assertEquals(Optional.of(ENGLISH), chosen.text());
        assertEquals(SmsEncoding.GSM_7, chosen.parts().orElseThrow().encoding());
    }

    @Test
    void givenTextsLongerThanTheLimit_whenChosen_thenNoneIsCutAndTheReasonsAreGiven() {
        String longUrdu = URDU.repeat(3); // 3 × 67 = 201 code units: 3 parts of 67
        SmsText chosen = SmsText.choose(List.of(new SmsText.Candidate("ur", longUrdu)), true, 2);

        assertTrue(chosen.text().isEmpty());
        assertEquals("ur: 3 parts, more than tijarat.sms.max-parts=2", chosen.refusal().orElseThrow());
    }
}
