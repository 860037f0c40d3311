package io.tijarat.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"T7K2M9Q4", "T7K2M9Q4X1B8C3D5E6F0", "20260101120000AB"})
    void givenUpperCaseAlphanumericOf8To20_whenCreated_thenAcceptedVerbatim(String text) {
        assertEquals(text, IdempotencyKey.of(text).value());
        assertEquals(text, IdempotencyKey.of(text).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"T7K2M9Q", "T7K2M9Q4X1B8C3D5E6F01", "t7k2m9q4", "T7K2-M9Q4", "T7K2 M9Q4", "T7K2M9Q4_",
            "ÄBCDEFGH", ""})
    void givenKeyAGatewayMightMangleOrRefuse_whenCreated_thenRejected(String text) {
        assertThrows(IllegalArgumentException.class, () -> IdempotencyKey.of(text));
    }

    @Test
    void givenTheSameText_whenCreatedTwice_thenKeysAreEqual() {
        assertEquals(IdempotencyKey.of("T7K2M9Q4"), IdempotencyKey.of("T7K2M9Q4"));
        assertEquals(IdempotencyKey.of("T7K2M9Q4").hashCode(), IdempotencyKey.of("T7K2M9Q4").hashCode());
    }
}
