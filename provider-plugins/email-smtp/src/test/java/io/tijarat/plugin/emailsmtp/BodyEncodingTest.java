package io.tijarat.plugin.emailsmtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Bodies are 7-bit with lines of at most 76: quoted-printable for ASCII text, base64 for anything else. */
class BodyEncodingTest {

    @Test
    void givenAsciiText_whenEncoded_thenQuotedPrintableThatLeavesOrdinaryTextAlone() {
        BodyEncoding encoding = BodyEncoding.of("Your order 1042 has been dispatched.");

        assertEquals("quoted-printable", encoding.name());
        assertEquals("Your order 1042 has been dispatched.", encoding.body());
    }

    @Test
    void givenEqualsSignsAndTrailingWhitespace_whenEncoded_thenTheyAreEscaped() {
        assertEquals("a=3Db=20\r\nc=09\r\nd", BodyEncoding.of("a=b \nc\t\r\nd").body());
    }

    @Test
    void givenALongLine_whenEncoded_thenSoftBreaksKeepEveryLineWithin76AndNeverSplitAnEscape() {
        String text = ("abc=def ").repeat(40);

        String body = BodyEncoding.of(text).body();

        for (String line : body.split("\r\n")) {
            assertTrue(line.length() <= 76, line.length() + ": " + line);
            assertTrue(!line.matches(".*=[0-9A-F]?$") || line.endsWith("="), "an escape was split: " + line);
        }
        assertEquals(text, body.replace("=\r\n", "").replace("=3D", "=").replace("=20", " "));
    }

    @Test
    void givenUrdu_whenEncoded_thenBase64OfUtf8InLinesOf76() {
        String text = Fixture.URDU_TEXT.repeat(5);

        BodyEncoding encoding = BodyEncoding.of(text);

        assertEquals("base64", encoding.name());
        for (String line : encoding.body().split("\r\n")) {
            assertTrue(line.length() <= 76, line);
        }
        assertEquals(text, new String(Base64.getMimeDecoder().decode(encoding.body()), StandardCharsets.UTF_8));
    }

    @Test
    void givenLfOrCrLineBreaksInUrdu_whenEncoded_thenTheCanonicalFormHasCrlf() {
        BodyEncoding encoding = BodyEncoding.of("سطر\nسطر\rسطر");

        assertEquals("سطر\r\nسطر\r\nسطر",
                new String(Base64.getMimeDecoder().decode(encoding.body()), StandardCharsets.UTF_8));
    }
}
