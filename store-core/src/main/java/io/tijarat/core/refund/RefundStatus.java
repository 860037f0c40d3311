package io.tijarat.core.refund;

/** Where a refund stands. */
public enum RefundStatus {
    /** Persisted; the provider has not answered yet. */
    REQUESTED,
    /** The provider accepted it and will settle it later. */
    PENDING,
    SUCCEEDED,
    /** Staff paid the customer back outside the gateway; recorded by them. */
    MANUAL,
    /** The provider refused it, or could not be asked: no money moved. */
    FAILED,
    /** Maybe it happened: settled by asking the provider, never by sending it again blindly. */
    UNKNOWN;

    /** Whether the amount counts against what can still be refunded. */
    public boolean holdsAmount() {
        return this != FAILED;
    }
}
