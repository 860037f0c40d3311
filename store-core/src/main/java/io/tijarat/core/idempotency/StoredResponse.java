package io.tijarat.core.idempotency;

/** An HTTP response kept for replay: status and JSON body, byte for byte as first sent. */
public record StoredResponse(int status, String body) {
}
