package io.tijarat.spi.shipping;

import io.tijarat.spi.EmailAddress;
import io.tijarat.spi.PhoneNumber;
import io.tijarat.spi.internal.Checks;
import java.util.Optional;

/**
 * A person and place a parcel goes to or comes from. Pakistani addresses are free text, so the
 * address is one string; the city is separate because every courier routes by it.
 * {@link #toString()} hides the personal data. Immutable and thread-safe.
 *
 * @param name    the contact's name
 * @param phone   the number the rider calls
 * @param email   for couriers that send updates by e-mail
 * @param address street, area, landmarks, as the customer wrote it
 * @param city    the city, as the shop knows it; the plugin maps it to the courier's city
 */
public record ShippingAddress(String name, PhoneNumber phone, Optional<EmailAddress> email, String address,
                              String city) {

    public ShippingAddress {
        Checks.notBlank(name, "name", 200);
        Checks.notNull(phone, "phone");
        Checks.optional(email, "email");
        Checks.notBlank(address, "address", 500);
        Checks.notBlank(city, "city", 100);
    }

    @Override
    public String toString() {
        return "ShippingAddress[name=" + name.charAt(0) + "***, phone=" + phone.masked() + ", city=" + city + "]";
    }
}
