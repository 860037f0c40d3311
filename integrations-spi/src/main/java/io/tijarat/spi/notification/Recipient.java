package io.tijarat.spi.notification;

import io.tijarat.spi.EmailAddress;
import io.tijarat.spi.PhoneNumber;
import io.tijarat.spi.internal.Checks;

/** Whom a message goes to: a phone number or an e-mail address, matching the channel. */
public sealed interface Recipient {

    /**
     * A mobile number; SMS gateways want it as {@link PhoneNumber#digits()} ({@code 92XXXXXXXXXX}).
     *
     * @param number the number
     */
    record Phone(PhoneNumber number) implements Recipient {
        public Phone {
            Checks.notNull(number, "number");
        }
    }

    /** @param address the e-mail address */
    record Email(EmailAddress address) implements Recipient {
        public Email {
            Checks.notNull(address, "address");
        }
    }
}
