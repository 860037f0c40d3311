package io.tijarat.spi.payment;

import io.tijarat.spi.CallbackRequest;
import java.time.Duration;

/**
 * Takes payments through one gateway. Created by a {@link PaymentProviderFactory}.
 *
 * <h2>Threading</h2>
 * One instance serves all calls, concurrently: it must be thread-safe and keep no per-call state in
 * fields. A cached token or session is fine if it is safe to use from several threads.
 *
 * <h2>Idempotency</h2>
 * Every changing call ({@link #start}, {@link #refund}, {@link #voidPayment}) carries an
 * {@link io.tijarat.spi.IdempotencyKey} which the plugin forwards to the gateway. The core may repeat a
 * call with the same key after a {@link io.tijarat.spi.TransientProviderException}; the plugin must
 * then not cause a second charge, refund or cancellation.
 *
 * <h2>Timeouts</h2>
 * The core gives each call the descriptor's time budget and interrupts it when the budget runs out,
 * counting an interrupted changing call as unknown. A plugin that sets HTTP timeouts a little inside
 * the budget can return its own {@code Unknown} with a better detail.
 *
 * <h2>Results and failures</h2>
 * An answer from the gateway is an outcome; no answer is a
 * {@link io.tijarat.spi.ProviderException}; see the outcome types for what each case means. Optional
 * operations are called only when the matching {@link PaymentCapability} is declared; their default
 * implementations throw {@link UnsupportedOperationException}.
 */
public interface PaymentProvider {

    /**
     * Starts a payment attempt.
     *
     * <p>For a hosted checkout, this builds the signed form and returns
     * {@link PaymentOutcome.Pending} with a {@link CustomerAction.Redirect}, often without calling the
     * gateway. For a direct wallet charge the gateway may hold the call until the customer approves
     * on the phone. For cash on delivery and bank transfer, it returns {@code Pending} with
     * {@link CustomerAction.PayOffline}.
     */
    PaymentOutcome start(PaymentRequest request);

    /**
     * Asks the gateway what became of an attempt. A read: safe to repeat. Requires
     * {@link PaymentCapability#INQUIRY}.
     *
     * @throws io.tijarat.spi.TransientProviderException if the gateway gave no usable answer
     */
    default InquiryOutcome inquire(InquiryRequest request) {
        throw new UnsupportedOperationException("inquire needs PaymentCapability.INQUIRY");
    }

    /**
     * Gives money back. Requires {@link PaymentCapability#REFUND}, and
     * {@link PaymentCapability#PARTIAL_REFUND} when {@link RefundRequest#isPartial()}. A gateway without
     * a refund API (EasyPaisa) does not declare it: staff refund through the gateway's portal and record
     * it in the shop. A gateway with a refund API for some instruments only answers
     * {@link RefundOutcome.NotSupported} for the others ({@link RefundRequest#method()}), without calling the
     * gateway: the core keeps the refund open for staff.
     */
    default RefundOutcome refund(RefundRequest request) {
        throw new UnsupportedOperationException("refund needs PaymentCapability.REFUND");
    }

    /**
     * Asks the gateway what became of a refund that ended {@link RefundOutcome.Pending} or
     * {@link RefundOutcome.Unknown}. A read: safe to repeat; the core asks with back-off, outside any
     * database transaction, through the provider's fault tolerance (the inquiry's time budget), and never
     * sends the refund again to find out. {@code request} is the refund as it was sent (same
     * {@link RefundRequest#refundId()}).
     *
     * <p>Answers with {@link RefundOutcome}: {@code Refunded} — done (with the gateway's reference);
     * {@code Declined} — it failed, no money moved (the core frees the amount); {@code Pending} or
     * {@code Unknown} — not settled yet (asked again later); {@code NotSupported} — the gateway cannot be
     * asked about this refund, and the core hands it to staff, who resolve it from the gateway's portal. A
     * gateway that gives no usable answer throws {@link io.tijarat.spi.TransientProviderException} (asked
     * again later).
     *
     * <p>The default answers {@code NotSupported}: a plugin built before this method existed, or for a
     * gateway that cannot be asked, leaves open refunds to staff. No capability is needed to call it.
     *
     * @since 1.1
     */
    default RefundOutcome refundStatus(RefundRequest request) {
        return new RefundOutcome.NotSupported("this provider cannot be asked about a refund: check the gateway's"
                + " portal and resolve it by hand");
    }

    /** Cancels an unpaid attempt. Requires {@link PaymentCapability#VOID}. */
    default VoidOutcome voidPayment(VoidRequest request) {
        throw new UnsupportedOperationException("voidPayment needs PaymentCapability.VOID");
    }

    /**
     * Verifies and reads an inbound notification or customer return. Requires
     * {@link PaymentCapability#CALLBACKS}.
     *
     * <p>Verify before trusting anything: the signature over the raw bytes, compared in constant time
     * ({@link java.security.MessageDigest#isEqual}), and the timestamp where there is one. A request
     * that fails is {@link CallbackOutcome.Rejected}, not an exception. The core may deliver the same
     * request more than once, and requests may arrive out of order; the {@code eventKey} and the core's
     * state machine deal with that.
     *
     * <p>Do not call the gateway from here: a notification must be answered quickly, and the core
     * inquires separately when {@code confirmByInquiry} asks it to. Above all, never fetch a URL the
     * request names (EasyPaisa's IPN carries one): a forged request could make the server fetch
     * anything. Read the attempt id from it, and let inquiry do the rest.
     */
    default CallbackOutcome verifyCallback(CallbackRequest request) {
        throw new UnsupportedOperationException("verifyCallback needs PaymentCapability.CALLBACKS");
    }

    /**
     * How long after the start the core must wait before the first inquiry, because the gateway does
     * not know an attempt (or misreports it) before then. JazzCash asks for about ten minutes. Zero by
     * default.
     */
    default Duration firstInquiryAfter() {
        return Duration.ZERO;
    }

    /**
     * How long after the start an attempt can still be paid; after that the core stops inquiring and
     * treats an attempt that is still not found or pending as failed. A voucher's own
     * {@link CustomerAction.PayVoucher#expiresAt() expiry} extends it. One hour by default; the plugin
     * should send the same expiry to the gateway where it takes one ({@code pp_TxnExpiryDateTime}).
     */
    default Duration attemptExpiresAfter() {
        return Duration.ofHours(1);
    }
}
