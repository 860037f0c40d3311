package io.tijarat.plugin.jazzcash;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How one request to JazzCash's API ended, before any operation reads a meaning into it. Each operation
 * (start, inquiry, refund) maps these cases by the SPI's rules: a changing call turns "maybe sent" into
 * {@code Unknown}, a read into {@code TransientProviderException}.
 */
sealed interface Exchange {

    /**
     * JazzCash answered with its JSON, about our transaction.
     *
     * @param fields the answer's members, values as text, always under their {@code pp_} names: an answer in
     *               the newer unprefixed shape ({@code responseCode}, …) is renamed after its hash is checked
     * @param signed whether it carried a secure hash that verifies; {@code false} means it carried none (a
     *               hash that does not verify makes the answer {@link Unusable} instead)
     */
    record Answer(Map<String, String> fields, boolean signed) implements Exchange {

        /** {@code pp_ResponseCode}, stripped; empty if absent. */
        String code() {
            return field("pp_ResponseCode").orElse("");
        }

        /** A member's value, stripped, if present and not blank. */
        Optional<String> field(String name) {
            return Optional.ofNullable(fields.get(name)).map(String::strip).filter(value -> !value.isEmpty());
        }

        /** The retrieval reference, whichever way JazzCash spells it ({@code Retreival} in most answers). */
        Optional<String> retrievalReference() {
            return field("pp_RetreivalReferenceNo").or(() -> field("pp_RetrievalReferenceNo"));
        }
    }

    /** Nothing reached JazzCash (refused, DNS, connect timeout, TLS handshake): safe to repeat. */
    record NotSent(String detail, IOException cause) implements Exchange {
    }

    /** The request may have reached JazzCash, and no answer came (response timeout, reset, interrupted). */
    record Lost(String detail) implements Exchange {
    }

    /** HTTP 429 or 503: JazzCash (or its front) did not take the request. */
    record Busy(int status, Optional<Duration> retryAfter) implements Exchange {
    }

    /**
     * An answer that is not JazzCash's: another HTTP status, an HTML page, broken JSON, no response code,
     * a hash that does not verify, or an answer about another transaction. The request may have been
     * processed.
     *
     * @param detail for staff and logs: what was wrong, never the body
     */
    record Unusable(String detail) implements Exchange {
    }
}
