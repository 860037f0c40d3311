package io.tijarat.core.provider.guard;

/**
 * Carries a provider's "maybe it happened" answer through the fault-tolerance interceptors as a failure,
 * so that a gateway which keeps leaving calls unknown (timing out, answering garbage) opens its breaker
 * just like one that refuses connections. The caller unwraps {@link #outcome()}; it is never shown.
 */
public final class UnknownOutcome extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Object outcome;

    UnknownOutcome(Object outcome) {
        super("the provider's answer is unknown", null, false, false);
        this.outcome = outcome;
    }

    /** The provider's own Unknown outcome, e.g. a {@code PaymentOutcome.Unknown}. */
    public Object outcome() {
        return outcome;
    }

    static boolean isUnknown(Object result) {
        return result instanceof io.tijarat.spi.payment.PaymentOutcome.Unknown
                || result instanceof io.tijarat.spi.payment.InquiryOutcome.Unknown
                || result instanceof io.tijarat.spi.payment.RefundOutcome.Unknown
                || result instanceof io.tijarat.spi.payment.VoidOutcome.Unknown
                || result instanceof io.tijarat.spi.notification.SendOutcome.Unknown
                || result instanceof io.tijarat.spi.shipping.BookingOutcome.Unknown;
    }
}
