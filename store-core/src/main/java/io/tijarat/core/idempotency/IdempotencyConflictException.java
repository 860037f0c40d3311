package io.tijarat.core.idempotency;

/** The key is in use: by another request (mismatch → 422) or by this one, still running (→ 409). */
public class IdempotencyConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the key cannot be used now. */
    public enum Reason { DIFFERENT_REQUEST, STILL_RUNNING }

    private final Reason reason;

    public IdempotencyConflictException(Reason reason) {
        super(reason == Reason.DIFFERENT_REQUEST
                ? "this Idempotency-Key was already used with a different request"
                : "a request with this Idempotency-Key is still being processed; retry shortly", null, false, false);
        this.reason = reason;
    }

    public Reason reason() { return reason; }
}
