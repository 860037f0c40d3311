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
 *   <li>inquiry → {@link StatusInquiry}; return and IPN → {@link CallbackVerifier};</li>
 *   <li>refund → {@link RefundApi}, by the instrument that paid ({@link RefundRequest#method()}): a wallet
 *       payment through the wallet refund API, a card payment through the card refund API; a voucher (JazzCash
 *       publishes no refund API for over-the-counter payments) and a payment whose instrument the customer
 *       chose on JazzCash's page ({@code ANY}: not known to the shop) are {@code NotSupported}, so the core
 *       hands them to staff. A request without the instrument (a core older than SPI 1.2) goes to the wallet
 *       API, as before;</li>
 *   <li>asking about an open refund ({@link #refundStatus}) → {@link StatusInquiry} of the original
 *       transaction: JazzCash's published code 131 "Transaction is Refunded" settles a refund of the whole
 *       payment; a partial refund cannot be told apart there, so it is {@code NotSupported} (staff).</li>
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
    private final RefundApi refunds;
    private final CallbackVerifier callbackVerifier;
    private final ProviderLogger log;

    JazzCashProvider(JazzCashSettings settings, HostedCheckout hostedCheckout, WalletPayment walletPayment,
                     VoucherPayment voucherPayment, StatusInquiry statusInquiry, RefundApi refunds,
                     CallbackVerifier callbackVerifier, ProviderLogger log) {
        this.settings = settings;
        this.hostedCheckout = hostedCheckout;
        this.walletPayment = walletPayment;
        this.voucherPayment = voucherPayment;
        this.statusInquiry = statusInquiry;
        this.refunds = refunds;
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
            return new PaymentOutcome.Declined("JAZZCASH_CURRENCY", JazzCashTexts.of(request.locale()).rupeesOnly());
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
        RefundOutcome outcome = refundByInstrument(request);
        log.info("jazzcash refund " + request.refundId() + " attempt=" + request.attemptId() + " method="
                + request.method().map(Enum::name).orElse("unrecorded") + " partial=" + request.isPartial()
                + " outcome=" + outcome.getClass().getSimpleName());
        return outcome;
    }

    private RefundOutcome refundByInstrument(RefundRequest request) {
        PaymentMethod method = request.method().orElse(PaymentMethod.WALLET);
        return switch (method) {
            case WALLET -> refunds.refund(request, RefundApi.Kind.WALLET);
            case CARD -> refunds.refund(request, RefundApi.Kind.CARD);
            case VOUCHER -> new RefundOutcome.NotSupported("JazzCash publishes no refund API for over-the-counter"
                    + " voucher payments: pay the customer back by hand (bank transfer or wallet) and record it");
            case ANY -> new RefundOutcome.NotSupported("the customer chose how to pay on JazzCash's page, so the shop"
                    + " does not know which JazzCash refund API (card or wallet) applies: refund it in the JazzCash"
                    + " portal and record it");
        };
    }

    /**
     * JazzCash publishes no inquiry for a refund; its status inquiry of the original transaction reports code 131
     * "Transaction is Refunded" once the whole payment was given back. A refund of the whole payment is therefore
     * {@code Refunded} on 131 and still {@code Pending} while JazzCash reports the payment completed; anything
     * else is {@code Unknown} (asked again). A partial refund leaves the payment completed either way:
     * {@code NotSupported}, for staff.
     */
    @Override
    public RefundOutcome refundStatus(RefundRequest request) {
        if (request.isPartial()) {
            return new RefundOutcome.NotSupported("JazzCash's status inquiry shows a refund of the whole payment only"
                    + " (code 131); check this partial refund in the JazzCash portal");
        }
        // The inquiry takes the reference only (pp_TxnRefNo); the start time is not sent.
        InquiryOutcome payment = statusInquiry.inquire(new InquiryRequest(request.attemptId(), request.gatewayReference(),
                request.paidAmount(), java.time.Instant.EPOCH));
        RefundOutcome outcome;
        if (payment instanceof InquiryOutcome.Failed failed && "131".equals(failed.code())) {
            outcome = new RefundOutcome.Refunded(request.gatewayReference().orElse(request.attemptId().value()));
        } else if (payment instanceof InquiryOutcome.Paid) {
            outcome = new RefundOutcome.Pending(java.util.Optional.empty());
        } else {
            outcome = new RefundOutcome.Unknown("JazzCash's inquiry of the payment reports "
                    + payment.getClass().getSimpleName() + ", which does not settle the refund");
        }
        log.info("jazzcash refund status " + request.refundId() + " attempt=" + request.attemptId() + " outcome="
                + outcome.getClass().getSimpleName());
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
