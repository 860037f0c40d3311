package io.tijarat.core.customer;

import io.tijarat.core.error.InvalidRequestException;
import io.tijarat.core.error.InvalidRequestException.Violation;
import io.tijarat.spi.EmailAddress;
import io.tijarat.spi.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Who the order is for and where it goes, validated: every invalid field is reported at once.
 *
 * @param marketingConsent the customer ticked "send me offers by SMS" at checkout: recorded in the consent ledger
 */
public record CustomerDetails(String name, PhoneNumber phone, EmailAddress email, String locale,
                              String address, String city, String postalCode, boolean marketingConsent) {

    public CustomerDetails(String name, PhoneNumber phone, EmailAddress email, String locale, String address, String city,
                           String postalCode) {
        this(name, phone, email, locale, address, city, postalCode, false);
    }

    /** The raw values as the client sent them; any may be null. */
    public record Input(String name, String phone, String email, String locale,
                        String address, String city, String postalCode, Boolean marketingConsent) {
        public Input(String name, String phone, String email, String locale, String address, String city,
                     String postalCode) {
            this(name, phone, email, locale, address, city, postalCode, null);
        }
    }

    public static CustomerDetails from(Input in) {
        List<Violation> violations = new ArrayList<>();
        String name = check(violations, () -> Text.required("customer.name", in.name(), 2, 100));
        PhoneNumber phone = check(violations, () -> phone(in.phone()));
        EmailAddress email = check(violations, () -> email(in.email()));
        String locale = check(violations, () -> locale(in.locale()));
        String address = check(violations, () -> Text.required("shippingAddress.address", in.address(), 5, 300));
        String city = check(violations, () -> city(in.city()));
        String postal = check(violations, () -> postalCode(in.postalCode()));
        if (!violations.isEmpty()) {
            throw InvalidRequestException.invalid(violations);
        }
        return new CustomerDetails(name, phone, email, locale, address, city, postal,
                Boolean.TRUE.equals(in.marketingConsent()));
    }

    private static PhoneNumber phone(String value) {
        if (value == null || value.isBlank()) {
            throw InvalidRequestException.invalid("customer.phone", "is required");
        }
        try {
            PhoneNumber phone = PhoneNumber.fromPakistani(value);
            if (!phone.isPakistani()) {
                throw InvalidRequestException.invalid("customer.phone", "must be a Pakistani number");
            }
            return phone;
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.invalid("customer.phone",
                    "must be a Pakistani mobile number like 0300-1234567, +923001234567 or 923001234567");
        }
    }

    private static EmailAddress email(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 254) {
            throw InvalidRequestException.invalid("customer.email", "must be at most 254 characters");
        }
        try {
            return EmailAddress.of(value.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.invalid("customer.email", "is not an e-mail address");
        }
    }

    private static String locale(String value) {
        if (value == null || value.isBlank()) {
            return "en";
        }
        if (!value.equals("en") && !value.equals("ur")) {
            throw InvalidRequestException.invalid("customer.locale", "must be en or ur");
        }
        return value;
    }

    private static String city(String value) {
        if (value == null || value.isBlank()) {
            throw InvalidRequestException.invalid("shippingAddress.city", "is required");
        }
        if (value.length() > 100) {
            throw InvalidRequestException.invalid("shippingAddress.city", "must be at most 100 characters");
        }
        return io.tijarat.spi.geo.PakistanCities.get().canonical(value).orElseThrow(() -> InvalidRequestException.invalid(
                "shippingAddress.city", "is not a city we deliver to (English or Urdu name, e.g. Lahore or لاہور)"));
    }

    private static String postalCode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.strip().matches("\\d{5}")) {
            throw InvalidRequestException.invalid("shippingAddress.postalCode", "must be 5 digits");
        }
        return value.strip();
    }

    private static <T> T check(List<Violation> violations, Supplier<T> validation) {
        try {
            return validation.get();
        } catch (InvalidRequestException e) {
            violations.addAll(e.violations());
            return null;
        }
    }
}
