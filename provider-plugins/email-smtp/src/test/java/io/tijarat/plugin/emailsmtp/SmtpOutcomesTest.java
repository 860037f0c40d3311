package io.tijarat.plugin.emailsmtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.kit.TestProviderContext;
import io.tijarat.spi.notification.SendOutcome;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The reply-code table, phase by phase: the one place that decides retry, alert, reject or "maybe". */
class SmtpOutcomesTest {

    private final SmtpOutcomes outcomes = new SmtpOutcomes(SmtpSettings.from(TestProviderContext.builder(
                    new EmailSmtpProviderFactory().descriptor())
            .property("host", "smtp.example.com")
            .property("from", "orders@shop.pk")
            .build().config()));

    private SendOutcome replied(Phase phase, int code) {
        return outcomes.of("EVT00001", SmtpFailure.reply(phase, new SmtpReply(code, List.of("x.y.z text"))));
    }

    @ParameterizedTest
    @CsvSource({"RCPT_TO,550", "RCPT_TO,553", "RCPT_TO,554", "DATA,554", "FINAL_DOT,552", "FINAL_DOT,554"})
    void givenAPermanentReplyAboutThisMessage_whenMapped_thenRejectedWithTheCode(Phase phase, int code) {
        SendOutcome.Rejected rejected = assertInstanceOf(SendOutcome.Rejected.class, replied(phase, code));

        assertEquals(String.valueOf(code), rejected.code());
    }

    @ParameterizedTest
    @CsvSource({"GREETING,554", "EHLO,550", "STARTTLS,554", "AUTH,535", "AUTH,534", "MAIL_FROM,550",
            "MAIL_FROM,530", "RCPT_TO,530"})
    void givenAPermanentReplyAboutTheAccountOrSession_whenMapped_thenPermanent(Phase phase, int code) {
        assertThrows(PermanentProviderException.class, () -> replied(phase, code));
    }

    @ParameterizedTest
    @CsvSource({"GREETING,421", "EHLO,421", "STARTTLS,454", "AUTH,454", "MAIL_FROM,451", "RCPT_TO,450",
            "RCPT_TO,452", "DATA,451", "MAIL_FROM,251"})
    void givenATransientOrUnexpectedReplyBeforeTheFinalDot_whenMapped_thenTransient(Phase phase, int code) {
        assertThrows(TransientProviderException.class, () -> replied(phase, code));
    }

    @ParameterizedTest
    @CsvSource({"421", "451", "452", "354"})
    void givenAnythingButAPermanentReplyToTheFinalDot_whenMapped_thenUnknown(int code) {
        assertInstanceOf(SendOutcome.Unknown.class, replied(Phase.FINAL_DOT, code));
    }

    @ParameterizedTest
    @EnumSource(value = Phase.class, names = "FINAL_DOT", mode = EnumSource.Mode.EXCLUDE)
    void givenNoReplyBeforeTheFinalDot_whenMapped_thenTransient(Phase phase) {
        assertThrows(TransientProviderException.class,
                () -> outcomes.of("EVT00001", SmtpFailure.noReply(phase, new SocketTimeoutException("Read timed out"))));
    }

    @Test
    void givenNoReplyAfterTheFinalDot_whenMapped_thenUnknown() {
        for (IOException cause : List.of(new SocketTimeoutException("Read timed out"), new EOFException("closed"))) {
            assertInstanceOf(SendOutcome.Unknown.class, outcomes.of("EVT00001", SmtpFailure.noReply(Phase.FINAL_DOT, cause)));
        }
    }

    @Test
    void givenARefusedConnection_whenMapped_thenTransientSayingNothingWasSent() {
        TransientProviderException failure = assertThrows(TransientProviderException.class,
                () -> outcomes.of("EVT00001", SmtpFailure.noReply(Phase.CONNECT, new ConnectException("refused"))));

        assertTrue(failure.getMessage().contains("EVT00001 was not sent"), failure.getMessage());
    }

    @Test
    void givenAFailedHandshake_whenMapped_thenTransientPointingAtTheTruststore() {
        TransientProviderException failure = assertThrows(TransientProviderException.class, () -> outcomes.of(
                "EVT00001", SmtpFailure.noReply(Phase.STARTTLS, new SSLHandshakeException("PKIX path building failed"))));

        assertTrue(failure.getMessage().contains("tijarat.provider.email-smtp.truststore"), failure.getMessage());
    }

    @Test
    void givenAServerThatLacksWhatWeNeed_whenMapped_thenPermanent() {
        assertThrows(PermanentProviderException.class, () -> outcomes.of("EVT00001",
                SmtpFailure.unusableServer(Phase.STARTTLS, "no STARTTLS")));
    }

    @Test
    void givenAnAuthFailure_whenMapped_thenTheServersWordingIsNotRepeated() {
        PermanentProviderException failure = assertThrows(PermanentProviderException.class, () -> outcomes.of(
                "EVT00001", SmtpFailure.reply(Phase.AUTH, new SmtpReply(535, List.of("5.7.8 bad password hunter2")))));

        assertTrue(failure.getMessage().contains("535 5.7.8"), failure.getMessage());
        assertTrue(!failure.getMessage().contains("hunter2"), failure.getMessage());
    }
}
