package io.tijarat.plugin.jazzcash.stub;

import java.util.Optional;

/**
 * One transaction the stub knows, as the inquiry reports it. Immutable: the ledger replaces it.
 *
 * @param reference   {@code pp_TxnRefNo}
 * @param type        {@code MWALLET}, {@code OTC}, {@code MPAY}, or empty for a hosted page where the
 *                    customer has not chosen yet
 * @param amount      paisa
 * @param status      {@code Pending}, {@code Completed}, {@code Failed} or {@code Dropped}
 * @param code        the payment's response code ({@code 000}, {@code 124}, {@code 119}, …)
 * @param rrn         {@code pp_RetreivalReferenceNo} (the voucher number, for a voucher)
 * @param refunded    paisa refunded so far
 * @param txnDateTime the merchant's {@code pp_TxnDateTime}
 * @param billReference the merchant's {@code pp_BillReference}
 * @param returnUrl   {@code pp_ReturnURL}, for the hosted page
 */
public record StubTransaction(String reference, String type, long amount, String status, String code, String rrn,
                              long refunded, String txnDateTime, String billReference, Optional<String> returnUrl) {

    public static final String PENDING = "Pending";
    public static final String COMPLETED = "Completed";
    public static final String FAILED = "Failed";
    public static final String DROPPED = "Dropped";

    StubTransaction settled(String newStatus, String newCode) {
        return new StubTransaction(reference, type, amount, newStatus, newCode, rrn, refunded, txnDateTime,
                billReference, returnUrl);
    }

    StubTransaction chosen(String newType) {
        return new StubTransaction(reference, newType, amount, status, code, rrn, refunded, txnDateTime, billReference,
                returnUrl);
    }

    StubTransaction refunding(long paisa) {
        return new StubTransaction(reference, type, amount, status, code, rrn, refunded + paisa, txnDateTime,
                billReference, returnUrl);
    }
}
