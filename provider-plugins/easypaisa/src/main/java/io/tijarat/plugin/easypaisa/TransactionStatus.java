package io.tijarat.plugin.easypaisa;

import java.util.Locale;
import java.util.Optional;

/**
 * EasyPaisa's {@code transactionStatus}, read next to the {@code responseCode}: {@code 0000} only says the
 * request was understood, and comes with {@code FAILED} as easily as with {@code PAID}.
 */
enum TransactionStatus {
    PAID, PENDING, FAILED, BLOCKED, EXPIRED, REVERSED;

    /** The status in {@code text}, case and surrounding space ignored; empty if EasyPaisa sent another word. */
    static Optional<TransactionStatus> parse(String text) {
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the attempt can never be paid any more. */
    boolean isFinalFailure() {
        return this == FAILED || this == BLOCKED || this == EXPIRED || this == REVERSED;
    }
}
