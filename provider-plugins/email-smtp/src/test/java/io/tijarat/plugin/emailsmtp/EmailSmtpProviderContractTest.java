package io.tijarat.plugin.emailsmtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tijarat.plugin.emailsmtp.server.Command;
import io.tijarat.plugin.emailsmtp.server.ReceivedMail;
import io.tijarat.plugin.emailsmtp.server.Script;
import io.tijarat.plugin.emailsmtp.server.TestSmtpServer;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.kit.GatewayStub;
import io.tijarat.spi.kit.NotificationProviderContract;
import io.tijarat.spi.kit.SampleRequests;
import io.tijarat.spi.kit.TestProviderContext;
import io.tijarat.spi.notification.NotificationProvider;
import io.tijarat.spi.notification.NotificationProviderFactory;
import io.tijarat.spi.notification.SendOutcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SPI's notification contract, against the in-process SMTP server.
 *
 * <p>The kit's gateway cases are built on a WireMock HTTP stub ({@code stubAcceptance(WireMockServer)}, an HTML
 * page with status 200, WireMock's request log), and {@link #talksToGateway()} is defined as "calls a gateway
 * over HTTP", which SMTP is not. So it returns {@code false}: the kit skips those six cases (JUnit reports them
 * as skipped, with the reason), and runs "one message sent twice gives the same outcome" instead — against the
 * SMTP server, because {@link #configure} points every provider at it. The six skipped cases are re-done for
 * SMTP below, one for one, under the same names with {@code Smtp} in them. Everything else the kit checks
 * (services file, isolated class loader, constant descriptor, manifest, required keys, no secret in any
 * toString, log line or message) runs as for every plugin.
 */
class EmailSmtpProviderContractTest extends NotificationProviderContract {

    private TestSmtpServer server;

    @BeforeEach
    void startSmtpServer() {
        // The kit fills the unset password with a canary value, so the server takes any password.
        server = TestSmtpServer.start(Script.standard().anyPassword());
    }

    @AfterEach
    void stopSmtpServer() {
        server.close();
    }

    @Override
    protected NotificationProviderFactory newFactory() {
        return new EmailSmtpProviderFactory();
    }

    @Override
    protected String expectedProviderId() {
        return "email-smtp";
    }

    @Override
    protected boolean talksToGateway() {
        return false; // not over HTTP: see the class comment
    }

    @Override
    protected void configure(TestProviderContext.Builder context) {
        context.property("host", server.host())
                .property("port", String.valueOf(server.port()))
                .property("from", Fixture.FROM)
                .property("username", Script.USERNAME)
                .property("truststore", Fixture.trustedCertificates().toString())
                .property("timeout-ms", "5000");
    }

    // ------------------------------------------------------- the kit's gateway cases, re-done for SMTP

    @Test
    void givenAnAcceptingSmtpServer_whenSent_thenAccepted() {
        assertInstanceOf(SendOutcome.Accepted.class, provider().send(sampleMessage(SampleRequests.newKey())));
        assertEquals(1, server.mails().size());
    }

    @Test
    void givenOneEventId_whenSentTwice_thenTheSmtpServerSeesTheSameReferenceBothTimes() {
        IdempotencyKey eventId = SampleRequests.newKey();

        provider().send(sampleMessage(eventId));
        provider().send(sampleMessage(eventId));

        List<String> references = server.mails().stream()
                .map(mail -> ReceivedMessage.parse(mail.text()).header("Message-ID").orElseThrow()).toList();
        assertEquals(List.of("<" + eventId.value() + "@tijarat>", "<" + eventId.value() + "@tijarat>"), references);
    }

    @Test
    void givenAnSmtpServerThatAnswersAfterTheBudget_whenSending_thenUnknown() {
        server.script(Script.standard().anyPassword().delay(Command.END_OF_DATA, Duration.ofMillis(1_500)));
        NotificationProvider hurried = newProvider(builder -> builder.property("timeout-ms", "500"));

        SendOutcome.Unknown unknown = assertInstanceOf(SendOutcome.Unknown.class,
                hurried.send(sampleMessage(SampleRequests.newKey())));
        assertNoSecretIn(unknown.detail(), "the Unknown detail");
    }

    @Test
    void givenAnHtmlPageInsteadOfTheSmtpReply_whenSending_thenUnknown() {
        server.script(Script.standard().anyPassword().reply(Command.END_OF_DATA, "<html><body>Bad gateway</body></html>"));

        SendOutcome.Unknown unknown = assertInstanceOf(SendOutcome.Unknown.class,
                provider().send(sampleMessage(SampleRequests.newKey())));
        assertNoSecretIn(unknown.detail(), "the Unknown detail");
    }

    @Test
    void givenARefusedSmtpConnection_whenSending_thenTransientFailureBecauseNothingWasSent() {
        int refusing = GatewayStub.refusingUrl().getPort();
        NotificationProvider unreachable = newProvider(builder -> builder.property("port", String.valueOf(refusing)));

        TransientProviderException failure = assertThrows(TransientProviderException.class,
                () -> unreachable.send(sampleMessage(SampleRequests.newKey())));
        assertNoSecretIn(failure.getMessage(), "the failure's message");
    }

    @Test
    void givenAnSmtpServer_whenTheProviderIsCreated_thenItHasNotConnected() {
        provider();

        assertEquals(List.of(), server.sessions(), "create() must not connect: the server has to start while the"
                + " mail server is down");
    }

    @Test
    void givenTheKitsCanaryPassword_whenSent_thenItReachedTheServerOnlyInsideAuthOverTls() {
        provider().send(sampleMessage(SampleRequests.newKey()));

        ReceivedMail mail = server.onlyMail();
        assertEquals(true, mail.overTls());
        assertEquals(true, server.onlySession().authOverTls());
        assertNoSecretIn(mail.text(), "the message");
    }
}
