package io.tijarat.plugin.postex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tijarat.spi.shipping.TrackingStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every code of PostEx's guide, both tables, and the forms the live API writes them in. */
class PostExStatusTest {

    @ParameterizedTest(name = "history {0} -> {1}")
    @CsvSource({"0001, BOOKED", "0002, RETURNED", "0003, PICKED_UP", "0004, IN_TRANSIT", "0005, DELIVERED",
            "0006, RETURNED", "0007, RETURNED", "0008, EXCEPTION", "0013, ATTEMPT_FAILED", "5, DELIVERED",
            "0099, EXCEPTION", "'', EXCEPTION"})
    void historyCodes(String code, TrackingStatus expected) {
        assertEquals(expected, PostExStatus.ofHistoryCode(code));
    }

    @ParameterizedTest(name = "order status {0} -> {1}")
    @CsvSource({"1, BOOKED", "2, BOOKED", "3, PICKED_UP", "4, OUT_FOR_DELIVERY", "5, DELIVERED", "6, RETURNED",
            "7, EXCEPTION", "8, CANCELLED", "9, EXCEPTION", "15, PICKED_UP", "16, RETURNING", "17, ATTEMPT_FAILED",
            "18, IN_TRANSIT", "05, DELIVERED", "42, EXCEPTION"})
    void orderStatusIds(String id, TrackingStatus expected) {
        assertEquals(expected, PostExStatus.ofOrderStatus(id));
    }
}
