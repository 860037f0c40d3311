package io.tijarat.plugin.emailsmtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The DATA section: dot-stuffed, CRLF only, 7-bit, no line over 998; anything else is refused before sending. */
class DataLinesTest {

    private static String wire(String message) {
        return new String(DataLines.encode(message), StandardCharsets.US_ASCII);
    }

    @Test
    void givenLinesStartingWithDots_whenEncoded_thenEachGetsOneMoreDot() {
        assertEquals("a\r\n..\r\n..b\r\n...c\r\nd.\r\n", wire("a\r\n.\r\n.b\r\n..c\r\nd.\r\n"));
    }

    @Test
    void givenABareLineFeed_whenEncoded_thenRefused() {
        assertThrows(IllegalArgumentException.class, () -> DataLines.encode("a\nb\r\n"));
    }

    @Test
    void givenABareCarriageReturn_whenEncoded_thenRefused() {
        assertThrows(IllegalArgumentException.class, () -> DataLines.encode("a\rb\r\n"));
    }

    @Test
    void givenNoFinalCrlf_whenEncoded_thenRefused() {
        assertThrows(IllegalArgumentException.class, () -> DataLines.encode("a\r\nb"));
    }

    @Test
    void givenALineOf999Characters_whenEncoded_thenRefused() {
        assertThrows(IllegalArgumentException.class, () -> DataLines.encode("x".repeat(999) + "\r\n"));
        assertEquals(1000, DataLines.encode("x".repeat(998) + "\r\n").length);
    }

    @Test
    void givenEightBitText_whenEncoded_thenRefused() {
        assertThrows(IllegalArgumentException.class, () -> DataLines.encode("اردو\r\n"));
    }
}
