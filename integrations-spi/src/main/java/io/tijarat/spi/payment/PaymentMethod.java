package io.tijarat.spi.payment;

/**
 * The way the customer chose to pay, as a hint to a gateway that offers several (JazzCash
 * {@code pp_TxnType}, EasyPaisa {@code paymentMethod}). A provider that offers only one way, or none
 * of these (cash on delivery, bank transfer), ignores it.
 *
 * <p>A later minor version may add constants: treat one you do not know as {@link #ANY}.
 */
public enum PaymentMethod {
    /** Let the gateway's page offer everything it has. */
    ANY,
    /** A mobile wallet account (JazzCash {@code MWALLET}, EasyPaisa mobile account). */
    WALLET,
    /** A debit or credit card, always on the gateway's hosted page: never collect card data. */
    CARD,
    /** A voucher the customer pays over the counter at a shop or agent (JazzCash/EasyPaisa OTC). */
    VOUCHER
}
