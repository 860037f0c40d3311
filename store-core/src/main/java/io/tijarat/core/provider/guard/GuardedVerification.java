package io.tijarat.core.provider.guard;

import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.payment.CallbackOutcome;
import io.tijarat.spi.shipping.TrackingCallbackOutcome;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The signature checks of inbound callbacks, as the core calls them: local work, so only a timeout, and no
 * breaker or bulkhead that a flood of forged callbacks could fill to shut out genuine ones. Each method
 * is called only on a provider of the matching kind.
 */
public interface GuardedVerification {

    /** {@link io.tijarat.spi.payment.PaymentProvider#verifyCallback}. */
    @Timeout(2_000)
    CallbackOutcome verifyCallback(CallbackRequest request);

    /** {@link io.tijarat.spi.shipping.ShippingProvider#verifyTrackingCallback}. */
    @Timeout(2_000)
    TrackingCallbackOutcome verifyTrackingCallback(CallbackRequest request);

    /** {@link io.tijarat.spi.notification.NotificationProvider#verifyInbound} (SPI 1.4). */
    @Timeout(2_000)
    io.tijarat.spi.notification.InboundOutcome verifyInbound(CallbackRequest request);
}
