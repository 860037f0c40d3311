package io.tijarat.plugin.emailsmtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.plugin.emailsmtp.server.Command;
import io.tijarat.plugin.emailsmtp.server.ReceivedMail;
import io.tijarat.plugin.emailsmtp.server.Script;
import io.tijarat.plugin.emailsmtp.server.Session;
import io.tijarat.plugin.emailsmtp.server.TestSmtpServer;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.kit.SampleRequests;
import io.tijarat.spi.kit.TestProviderContext;
import io.tijarat.spi.notification.MessageContent;
import io.tijarat.spi.notification.NotificationProvider;
import io.tijarat.spi.notification.SendOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the SMTP server receives, byte for byte: the conversation (STARTTLS first, then AUTH), the envelope,
 * the header fields, the Urdu subject and body after a mail client's decoding, dot-stuffing and CRLF.
 */
class SendingTest {

    private final TestSmtpServer server = TestSmtpServer.start();

    @AfterEach
    void stopServer() {
        server.close();
    }

    private NotificationProvider provider() {
        return Fixture.provider(Fixture.context(server));
    }

    @Test
    void givenAnAcceptingServer_whenSent_thenAcceptedWithTheMessageIdMadeOfTheEventId() {
        IdempotencyKey eventId = IdempotencyKey.of("EVT7K2M9Q4X1B8");

        SendOutcome outcome = provider().send(Fixture.orderDispatched(eventId));

        assertEquals(new SendOutcome.Accepted("<EVT7K2M9Q4X1B8@tijarat>"), outcome);
        ReceivedMail mail = server.onlyMail();
        assertEquals("<orders@shop.pk>", mail.mailFrom());
        assertEquals(List.of("<" + Fixture.CUSTOMER + ">"), mail.rcptTo());
        assertTrue(mail.overTls(), "the message travelled in plain text");
        assertEquals(Script.USERNAME, mail.authUser());
    }

    @Test
    void givenStartTls_whenSent_thenTlsIsNegotiatedBeforeAuthAndEverythingAfterItTravelsEncrypted() {
        provider().send(Fixture.orderDispatched(SampleRequests.newKey()));

        Session session = server.onlySession();
        List<Command> commands = session.lines().stream().map(Session.Line::command).toList();
        assertEquals(List.of(Command.EHLO, Command.STARTTLS, Command.EHLO, Command.AUTH, Command.MAIL, Command.RCPT,
                Command.DATA), commands.subList(0, 7), "the order of commands");
        int startTls = commands.indexOf(Command.STARTTLS);
        List<Session.Line> lines = session.lines();
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(i > startTls, lines.get(i).overTls(), "line " + i + " (" + commands.get(i) + ")");
        }
        assertTrue(session.authOverTls(), "AUTH happened before TLS");
        assertTrue(Set.of("TLSv1.2", "TLSv1.3").contains(session.tlsProtocol()), session.tlsProtocol());
        assertEquals(List.of(), session.violations());
    }

    @Test
    void givenAServerOfferingPlainAndLogin_whenSent_thenAuthPlainCarriesTheConfiguredCredentials() {
        provider().send(Fixture.orderDispatched(SampleRequests.newKey()));

        Session session = server.onlySession();
        assertEquals("PLAIN", session.authMechanism());
        assertEquals(Script.USERNAME, session.authUser());
        assertEquals(Script.PASSWORD, session.authPassword());
    }

    @Test
    void givenAServerOfferingOnlyLogin_whenSent_thenAuthLoginCarriesTheConfiguredCredentials() {
        server.script(Script.standard().authMechanisms("LOGIN CRAM-MD5"));

        SendOutcome outcome = provider().send(Fixture.orderDispatched(SampleRequests.newKey()));

        assertInstanceOf(SendOutcome.Accepted.class, outcome);
        Session session = server.onlySession();
        assertEquals("LOGIN", session.authMechanism());
        assertEquals(Script.PASSWORD, session.authPassword());
    }

    @Test
    void givenNoUsername_whenSent_thenNoAuthIsAttempted() {
        server.script(Script.standard().authMechanisms(""));

        SendOutcome outcome = Fixture.provider(Fixture.context(server).without("username").without("password"))
                .send(Fixture.orderDispatched(SampleRequests.newKey()));

        assertInstanceOf(SendOutcome.Accepted.class, outcome);
        assertFalse(server.onlySession().received(Command.AUTH));
        assertNull(server.onlyMail().authUser());
    }

    @Test
    void givenAMessage_whenSent_thenTheHeaderCarriesDateFromToSubjectMessageIdEventIdAndMime() {
        IdempotencyKey eventId = IdempotencyKey.of("EVT7K2M9Q4X1B8");

        provider().send(Fixture.orderDispatched(eventId));

        ReceivedMessage message = ReceivedMessage.parse(server.onlyMail().text());
        assertEquals("Mon, 3 Mar 2025 10:00:00 +0500", message.header("Date").orElseThrow(),
                "the context's clock, in Pakistan time");
        assertEquals("Shop <orders@shop.pk>", message.header("From").orElseThrow());
        assertEquals(Fixture.CUSTOMER, message.header("To").orElseThrow());
        assertEquals("Order 1042 dispatched", message.header("Subject").orElseThrow());
        assertEquals("<EVT7K2M9Q4X1B8@tijarat>", message.header("Message-ID").orElseThrow());
        assertEquals("EVT7K2M9Q4X1B8", message.header("X-Tijarat-Event-Id").orElseThrow());
        assertEquals("1.0", message.header("MIME-Version").orElseThrow());
        assertEquals("text/plain; charset=UTF-8", message.header("Content-Type").orElseThrow());
        assertEquals("auto-generated", message.header("Auto-Submitted").orElseThrow());
        assertEquals("Your order 1042 has been dispatched.", message.decodedBody());
    }

    @Test
    void givenAnUrduSubjectAndText_whenSent_thenAMailClientDecodesBothExactly() {
        provider().send(Fixture.email(SampleRequests.newKey(), Fixture.URDU_SUBJECT, Fixture.URDU_TEXT));

        ReceivedMail mail = server.onlyMail();
        ReceivedMessage message = ReceivedMessage.parse(mail.text());
        assertTrue(message.header("Subject").orElseThrow().startsWith("=?UTF-8?B?"), "the subject is not encoded");
        assertEquals(Fixture.URDU_SUBJECT, message.decodedHeader("Subject"));
        assertEquals("base64", message.header("Content-Transfer-Encoding").orElseThrow());
        assertEquals(Fixture.URDU_TEXT, message.decodedBody());
        assertTrue(mail.wireText().chars().allMatch(c -> c < 0x80), "8-bit bytes on the wire");
        for (String line : message.rawHeaderLines()) {
            assertTrue(line.length() <= 78, "header line longer than 78: " + line);
        }
    }

    @Test
    void givenAnUrduSenderName_whenSent_thenTheFromHeaderDecodesToItAndTheEnvelopeStaysAscii() {
        String name = "دکان";
        server.script(Script.standard());

        Fixture.provider(Fixture.context(server).property("from", name + " <orders@shop.pk>"))
                .send(Fixture.orderDispatched(SampleRequests.newKey()));

        ReceivedMail mail = server.onlyMail();
        assertEquals("<orders@shop.pk>", mail.mailFrom());
        assertEquals(name + " <orders@shop.pk>", ReceivedMessage.parse(mail.text()).decodedHeader("From"));
    }

    @Test
    void givenTextWithLinesStartingWithADot_whenSent_thenTheyAreDotStuffedOnTheWireAndArriveUnchanged() {
        String text = "Your order:\n.\n.hidden line\n..two dots\nend.";

        SendOutcome outcome = provider().send(Fixture.email(SampleRequests.newKey(), "Dots", text));

        assertInstanceOf(SendOutcome.Accepted.class, outcome, "a lone dot ended the data early");
        ReceivedMail mail = server.onlyMail();
        List<String> wireLines = Arrays.asList(mail.wireText().split("\r\n"));
        assertTrue(wireLines.contains(".."), "the lone dot was not stuffed: " + wireLines);
        assertTrue(wireLines.contains("..hidden line"), wireLines.toString());
        assertTrue(wireLines.contains("...two dots"), wireLines.toString());
        ReceivedMessage message = ReceivedMessage.parse(mail.text());
        assertEquals("quoted-printable", message.header("Content-Transfer-Encoding").orElseThrow());
        assertEquals(text.replace("\n", "\r\n"), message.decodedBody());
    }

    @Test
    void givenAnyMessage_whenSent_thenEveryLineOnTheWireEndsWithCrlfAndNoneIsTooLong() {
        String longLine = "x".repeat(2_000);

        provider().send(Fixture.email(SampleRequests.newKey(), "Long", "a\nb\r\nc\rd " + longLine));

        ReceivedMail mail = server.onlyMail();
        assertEquals(List.of(), server.onlySession().violations());
        assertTrue(mail.wireText().endsWith("\r\n"));
        for (String line : mail.wireText().split("\r\n")) {
            assertTrue(line.length() <= 78, "a line longer than 78: " + line.length());
        }
        assertEquals("a\r\nb\r\nc\r\nd " + longLine, ReceivedMessage.parse(mail.text()).decodedBody());
    }

    @Test
    void givenASubjectWithALineBreakAndAHeader_whenSent_thenNoHeaderIsInjected() {
        provider().send(Fixture.email(SampleRequests.newKey(), "Hello\r\nBcc: thief@evil.example", "text"));

        ReceivedMessage message = ReceivedMessage.parse(server.onlyMail().text());
        assertFalse(message.headerNames().contains("bcc"), message.headerNames().toString());
        assertEquals("Hello Bcc: thief@evil.example", message.decodedHeader("Subject"));
        assertEquals(List.of("<" + Fixture.CUSTOMER + ">"), server.onlyMail().rcptTo());
    }

    @Test
    void givenTextAndHtml_whenSent_thenMultipartAlternativeWithBothPartsDecodable() {
        MessageContent content = MessageContent.email(Fixture.URDU_SUBJECT, Fixture.URDU_TEXT,
                "<p dir=\"rtl\">" + Fixture.URDU_TEXT + "</p>");

        provider().send(Fixture.email(SampleRequests.newKey(), Fixture.CUSTOMER, content));

        ReceivedMessage message = ReceivedMessage.parse(server.onlyMail().text());
        assertTrue(message.header("Content-Type").orElseThrow().startsWith("multipart/alternative;"));
        List<ReceivedMessage> parts = message.parts();
        assertEquals(2, parts.size());
        assertEquals("text/plain; charset=UTF-8", parts.get(0).header("Content-Type").orElseThrow());
        assertEquals(Fixture.URDU_TEXT, parts.get(0).decodedBody());
        assertEquals("text/html; charset=UTF-8", parts.get(1).header("Content-Type").orElseThrow());
        assertEquals("<p dir=\"rtl\">" + Fixture.URDU_TEXT + "</p>", parts.get(1).decodedBody());
    }

    @Test
    void givenOneEventId_whenSentTwice_thenBothMessagesAreByteForByteTheSameWithTheSameMessageId() {
        NotificationProvider provider = provider();
        IdempotencyKey eventId = SampleRequests.newKey();

        SendOutcome first = provider.send(Fixture.orderDispatched(eventId));
        SendOutcome second = provider.send(Fixture.orderDispatched(eventId));

        assertEquals(first, second);
        List<ReceivedMail> mails = server.mails();
        assertEquals(2, mails.size());
        assertEquals(mails.get(0).text(), mails.get(1).text(), "a retry must be recognisable as the same message");
        assertEquals("<" + eventId.value() + "@tijarat>",
                ReceivedMessage.parse(mails.get(1).text()).header("Message-ID").orElseThrow());
    }

    @Test
    void givenTlsNoneAndALoopbackServerWithoutStartTls_whenSent_thenItIsSentInPlainText() {
        server.script(Script.standard().withoutStartTls());

        SendOutcome outcome = Fixture.provider(Fixture.context(server).property("tls", "none"))
                .send(Fixture.orderDispatched(SampleRequests.newKey()));

        assertInstanceOf(SendOutcome.Accepted.class, outcome);
        assertFalse(server.onlyMail().overTls());
        assertFalse(server.onlySession().received(Command.STARTTLS));
    }

    @Test
    void givenEightThreads_whenEachSendsItsOwnMessageAtOnce_thenEveryMessageArrivesOnceAndIntact() throws Exception {
        NotificationProvider provider = provider();
        int threads = 8;
        List<IdempotencyKey> keys = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            keys.add(SampleRequests.newKey());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<SendOutcome>> results = new ArrayList<>();
            for (IdempotencyKey key : keys) {
                Callable<SendOutcome> send = () -> {
                    start.await();
                    return provider.send(Fixture.email(key, "Order " + key.value(), "Text for " + key.value()));
                };
                results.add(pool.submit(send));
            }
            start.countDown();
            for (int i = 0; i < threads; i++) {
                assertEquals(new SendOutcome.Accepted("<" + keys.get(i).value() + "@tijarat>"),
                        results.get(i).get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(threads, server.sessions().size(), "one connection per message");
        Set<String> received = server.mails().stream().map(mail -> {
            ReceivedMessage message = ReceivedMessage.parse(mail.text());
            String id = message.header("X-Tijarat-Event-Id").orElseThrow();
            assertEquals("Order " + id, message.header("Subject").orElseThrow(), "parts of two messages were mixed");
            assertEquals("Text for " + id, message.decodedBody());
            return id;
        }).collect(Collectors.toSet());
        assertEquals(keys.stream().map(IdempotencyKey::value).collect(Collectors.toSet()), received);
    }

    @Test
    void givenAnAcceptedMessage_whenTheConversationEnds_thenTheClientSaysQuit() throws InterruptedException {
        provider().send(Fixture.orderDispatched(SampleRequests.newKey()));

        assertTrue(server.awaitSessionsEnded(Duration.ofSeconds(5)));
        assertTrue(server.onlySession().received(Command.QUIT));
    }

    @Test
    void givenASecretPassword_whenMessagesAreSentAndLogged_thenNoLogLineOrProviderTextShowsIt() {
        TestProviderContext context = Fixture.context(server).build();
        NotificationProvider provider = new EmailSmtpProviderFactory().create(context);

        provider.send(Fixture.orderDispatched(SampleRequests.newKey()));

        assertFalse(context.recordingLogger().lines().isEmpty(), "nothing was logged");
        assertFalse(context.recordingLogger().contains(Script.PASSWORD));
        assertFalse(context.recordingLogger().contains(Fixture.CUSTOMER), "the recipient's address was logged");
        assertFalse(provider.toString().contains(Script.PASSWORD));
        assertFalse(server.onlyMail().text().contains(Script.PASSWORD));
    }
}
