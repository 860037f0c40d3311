package io.tijarat.plugin.smstelenor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tijarat.plugin.smstelenor.stub.TelenorSmsStub;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.PhoneNumber;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.kit.TestProviderContext;
import io.tijarat.spi.notification.Channel;
import io.tijarat.spi.notification.MessageCategory;
import io.tijarat.spi.notification.MessageContent;
import io.tijarat.spi.notification.MessageRequest;
import io.tijarat.spi.notification.NotificationProvider;
import io.tijarat.spi.notification.Recipient;
import io.tijarat.spi.notification.SendOutcome;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Telenor plugin against the Telenor stub over HTTP: what a shop texting through Telenor would see. */
class TelenorSmsProviderTest {

    private static final String URDU = "محترم عائشہ، آپ کا آرڈر TJ-1042 روانہ ہو گیا ہے۔";

    private final TelenorSmsStub stub = TelenorSmsStub.start();

    @AfterEach
    void stop() {
        stub.close();
    }

    private NotificationProvider provider(String password, String mask) {
        return new TelenorSmsProviderFactory().create(TestProviderContext.builder(new TelenorSmsProviderFactory().descriptor())
                .property("base-url", stub.baseUrl().toString()).property("msisdn", stub.msisdn())
                .property("password", password).property("mask", mask).build());
    }

    private NotificationProvider provider() {
        return provider(stub.password(), stub.mask());
    }

    private static MessageRequest sms(String e164, String text) {
        return new MessageRequest(IdempotencyKey.of("E" + UUID.randomUUID().toString().replace("-", "").substring(0, 15)
                .toUpperCase()), Channel.SMS, new Recipient.Phone(PhoneNumber.of(e164)), MessageCategory.TRANSACTIONAL,
                MessageContent.sms(text));
    }

    @Test
    void givenManyMessages_whenSent_thenOneLoginServesThemAllAndUrduArrivesIntactAsUnicode() {
        NotificationProvider telenor = provider();

        for (int i = 0; i < 5; i++) {
            assertInstanceOf(SendOutcome.Accepted.class, telenor.send(sms("+923001234567", "Order TJ-" + i + " shipped")));
        }
        var urdu = assertInstanceOf(SendOutcome.Accepted.class, telenor.send(sms("+923001234567", URDU)));

        assertEquals(1, stub.logins());
        TelenorSmsStub.Sent last = stub.sent().get(5);
        assertEquals(urdu.gatewayMessageId(), last.id());
        assertEquals(URDU, last.text());
        assertTrue(last.unicode());
        assertFalse(stub.sent().get(0).unicode(), "plain English goes as GSM-7");
        assertEquals("923001234567", last.to(), "Telenor takes 92XXXXXXXXXX");
    }

    @Test
    void givenAnExpiredSession_whenSending_thenItLogsInOnceMoreAndTheMessageGoesOnce() {
        NotificationProvider telenor = provider();
        telenor.send(sms("+923001234567", "first"));
        stub.expireSessions();

        assertInstanceOf(SendOutcome.Accepted.class, telenor.send(sms("+923001234567", "second")));

        assertEquals(2, stub.logins());
        assertEquals(2, stub.sent().size());
    }

    @Test
    void givenEachDocumentedRefusal_whenSending_thenItIsMappedToWhatTheShopMustDo() {
        NotificationProvider telenor = provider();
        stub.block("923009999999");

        assertEquals("300", assertInstanceOf(SendOutcome.Rejected.class,
                telenor.send(sms("+923009999999", "x"))).code(), "a blocked number: this message's refusal");
        assertEquals("MSISDN", assertInstanceOf(SendOutcome.Rejected.class,
                telenor.send(sms("+447700900123", "x"))).code(), "not a Pakistani number: refused before sending");
        stub.throttle(true);
        assertThrows(TransientProviderException.class, () -> telenor.send(sms("+923001234567", "x")), "304: retry later");
        stub.throttle(false);
        stub.outOfCredit(true);
        var credit = assertThrows(PermanentProviderException.class, () -> telenor.send(sms("+923001234567", "x")));
        assertTrue(credit.getMessage().contains("out of credit"));
        stub.outOfCredit(false);
        assertThrows(PermanentProviderException.class, () -> provider(stub.password(), "OTHERMASK")
                .send(sms("+923001234567", "x")), "103: the mask is the operator's to fix");
        var login = assertThrows(PermanentProviderException.class, () -> provider("wrong-password", stub.mask())
                .send(sms("+923001234567", "x")));
        assertFalse(login.getMessage().contains("wrong-password"));
        assertEquals(0, stub.sent().size());
    }

    @Test
    void givenEveryErrorCode_whenMapped_thenNoneIsAcceptedAndNoneIsUnknown() {
        for (String code : new String[] {"201", "300", "101", "999"}) {
            assertInstanceOf(SendOutcome.Rejected.class, TelenorSmsProvider.refusal(code, "Error " + code), code);
        }
        for (String code : new String[] {"304", "305", "102"}) {
            assertThrows(TransientProviderException.class, () -> TelenorSmsProvider.refusal(code, ""), code);
        }
        for (String code : new String[] {"200", "103", "100"}) {
            assertThrows(PermanentProviderException.class, () -> TelenorSmsProvider.refusal(code, ""), code);
        }
    }
}
