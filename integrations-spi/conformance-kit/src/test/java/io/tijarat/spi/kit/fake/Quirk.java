package io.tijarat.spi.kit.fake;

/** A deliberate bug a fake plugin can be built with, so a contract case can be seen to catch it. */
public enum Quirk {
    /** Behaves. */
    NONE,
    /** Answers HTTP 500 with Declined: tells a customer "no" when the gateway may have charged them. */
    DECLINES_ON_SERVER_ERROR,
    /** Writes its secret into a log line. */
    LOGS_SECRET,
    /** Sends a fresh reference on every try instead of the core's key. */
    INVENTS_REFERENCE,
    /** Reports a refused connection as Unknown, though nothing was sent. */
    GUESSES_ON_REFUSAL,
    /** Throws a parser error on an answer that is not JSON. */
    CRASHES_ON_HTML,
    /** Calls the gateway while being created. */
    CALLS_GATEWAY_IN_CREATE,
    /** Uses the SPI's internal helpers, which plugins cannot see. */
    USES_SPI_INTERNALS,
    /** Reads its base URL without require(), so a missing key fails with a useless message. */
    IGNORES_MISSING_KEY,
    /** Answers a response timeout with a rejection instead of Unknown. */
    REJECTS_ON_TIMEOUT,
    /** Believes a tracking webhook that carries a signature header, without checking it. */
    ACCEPTS_TAMPERED_WEBHOOKS,
    /** Sends the COD amount in paisa (the rider would collect a hundred times too much). */
    SENDS_COD_IN_PAISA
}
