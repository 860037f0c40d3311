package io.tijarat.spi.payment;

import io.tijarat.spi.EmailAddress;
import io.tijarat.spi.PhoneNumber;
import io.tijarat.spi.internal.Checks;
import java.util.Optional;

/**
 * The paying customer, as far as gateways need to know: many ask for a mobile number or e-mail to
 * send receipts and prompts. {@link #toString()} masks everything. Immutable and thread-safe.
 *
 * @param name  the name on the order
 * @param phone the customer's mobile number, if given
 * @param email the customer's e-mail address, if given
 */
public record Customer(String name, Optional<PhoneNumber> phone, Optional<EmailAddress> email) {

    public Customer {
        Checks.notBlank(name, "customer name", 200);
        Checks.optional(phone, "phone");
        Checks.optional(email, "email");
    }

    @Override
    public String toString() {
        return "Customer[name=" + name.charAt(0) + "***, phone=" + phone.map(PhoneNumber::masked).orElse("-")
                + ", email=" + email.map(EmailAddress::masked).orElse("-") + "]";
    }
}
