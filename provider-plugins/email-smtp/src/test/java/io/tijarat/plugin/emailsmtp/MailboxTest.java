package io.tijarat.plugin.emailsmtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Addresses go into the envelope and headers as strict ASCII, so none can carry an injection. */
class MailboxTest {

    @Test
    void givenTheUsualSenderForms_whenParsed_thenNameAndAddress() {
        assertEquals(new Mailbox(Optional.of("Shop"), "orders@shop.pk"), Mailbox.parse("Shop <orders@shop.pk>").orElseThrow());
        assertEquals(new Mailbox(Optional.empty(), "orders@shop.pk"), Mailbox.parse(" orders@shop.pk ").orElseThrow());
        assertEquals(new Mailbox(Optional.of("Shop, Lahore"), "orders@shop.pk"),
                Mailbox.parse("\"Shop, Lahore\" <orders@shop.pk>").orElseThrow());
        assertEquals(new Mailbox(Optional.empty(), "orders@shop.pk"), Mailbox.parse("<orders@shop.pk>").orElseThrow());
    }

    @Test
    void givenAnInternationalDomain_whenParsed_thenItsAsciiForm() {
        assertEquals("info@xn--mgbh0fb.xn--kgbechtv", Mailbox.address("info@مثال.إختبار").orElseThrow().address());
    }

    @Test
    void givenAnAddress_whenWrittenForTheEnvelope_thenInAngleBrackets() {
        assertEquals("<a.b+c@shop.pk>", Mailbox.address("a.b+c@shop.pk").orElseThrow().envelope());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a>b@shop.pk", "a<b@shop.pk", "a,b@shop.pk", "\"a b\"@shop.pk", "a..b@shop.pk",
            ".a@shop.pk", "a@shop", "a@-shop.pk", "a@shop..pk", "علی@shop.pk", "a@shop.pk>", "a@sh op.pk", ""})
    void givenAnAddressSmtpCannotCarrySafely_whenParsed_thenEmpty(String address) {
        assertTrue(Mailbox.address(address).isEmpty(), address);
    }
}
