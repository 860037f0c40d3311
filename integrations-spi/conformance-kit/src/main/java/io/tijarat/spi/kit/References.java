package io.tijarat.spi.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tijarat.spi.IdempotencyKey;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Checks that what a plugin sent a gateway carries the core's idempotency key, the same on every try. */
final class References {

    private References() {
    }

    /**
     * Asserts that at least {@code tries} of the {@code requests} carry a reference (as {@code reference}
     * reads it; requests it returns {@code null} for, such as token requests, are ignored), that all
     * those references are equal, and that they contain the key.
     */
    static void assertSameReferenceForwarded(List<LoggedRequest> requests, Function<LoggedRequest, String> reference,
                                             IdempotencyKey key, int tries) {
        List<String> references = requests.stream().map(reference).filter(Objects::nonNull).toList();

        assertTrue(references.size() >= tries, () -> tries + " calls with one key, but " + references.size()
                + " of " + requests.size() + " requests carried a reference");
        assertEquals(1, references.stream().distinct().count(),
                () -> "one key, but the gateway saw different references: " + references);
        assertTrue(references.get(0).contains(key.value()), () -> "the reference sent, " + references.get(0)
                + ", is not the core's idempotency key " + key + ": forward the key, do not make one up");
    }

    /**
     * Asserts that at least {@code tries} of the {@code requests} carry a reference, all equal, containing
     * {@code expected} — the booking's reference (its order number, since SPI 1.3), not a key of the plugin's making.
     */
    static void assertSameReferenceSent(List<LoggedRequest> requests, Function<LoggedRequest, String> reference,
                                        String expected, int tries) {
        List<String> references = requests.stream().map(reference).filter(Objects::nonNull).toList();

        assertTrue(references.size() >= tries, () -> tries + " calls with one booking, but " + references.size()
                + " of " + requests.size() + " requests carried a reference");
        assertEquals(1, references.stream().distinct().count(),
                () -> "one booking, but the courier saw different references: " + references);
        assertTrue(references.get(0).contains(expected), () -> "the reference sent, " + references.get(0)
                + ", is not the booking's reference " + expected + " (ShipmentRequest.orderNumber(), printed on the slip)");
    }
}
