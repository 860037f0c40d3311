package io.tijarat.core.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tijarat.core.error.InvalidRequestException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerDetailsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0300-1234567", "03001234567", "+923001234567", "923001234567", "+92 300 1234567"})
    void every_way_pakistanis_write_a_mobile_number_is_stored_as_e164(String written) {
        var details = CustomerDetails.from(input(written, "Lahore"));
        assertEquals("+923001234567", details.phone().value());
    }

    @Test
    void a_city_given_in_urdu_is_stored_by_its_english_name() {
        assertEquals("Lahore", CustomerDetails.from(input("03001234567", "لاہور")).city());
        assertEquals("Islamabad", CustomerDetails.from(input("03001234567", "  islamabad ")).city());
    }

    @Test
    void every_invalid_field_is_reported_at_once_with_its_reason() {
        var e = assertThrows(InvalidRequestException.class, () -> CustomerDetails.from(
                new CustomerDetails.Input("", "12345", "not-an-email", "fr", "x", "Atlantis", "ABC")));

        List<String> fields = e.violations().stream().map(InvalidRequestException.Violation::field).toList();
        assertEquals(List.of("customer.name", "customer.phone", "customer.email", "customer.locale",
                "shippingAddress.address", "shippingAddress.city", "shippingAddress.postalCode"), fields);
    }

    @Test
    void bidirectional_override_characters_are_refused_in_addresses() {
        var e = assertThrows(InvalidRequestException.class, () -> CustomerDetails.from(new CustomerDetails.Input(
                "Ali", "03001234567", null, "en", "House 5 \u202Eevil\u202C Street", "Karachi", null)));
        assertEquals("shippingAddress.address", e.violations().get(0).field());
    }

    @Test
    void sql_looking_text_is_just_text_and_optional_fields_may_be_absent() {
        var details = CustomerDetails.from(new CustomerDetails.Input("Robert'); DROP TABLE customer_order;--",
                "03001234567", null, null, "House 1'; --", "Karachi", null));
        assertEquals("Robert'); DROP TABLE customer_order;--", details.name());
        assertNull(details.email());
        assertEquals("en", details.locale());
    }

    private static CustomerDetails.Input input(String phone, String city) {
        return new CustomerDetails.Input("Ayesha Khan", phone, "ayesha@example.pk", "ur", "House 12, Street 4", city, "54660");
    }
}
