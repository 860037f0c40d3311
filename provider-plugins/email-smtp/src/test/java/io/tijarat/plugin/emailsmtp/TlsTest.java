package io.tijarat.plugin.emailsmtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.plugin.emailsmtp.server.Command;
import io.tijarat.plugin.emailsmtp.server.Script;
import io.tijarat.plugin.emailsmtp.server.Session;
import io.tijarat.plugin.emailsmtp.server.TestSmtpServer;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.kit.SampleRequests;
import io.tijarat.spi.kit.TestProviderContext;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * STARTTLS is required and checked: without it, with a certificate that is not trusted or not for the host,
 * or with plain-text data smuggled in before the handshake, nothing is sent — above all not the password.
 */
class TlsTest {

    private final TestSmtpServer server = TestSmtpServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private void send(Script script, TestProviderContext.Builder context) {
        server.script(script);
        Fixture.provider(context).send(Fixture.orderDispatched(SampleRequests.newKey()));
    }

    /** Neither the login nor the envelope went out, in plain text or otherwise. */
    private void assertNothingSentAfterTheFailedUpgrade() {
        Session session = server.onlySession();
        assertFalse(session.received(Command.AUTH), "AUTH was sent");
        assertFalse(session.received(Command.MAIL), "MAIL was sent");
        assertEquals(List.of(), server.mails());
    }

    @Test
    void givenAServerWithoutStartTls_whenSending_thenPermanentAndNeitherPasswordNorMessageLeaves() {
        PermanentProviderException failure = assertThrows(PermanentProviderException.class,
                () -> send(Script.standard().withoutStartTls(), Fixture.context(server)));

        assertTrue(failure.getMessage().contains("STARTTLS"), failure.getMessage());
        assertNothingSentAfterTheFailedUpgrade();
    }

    @Test
    void givenTheJdksOwnTrustAndASelfSignedServer_whenSending_thenTheHandshakeFailsAndNothingIsSent() {
        TransientProviderException failure = assertThrows(TransientProviderException.class,
                () -> send(Script.standard(), Fixture.context(server).without("truststore")));

        assertTrue(failure.getMessage().contains("TLS handshake"), failure.getMessage());
        assertTrue(failure.getMessage().contains("tijarat.provider.email-smtp.truststore"), failure.getMessage());
        assertNothingSentAfterTheFailedUpgrade();
    }

    @Test
    void givenATrustedCertificateForAnotherName_whenSending_thenTheHostNameCheckFailsTheHandshake() {
        TestProviderContext.Builder context = Fixture.context(server)
                .property("truststore", Fixture.resource("wrong-name-trust.pem").toString());

        TransientProviderException failure = assertThrows(TransientProviderException.class,
                () -> send(Script.standard().keystore("wrong-name-smtp.p12"), context));

        assertTrue(failure.getMessage().contains("TLS handshake"), failure.getMessage());
        assertNothingSentAfterTheFailedUpgrade();
    }

    @Test
    void givenAReplyInjectedBeforeTheHandshake_whenSending_thenPermanentAndNothingIsSent() {
        PermanentProviderException failure = assertThrows(PermanentProviderException.class,
                () -> send(Script.standard().injectingAfterStartTls(), Fixture.context(server)));

        assertTrue(failure.getMessage().contains("injecting"), failure.getMessage());
        assertNothingSentAfterTheFailedUpgrade();
    }

    @Test
    void givenAServerOfferingNoUsableAuthMechanism_whenSending_thenPermanentAndNoMailSent() {
        PermanentProviderException failure = assertThrows(PermanentProviderException.class,
                () -> send(Script.standard().authMechanisms("CRAM-MD5 XOAUTH2"), Fixture.context(server)));

        assertTrue(failure.getMessage().contains("CRAM-MD5"), failure.getMessage());
        assertFalse(server.onlySession().received(Command.MAIL));
    }
}
