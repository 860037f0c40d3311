package io.tijarat.plugin.emailsmtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.plugin.emailsmtp.server.Command;
import io.tijarat.plugin.emailsmtp.server.Script;
import io.tijarat.plugin.emailsmtp.server.TestSmtpServer;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.kit.GatewayStub;
import io.tijarat.spi.kit.SampleRequests;
import io.tijarat.spi.kit.TestProviderContext;
import io.tijarat.spi.notification.MessageContent;
import io.tijarat.spi.notification.NotificationProvider;
import io.tijarat.spi.notification.SendOutcome;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every way a send can end short of 250 to the final dot, against the test server, and what the core gets:
 * {@code Rejected} for this message, {@code Unknown} when it may have been delivered, a transient failure when
 * it certainly was not, a permanent one when the account or configuration needs a human.
 */
class FailureMappingTest {

    /** The budget in the slow-server cases; the server answers well after it. */
    private static final String SHORT_TIMEOUT_MS = "500";
    private static final Duration LATE = Duration.ofMillis(2_000);

    private final TestSmtpServer server = TestSmtpServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private SendOutcome send(Script script) {
        return send(script, Fixture.context(server));
    }

    private SendOutcome send(Script script, TestProviderContext.Builder context) {
        server.script(script);
        NotificationProvider provider = Fixture.provider(context);
        return provider.send(Fixture.orderDispatched(SampleRequests.newKey()));
    }

    // ------------------------------------------------------------------------------- this message: Rejected

    @Test
    void givenNoSuchUser_whenSending_thenRejectedWithTheCodeAndTheMaskedReasonAndNoDataSent() {
        SendOutcome outcome = send(Script.standard().reply(Command.RCPT,
                "550 5.1.1 <" + Fixture.CUSTOMER + ">: Recipient address rejected: User unknown"));

        SendOutcome.Rejected rejected = assertInstanceOf(SendOutcome.Rejected.class, outcome);
        assertEquals("550", rejected.code());
        assertTrue(rejected.reason().contains("5.1.1") && rejected.reason().contains("User unknown"), rejected.reason());
        assertFalse(rejected.reason().contains(Fixture.CUSTOMER), "the reason shows the customer's address");
        assertTrue(rejected.reason().contains("a***@example.pk"), rejected.reason());
        assertFalse(server.onlySession().received(Command.DATA));
    }

    @Test
    void givenContentRefusedAtTheFinalDot_whenSending_thenRejected() {
        SendOutcome outcome = send(Script.standard().reply(Command.END_OF_DATA, "554 5.7.1 Message rejected as spam"));

        SendOutcome.Rejected rejected = assertInstanceOf(SendOutcome.Rejected.class, outcome);
        assertEquals("554", rejected.code());
    }

    @Test
    void givenAnAddressSmtpCannotCarry_whenSending_thenRejectedWithoutConnecting() {
        NotificationProvider provider = Fixture.provider(Fixture.context(server));

        SendOutcome outcome = provider.send(Fixture.email(SampleRequests.newKey(), "a>b@shop.pk",
                MessageContent.email("Order 1042", "text")));

        SendOutcome.Rejected rejected = assertInstanceOf(SendOutcome.Rejected.class, outcome);
        assertEquals("address", rejected.code());
        assertFalse(rejected.reason().contains("a>b@shop.pk"), rejected.reason());
        assertEquals(0, server.sessions().size(), "connected for a message it could not send");
    }

    // --------------------------------------------------------------------- maybe delivered: Unknown

    @Test
    void givenATransientReplyToTheFinalDot_whenSending_thenUnknownNotARetry() {
        SendOutcome outcome = send(Script.standard().reply(Command.END_OF_DATA, "451 4.3.0 Error: queue file write error"));

        SendOutcome.Unknown unknown = assertInstanceOf(SendOutcome.Unknown.class, outcome);
        assertTrue(unknown.detail().contains("451"), unknown.detail());
    }

    @Test
    void givenTheServerHangsUpAfterTheFinalDot_whenSending_thenUnknownThoughTheMessageArrived() {
        SendOutcome outcome = send(Script.standard().hangUpAt(Command.END_OF_DATA));

        assertInstanceOf(SendOutcome.Unknown.class, outcome);
        assertEquals(1, server.mails().size(), "the server had the whole message: it may well deliver it");
    }

    @Test
    void givenAServerThatAnswersTheFinalDotAfterTheBudget_whenSending_thenUnknown() {
        long started = System.nanoTime();

        SendOutcome outcome = send(Script.standard().delay(Command.END_OF_DATA, LATE),
                Fixture.context(server).property("timeout-ms", SHORT_TIMEOUT_MS));

        assertInstanceOf(SendOutcome.Unknown.class, outcome);
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(LATE) < 0, "waited for the late answer");
    }

    @Test
    void givenAnAnswerToTheFinalDotThatIsNotSmtp_whenSending_thenUnknown() {
        SendOutcome outcome = send(Script.standard().reply(Command.END_OF_DATA, "<html><body>Proxy error</body></html>"));

        SendOutcome.Unknown unknown = assertInstanceOf(SendOutcome.Unknown.class, outcome);
        assertFalse(unknown.detail().contains("html"), "the page is echoed into the detail: " + unknown.detail());
    }

    // --------------------------------------------------------------- certainly not delivered: Transient

    @Test
    void givenARefusedConnection_whenSending_thenTransientBecauseNothingWasSent() {
        TestProviderContext.Builder context = Fixture.context(server)
                .property("port", String.valueOf(GatewayStub.refusingUrl().getPort()));

        TransientProviderException failure = assertThrows(TransientProviderException.class,
                () -> Fixture.provider(context).send(Fixture.orderDispatched(SampleRequests.newKey())));

        assertTrue(failure.getMessage().contains("could not connect"), failure.getMessage());
    }

    @Test
    void givenAServiceNotAvailableGreeting_whenSending_thenTransient() {
        assertThrows(TransientProviderException.class,
                () -> send(Script.standard().reply(Command.GREETING, "421 4.3.2 Service not available, try later")));
    }

    @Test
    void givenGreylistingAtRcpt_whenSending_thenTransientAndNoDataSent() {
        TransientProviderException failure = assertThrows(TransientProviderException.class,
                () -> send(Script.standard().reply(Command.RCPT, "451 4.7.1 Greylisted, please try again later")));

        assertTrue(failure.getMessage().contains("451"), failure.getMessage());
        assertFalse(server.onlySession().received(Command.DATA));
    }

    @Test
    void givenTheServerHangsUpBeforeData_whenSending_thenTransient() {
        assertThrows(TransientProviderException.class, () -> send(Script.standard().hangUpAt(Command.MAIL)));
    }

    @Test
    void givenASlowGreeting_whenSending_thenTransientWithinTheBudget() {
        long started = System.nanoTime();

        assertThrows(TransientProviderException.class, () -> send(Script.standard().delay(Command.GREETING, LATE),
                Fixture.context(server).property("timeout-ms", SHORT_TIMEOUT_MS)));

        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(LATE) < 0, "waited for the late greeting");
    }

    @Test
    void givenEveryReplyALittleSlow_whenSending_thenTheBudgetCoversTheWholeConversationNotEachRead() {
        Duration each = Duration.ofMillis(200);
        Script slow = Script.standard().delay(Command.GREETING, each).delay(Command.EHLO, each)
                .delay(Command.STARTTLS, each).delay(Command.AUTH, each).delay(Command.MAIL, each)
                .delay(Command.RCPT, each).delay(Command.DATA, each).delay(Command.END_OF_DATA, each);

        assertThrows(TransientProviderException.class, () -> send(slow,
                Fixture.context(server).property("timeout-ms", "700")));

        assertEquals(0, server.mails().size());
    }

    @Test
    void givenAnInterruptedThread_whenSending_thenTransientAndTheInterruptIsKept() {
        NotificationProvider provider = Fixture.provider(Fixture.context(server));
        Thread.currentThread().interrupt();
        try {
            assertThrows(TransientProviderException.class,
                    () -> provider.send(Fixture.orderDispatched(SampleRequests.newKey())));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag was swallowed");
        } finally {
            Thread.interrupted();
        }
    }

    // ------------------------------------------------------------------------ the account: Permanent

    @Test
    void givenWrongCredentials_whenSending_thenPermanentNamingTheKeysWithoutThePasswordAndNoMailSent() {
        TestProviderContext.Builder context = Fixture.context(server).property("password", "wrong-password-123");

        PermanentProviderException failure = assertThrows(PermanentProviderException.class,
                () -> send(Script.standard(), context));

        assertTrue(failure.getMessage().contains("535"), failure.getMessage());
        assertTrue(failure.getMessage().contains("tijarat.provider.email-smtp.username"), failure.getMessage());
        assertTrue(failure.getMessage().contains("tijarat.provider.email-smtp.password"), failure.getMessage());
        assertFalse(failure.getMessage().contains("wrong-password-123"));
        assertFalse(server.onlySession().received(Command.MAIL));
    }

    @Test
    void givenAServerRequiringALoginAndNoUsername_whenSending_thenPermanentSayingToSetTheLogin() {
        PermanentProviderException failure = assertThrows(PermanentProviderException.class, () -> send(
                Script.standard(), Fixture.context(server).without("username").without("password")));

        assertTrue(failure.getMessage().contains("530"), failure.getMessage());
        assertTrue(failure.getMessage().contains("tijarat.provider.email-smtp.username"), failure.getMessage());
    }

    @Test
    void givenTheSenderIsRefused_whenSending_thenPermanentNamingTheFromKey() {
        PermanentProviderException failure = assertThrows(PermanentProviderException.class, () -> send(
                Script.standard().reply(Command.MAIL, "553 5.7.1 Sender address rejected: not owned by user")));

        assertTrue(failure.getMessage().contains("tijarat.provider.email-smtp.from"), failure.getMessage());
    }

    @Test
    void givenATemporaryAuthFailure_whenSending_thenTransient() {
        assertThrows(TransientProviderException.class, () -> send(
                Script.standard().reply(Command.AUTH, "454 4.7.0 Temporary authentication failure")));
    }
}
