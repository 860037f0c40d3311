package io.tijarat.core.provider.guard;

import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.shipping.CityCoverage;
import io.tijarat.spi.shipping.RateQuote;
import io.tijarat.spi.shipping.RateRequest;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * {@link io.tijarat.spi.shipping.ShippingProvider} as checkout calls it, with per-provider fault
 * tolerance (see {@link GuardedPayment}). Booking, tracking and remittance join when fulfilment does.
 */
public interface GuardedShipping {

    @Timeout(5_000)
    @Bulkhead(20)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = PermanentProviderException.class)
    CityCoverage coverage(String city);

    @Timeout(5_000)
    @Bulkhead(20)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = PermanentProviderException.class)
    List<RateQuote> quote(RateRequest request);
}
