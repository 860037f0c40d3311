package io.tijarat.core.payment.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfirmationBackoffTest {

    @Test
    void the_wait_between_confirmations_of_one_attempt_doubles_from_the_base_up_to_thirty_minutes() {
        Duration base = Duration.ofSeconds(10);
        assertEquals(Duration.ofSeconds(10), ProviderEvents.backoff(base, 1));
        assertEquals(Duration.ofSeconds(20), ProviderEvents.backoff(base, 2));
        assertEquals(Duration.ofSeconds(80), ProviderEvents.backoff(base, 4));
        assertEquals(Duration.ofMinutes(30), ProviderEvents.backoff(base, 9));
        assertEquals(Duration.ofMinutes(30), ProviderEvents.backoff(base, 10_000));
    }
}
