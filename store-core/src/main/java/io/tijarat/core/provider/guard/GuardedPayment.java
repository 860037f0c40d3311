package io.tijarat.core.provider.guard;

import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.payment.InquiryOutcome;
import io.tijarat.spi.payment.InquiryRequest;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentRequest;
import io.tijarat.spi.payment.RefundOutcome;
import io.tijarat.spi.payment.RefundRequest;
import io.tijarat.spi.payment.VoidOutcome;
import io.tijarat.spi.payment.VoidRequest;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * {@link io.tijarat.spi.payment.PaymentProvider} as the core calls it: the same methods, with the fault
 * tolerance every call gets. A permanent (configuration) failure does not count against the breaker:
 * it is not the gateway's health. The values written here are placeholders: each provider's values come
 * from {@link FaultToleranceSettings} (defaults per operation, the plugin's declared budget, the operator's
 * {@code tijarat.provider.<id>.ft.*} keys) through its own class ({@link GuardTypes}). Breaker delays are
 * in milliseconds (Payara ignores {@code delayUnit}). Signature checks are guarded by
 * {@link GuardedVerification}.
 */
public interface GuardedPayment {

    /**
     * A wallet charge is held by the gateway until the customer enters their PIN, so its budget is the
     * provider's whole declared budget; a hung plugin still frees its slot (of its own bulkhead) two
     * seconds after that, and the attempt goes to inquiry.
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
    @Retry(maxRetries = 0, delay = 500, jitter = 100, retryOn = TransientProviderException.class,
            abortOn = PermanentProviderException.class)
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

    /** A read about a refund, called by the reconciler: like an inquiry. */
    @Timeout(15_000)
    @Bulkhead(5)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = PermanentProviderException.class)
    @Retry(maxRetries = 0, delay = 500, jitter = 100, retryOn = TransientProviderException.class,
            abortOn = PermanentProviderException.class)
    RefundOutcome refundStatus(RefundRequest request);
}
