package io.tijarat.core.payment.refund;

/** Where a refund stands. */
public enum RefundStatus {
    /** Persisted; the provider has not answered yet (or the server stopped before recording its answer). */
    REQUESTED,
    /** The provider accepted it and will settle it later: the reconciler asks about it. */
    PENDING,
    SUCCEEDED,
    /** Staff paid the customer back outside the gateway; recorded by them. */
    MANUAL,
    /** The provider refused it, or could not be asked, or an admin resolved it as failed: no money moved. */
    FAILED,
    /** Maybe it happened: settled by asking the provider, never by sending it again blindly. */
    UNKNOWN,
    /**
     * The provider cannot make this refund (no refund API for the instrument that paid) or cannot be asked
     * about it, or never settled it: an admin resolves it from the gateway's portal or the bank.
     */
    AWAITING_STAFF;

    /** Whether the amount counts against what can still be refunded. */
    public boolean holdsAmount() {
        return this != FAILED;
    }

    /** Whether nothing changes it any more: neither the provider's news nor an admin's resolution. */
    public boolean isFinal() {
        return this == SUCCEEDED || this == MANUAL || this == FAILED;
    }

    /** Whether the reconciler asks the provider about it. */
    public boolean isAskedAbout() {
        return this == REQUESTED || this == PENDING || this == UNKNOWN;
    }
}
