package io.tijarat.spi.payment;

import io.tijarat.spi.Capability;
import io.tijarat.spi.ProviderKind;

/**
 * Optional features of a {@link PaymentProvider}. The core calls an optional operation only when its
 * capability is declared, and otherwise offers the manual path (a staff member records the refund,
 * or settles the attempt by hand).
 */
public enum PaymentCapability implements Capability {
    /** {@link PaymentProvider#inquire}: the gateway can say what became of an attempt. */
    INQUIRY,
    /** {@link PaymentProvider#refund} of the whole paid amount. */
    REFUND,
    /** {@link PaymentProvider#refund} of part of the paid amount, more than once. Implies REFUND. */
    PARTIAL_REFUND,
    /**
     * The gateway itself drops a repeated refund with the same {@link RefundRequest#refundId()}, so
     * the core may send a refund that ended {@link RefundOutcome.Unknown} again. Without it, an
     * unknown refund goes to staff, because sending it twice could pay the customer twice.
     */
    IDEMPOTENT_REFUND,
    /** {@link PaymentProvider#voidPayment}: cancel an attempt that is not yet paid or settled. */
    VOID,
    /** {@link PaymentProvider#verifyCallback}: the gateway notifies us, or returns the customer to us. */
    CALLBACKS,
    /**
     * The money is collected when the parcel is delivered (cash on delivery). A
     * {@link PaymentOutcome.Pending} with {@link CustomerAction.PayOffline} then means "confirmed, ship it":
     * the order goes to fulfilment without waiting for a payment, and the courier's remittance settles it.
     * A {@link PaymentOutcome.Pending} with {@link CustomerAction.ApproveOnPhone} means the shop wants the
     * customer to confirm the order first (by SMS reply or a call) before it ships.
     */
    COLLECT_ON_DELIVERY;

    @Override
    public ProviderKind kind() {
        return ProviderKind.PAYMENT;
    }
}
