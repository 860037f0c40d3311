package io.tijarat.core.provider.guard;

import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.payment.CallbackOutcome;
import io.tijarat.spi.payment.InquiryOutcome;
import io.tijarat.spi.payment.InquiryRequest;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentRequest;
import io.tijarat.spi.payment.RefundOutcome;
import io.tijarat.spi.payment.RefundRequest;
import io.tijarat.spi.payment.VoidOutcome;
import io.tijarat.spi.payment.VoidRequest;
import io.tijarat.spi.CallbackRequest;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * {@link io.tijarat.spi.payment.PaymentProvider} as the core calls it: the same methods, with the fault
 * tolerance every call gets. A permanent (configuration) failure does not count against the breaker:
 * it is not the gateway's health. Values are global defaults, overridable with MicroProfile FT keys
 * ({@code io.tijarat.core.provider.guard.GuardedPayment/start/Timeout/value=…}); the state is per provider.
 * Breaker delays are in milliseconds (Payara ignores {@code delayUnit}, STACK.md).
 */
public interface GuardedPayment {

    /**
     * A wallet charge is held by the gateway until the customer enters their PIN (JazzCash answers after
     * up to a minute, EasyPaisa's budget is 75 s), so the outer limit sits above every bundled plugin's
     * budget; each plugin's own HTTP timeouts end the call inside its budget. A hung plugin still frees its
     * slot (of its own bulkhead) after 90 s, and the attempt goes to inquiry.
     */
    @Timeout(90_000)
    @Bulkhead(20)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = PermanentProviderException.class)
    PaymentOutcome start(PaymentRequest request);

    @Timeout(15_000)
    @Bulkhead(10)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = PermanentProviderException.class)
    InquiryOutcome inquire(InquiryRequest request);

    @Timeout(20_000)
    @Bulkhead(5)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = PermanentProviderException.class)
    RefundOutcome refund(RefundRequest request);

    @Timeout(15_000)
    @Bulkhead(5)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = PermanentProviderException.class)
    VoidOutcome voidPayment(VoidRequest request);

    /** A read about a refund, called by the reconciler: the inquiry's limits. */
    @Timeout(15_000)
    @Bulkhead(5)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = PermanentProviderException.class)
    RefundOutcome refundStatus(RefundRequest request);

    /** Local work (a signature check): only a timeout, so a plugin bug cannot hang the webhook endpoint. */
    @Timeout(2_000)
    CallbackOutcome verifyCallback(CallbackRequest request);
}
