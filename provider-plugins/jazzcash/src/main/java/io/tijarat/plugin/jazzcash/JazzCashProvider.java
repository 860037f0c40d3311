package io.tijarat.plugin.jazzcash;

import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.Money;
import io.tijarat.spi.ProviderLogger;
import io.tijarat.spi.payment.CallbackOutcome;
import io.tijarat.spi.payment.InquiryOutcome;
import io.tijarat.spi.payment.InquiryRequest;
import io.tijarat.spi.payment.PaymentMethod;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentProvider;
import io.tijarat.spi.payment.PaymentRequest;
import io.tijarat.spi.payment.RefundOutcome;
import io.tijarat.spi.payment.RefundRequest;
import java.time.Duration;

/**
 * JazzCash, as the core sees it. Sends each call to the part that knows that JazzCash API:
 * <ul>
 *   <li>a payment with a wallet account → {@link WalletPayment} (server to server, MPIN on the phone);</li>
 *   <li>a voucher payment → {@link VoucherPayment} (over the counter, {@code Pending(PayVoucher)});</li>
 *   <li>any other payment → {@link HostedCheckout} ({@code Pending(Redirect POST)} to JazzCash's page);</li>
 *   <li>inquiry → {@link StatusInquiry}; refund → {@link WalletRefund}; return and IPN →
 *       {@link CallbackVerifier}.</li>
 * </ul>
 * The attempt id is {@code pp_TxnRefNo} in every request, so inquiry finds a lost answer again. JazzCash
 * publishes no code for a reused reference, so a payment is sent again only when JazzCash surely did not take
 * it (nothing sent, HTTP 429/503, 118/127 maintenance); every other doubt is {@code Unknown}, settled by
 * inquiry.
 *
 * <p>Thread-safe: every field is immutable and no call keeps state.
 */
final class JazzCashProvider implements PaymentProvider {

    /** JazzCash does not report an attempt reliably before about ten minutes (the notes). */
    static final Duration FIRST_INQUIRY_AFTER = Duration.ofMinutes(10);

    /**
     * What {@code pp_TxnExpiryDateTime} is set to for wallet and hosted payments, and how long the core
     * keeps inquiring; a voucher carries its own, longer expiry.
     */
    static final Duration ATTEMPT_EXPIRES_AFTER = Duration.ofHours(1);

    private final JazzCashSettings settings;
    private final HostedCheckout hostedCheckout;
    private final WalletPayment walletPayment;
    private final VoucherPayment voucherPayment;
    private final StatusInquiry statusInquiry;
    private final WalletRefund walletRefund;
    private final CallbackVerifier callbackVerifier;
    private final ProviderLogger log;

    JazzCashProvider(JazzCashSettings settings, HostedCheckout hostedCheckout, WalletPayment walletPayment,
                     VoucherPayment voucherPayment, StatusInquiry statusInquiry, WalletRefund walletRefund,
                     CallbackVerifier callbackVerifier, ProviderLogger log) {
        this.settings = settings;
        this.hostedCheckout = hostedCheckout;
        this.walletPayment = walletPayment;
        this.voucherPayment = voucherPayment;
        this.statusInquiry = statusInquiry;
        this.walletRefund = walletRefund;
        this.callbackVerifier = callbackVerifier;
        this.log = log;
    }

    @Override
    public PaymentOutcome start(PaymentRequest request) {
        PaymentOutcome outcome = route(request);
        log.info("jazzcash start attempt=" + request.attemptId() + " method=" + request.method() + " outcome="
                + outcome.getClass().getSimpleName()
                + (outcome instanceof PaymentOutcome.Declined declined ? " code=" + declined.code() : ""));
        return outcome;
    }

    private PaymentOutcome route(PaymentRequest request) {
        if (!Money.PKR.equals(request.amount().currency())) {
            return new PaymentOutcome.Declined("JAZZCASH_CURRENCY", CustomerTexts.of(request.locale()).rupeesOnly());
        }
        if (request.wallet().isPresent()) {
            return walletPayment.start(request, request.wallet().get());
        }
        if (request.method() == PaymentMethod.VOUCHER) {
            return voucherPayment.start(request);
        }
        return hostedCheckout.start(request);
    }

    @Override
    public InquiryOutcome inquire(InquiryRequest request) {
        InquiryOutcome outcome = statusInquiry.inquire(request);
        log.info("jazzcash inquiry attempt=" + request.attemptId() + " outcome=" + outcome.getClass().getSimpleName());
        return outcome;
    }

    @Override
    public RefundOutcome refund(RefundRequest request) {
        RefundOutcome outcome = walletRefund.refund(request);
        log.info("jazzcash refund " + request.refundId() + " attempt=" + request.attemptId() + " partial="
                + request.isPartial() + " outcome=" + outcome.getClass().getSimpleName());
        return outcome;
    }

    @Override
    public CallbackOutcome verifyCallback(CallbackRequest request) {
        CallbackOutcome outcome = callbackVerifier.verify(request);
        if (outcome instanceof CallbackOutcome.Rejected rejected) {
            log.warn("jazzcash " + request.source() + " rejected: " + rejected.reason());
        } else if (outcome instanceof CallbackOutcome.Verified verified) {
            log.info("jazzcash " + request.source() + " attempt=" + verified.attemptId() + " status="
                    + verified.status().getClass().getSimpleName());
        }
        return outcome;
    }

    @Override
    public Duration firstInquiryAfter() {
        return FIRST_INQUIRY_AFTER;
    }

    @Override
    public Duration attemptExpiresAfter() {
        return ATTEMPT_EXPIRES_AFTER;
    }

    @Override
    public String toString() {
        return "JazzCashProvider[" + settings + "]";
    }
}
