package io.tijarat.spi.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tijarat.spi.EmailAddress;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.PhoneNumber;
import org.junit.jupiter.api.Test;

class MessageRequestTest {

    private static final IdempotencyKey EVENT = IdempotencyKey.of("E7K2M9Q4X1B8");
    private static final Recipient PHONE = new Recipient.Phone(PhoneNumber.of("+923001234567"));
    private static final Recipient EMAIL = new Recipient.Email(EmailAddress.of("ayesha@shop.pk"));

    @Test
    void givenAMatchingChannelAndRecipient_whenCreated_thenAccepted() {
        MessageRequest sms = new MessageRequest(EVENT, Channel.SMS, PHONE, MessageCategory.TRANSACTIONAL,
                MessageContent.sms("Your order 1042 has shipped"));

        assertEquals(PHONE, sms.recipient());
    }

    @Test
    void givenAChannelThatCannotReachTheRecipient_whenCreated_thenRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MessageRequest(EVENT, Channel.SMS, EMAIL,
                MessageCategory.TRANSACTIONAL, MessageContent.sms("x")));
        assertThrows(IllegalArgumentException.class, () -> new MessageRequest(EVENT, Channel.EMAIL, PHONE,
                MessageCategory.TRANSACTIONAL, MessageContent.email("s", "x")));
    }

    @Test
    void givenEmailOnlyContent_whenSentAsSms_thenRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MessageRequest(EVENT, Channel.SMS, PHONE,
                MessageCategory.PROMOTIONAL, MessageContent.email("Sale", "50% off")));
    }

    @Test
    void givenAnEmailWithoutSubject_whenCreated_thenRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MessageRequest(EVENT, Channel.EMAIL, EMAIL,
                MessageCategory.TRANSACTIONAL, MessageContent.sms("no subject")));
    }
}
