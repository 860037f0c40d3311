package io.tijarat.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"ali", "ali@", "@shop.pk", "ali@shop", "ali @shop.pk", "ali@@shop.pk", ""})
    void givenTextNotShapedLikeAnAddress_whenCreated_thenRejected(String text) {
        assertThrows(IllegalArgumentException.class, () -> EmailAddress.of(text));
    }

    @Test
    void givenAnAddress_whenPrinted_thenLocalPartIsHidden() {
        EmailAddress address = EmailAddress.of("ayesha.khan@shop.com.pk");

        assertEquals("a***@shop.com.pk", address.toString());
        assertEquals("ayesha.khan@shop.com.pk", address.value());
    }
}
