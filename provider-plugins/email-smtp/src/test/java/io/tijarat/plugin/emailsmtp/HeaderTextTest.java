package io.tijarat.plugin.emailsmtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Header fields are 7-bit, folded at 78 where possible, with non-ASCII text in whole-character encoded words. */
class HeaderTextTest {

    @Test
    void givenAShortAsciiSubject_whenWritten_thenItIsLeftAsItIs() {
        assertEquals("Subject: Order 1042 dispatched", HeaderText.unstructured("Subject", "Order 1042 dispatched"));
    }

    @Test
    void givenALongAsciiSubject_whenWritten_thenItIsFoldedAtSpacesAndUnfoldsToTheSameText() {
        String subject = "Your order 1042 from Shop has been dispatched with TCS and will reach Lahore in two days";

        String field = HeaderText.unstructured("Subject", subject);

        for (String line : field.split("\r\n")) {
            assertTrue(line.length() <= 78, line);
        }
        assertEquals("Subject: " + subject, field.replace("\r\n", ""), "unfolding must give the text back");
    }

    @Test
    void givenUrdu_whenWritten_thenEncodedWordsOfWholeCharactersThatJoinBackToTheText() {
        String field = HeaderText.unstructured("Subject", Fixture.URDU_SUBJECT);

        StringBuilder decoded = new StringBuilder();
        for (String word : field.substring("Subject: ".length()).split("\r\n ")) {
            assertTrue(word.startsWith("=?UTF-8?B?") && word.endsWith("?="), word);
            assertTrue(word.length() <= 75, "RFC 2047 limits an encoded word to 75 characters: " + word.length());
            byte[] bytes = Base64.getDecoder().decode(word.substring(10, word.length() - 2));
            String part = new String(bytes, StandardCharsets.UTF_8);
            assertFalse(part.contains("\uFFFD"), "a character was cut in two: " + word);
            decoded.append(part);
        }
        assertEquals(Fixture.URDU_SUBJECT, decoded.toString());
    }

    @Test
    void givenCharactersOutsideTheBasicPlane_whenEncoded_thenNoSurrogatePairIsSplit() {
        String text = "🎉".repeat(30);

        List<String> words = HeaderText.encodedWords(text);

        StringBuilder decoded = new StringBuilder();
        for (String word : words) {
            decoded.append(new String(Base64.getDecoder().decode(word.substring(10, word.length() - 2)),
                    StandardCharsets.UTF_8));
        }
        assertEquals(text, decoded.toString());
    }

    @Test
    void givenAsciiThatLooksLikeAnEncodedWord_whenWritten_thenItIsEncodedSoItReadsBackLiterally() {
        assertTrue(HeaderText.unstructured("Subject", "=?UTF-8?B?SGk=?=").startsWith("Subject: =?UTF-8?B?"));
    }

    @Test
    void givenLineBreaksAndControlCharacters_whenWritten_thenTheyBecomeSpacesAndCannotStartAHeader() {
        String field = HeaderText.unstructured("Subject", "Hi\r\nBcc: a@b.pk\u0000\tend");

        assertEquals("Subject: Hi Bcc: a@b.pk end", field);
    }

    @Test
    void givenADisplayNameWithSpecials_whenWritten_thenItIsQuoted() {
        Mailbox from = new Mailbox(Optional.of("Shop, \"Lahore\""), "orders@shop.pk");

        assertEquals("From: \"Shop, \\\"Lahore\\\"\" <orders@shop.pk>", HeaderText.mailbox("From", from));
    }

    @Test
    void givenNoDisplayName_whenWritten_thenTheBareAddress() {
        assertEquals("To: a@shop.pk", HeaderText.mailbox("To", new Mailbox(Optional.empty(), "a@shop.pk")));
    }
}
