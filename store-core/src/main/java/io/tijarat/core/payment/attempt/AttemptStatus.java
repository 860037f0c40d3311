package io.tijarat.core.payment.attempt;

/** Where a payment attempt stands. */
public enum AttemptStatus {
    /** Persisted; the provider has not answered yet (or the server stopped before recording its answer). */
    STARTED,
    /** The provider was not reached or refused before taking the request: nothing happened; try again. */
    NOT_SENT,
    /** The customer must act (redirect, approve on phone, pay a voucher, pay on delivery). */
    PENDING,
    APPROVED,
    DECLINED,
    /** Maybe it happened: settled by inquiry, never by guessing. */
    UNKNOWN,
    /** The provider's window passed without a payment; the order expired with it. */
    EXPIRED;

    /** Whether this attempt still waits for an answer (reconciler, callback or inquiry). */
    public boolean isOpen() {
        return this == STARTED || this == PENDING || this == UNKNOWN;
    }
}
