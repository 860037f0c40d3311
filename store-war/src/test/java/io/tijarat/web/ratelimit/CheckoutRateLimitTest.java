package io.tijarat.web.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CheckoutRateLimitTest {

    @Test
    void one_phone_number_is_one_key_however_it_is_written() {
        assertEquals(CheckoutRateLimit.phoneKey("0300-1234567"), CheckoutRateLimit.phoneKey("+92 300 1234567"));
        assertEquals(CheckoutRateLimit.phoneKey("03001234567"), CheckoutRateLimit.phoneKey("923001234567"));
    }
}
