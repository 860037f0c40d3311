package io.tijarat.plugin.emailsmtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Replies are read strictly enough to be safe and liberally enough for real servers. */
class ReplyReaderTest {

    private static ReplyReader reader(String wire) {
        return new ReplyReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void givenAMultiLineEhloReply_whenRead_thenOneReplyWithEveryLine() throws IOException {
        SmtpReply reply = reader("250-mail.shop.pk\r\n250-STARTTLS\r\n250 AUTH PLAIN LOGIN\r\n").read();

        assertEquals(250, reply.code());
        assertEquals(List.of("mail.shop.pk", "STARTTLS", "AUTH PLAIN LOGIN"), reply.lines());
    }

    @Test
    void givenTwoRepliesInOneRead_whenTheFirstIsRead_thenTheSecondIsSeenAsBuffered() throws IOException {
        ReplyReader reader = reader("220 Ready to start TLS\r\n250 injected\r\n");

        assertEquals(220, reader.read().code());
        assertTrue(reader.hasBufferedInput(), "bytes after the 220 went unnoticed");
        assertEquals(250, reader.read().code());
        assertFalse(reader.hasBufferedInput());
    }

    @Test
    void givenABareLfAndACodeWithoutText_whenRead_thenAccepted() throws IOException {
        ReplyReader reader = reader("250\n354 go ahead\n");

        assertEquals(List.of(""), reader.read().lines());
        assertEquals(354, reader.read().code());
    }

    @Test
    void givenALineThatIsNotAReply_whenRead_thenAProtocolFailureThatDoesNotEchoIt() {
        ProtocolException failure = assertThrows(ProtocolException.class,
                () -> reader("<html>secret page</html>\r\n").read());

        assertFalse(failure.getMessage().contains("secret"), failure.getMessage());
    }

    @Test
    void givenAMultiLineReplyThatChangesItsCode_whenRead_thenAProtocolFailure() {
        assertThrows(ProtocolException.class, () -> reader("250-one\r\n550 two\r\n").read());
    }

    @Test
    void givenAnEndlessLine_whenRead_thenAProtocolFailureInsteadOfUnboundedMemory() {
        assertThrows(ProtocolException.class, () -> reader("250 " + "x".repeat(10_000) + "\r\n").read());
    }

    @Test
    void givenAnEndlessMultiLineReply_whenRead_thenAProtocolFailure() {
        assertThrows(ProtocolException.class, () -> reader("250-x\r\n".repeat(1_000)).read());
    }

    @Test
    void givenTheServerClosesMidReply_whenRead_thenEndOfFile() {
        assertThrows(EOFException.class, () -> reader("250-one\r\n250 tw").read());
    }

    @Test
    void givenAnEnhancedStatusCode_whenRead_thenItIsRecognised() throws IOException {
        SmtpReply reply = reader("550 5.1.1 <a@b.pk>: User unknown\r\n").read();

        assertEquals(Optional.of("5.1.1"), reply.enhancedCode());
        assertEquals("550 5.1.1", reply.codes());
        assertEquals("550 5.1.1 <a***@b.pk>: User unknown", reply.summary());
    }
}
