package io.tijarat.core.provider.guard;

import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.TransientProviderException;
import io.tijarat.spi.shipping.BookingOutcome;
import io.tijarat.spi.shipping.CityCoverage;
import io.tijarat.spi.shipping.RemittanceRecord;
import io.tijarat.spi.shipping.ShipmentRequest;
import io.tijarat.spi.shipping.ShipmentTracking;
import io.tijarat.spi.shipping.RateQuote;
import io.tijarat.spi.shipping.RateRequest;
import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.shipping.CancelOutcome;
import io.tijarat.spi.shipping.ShippingLabel;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * {@link io.tijarat.spi.shipping.ShippingProvider} as checkout calls it, with per-provider fault
 * tolerance (see {@link GuardedPayment}).
 */
public interface GuardedShipping {

    @Timeout(5_000)
    @Bulkhead(20)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = PermanentProviderException.class)
    @Retry(maxRetries = 0, delay = 500, jitter = 100, retryOn = TransientProviderException.class,
            abortOn = PermanentProviderException.class)
    CityCoverage coverage(String city);

    @Timeout(5_000)
    @Bulkhead(20)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = PermanentProviderException.class)
    @Retry(maxRetries = 0, delay = 500, jitter = 100, retryOn = TransientProviderException.class,
            abortOn = PermanentProviderException.class)
    List<RateQuote> quote(RateRequest request);

    @Timeout(20_000)
    @Bulkhead(5)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = PermanentProviderException.class)
    BookingOutcome book(ShipmentRequest request);

    @Timeout(10_000)
    @Bulkhead(5)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = PermanentProviderException.class)
    @Retry(maxRetries = 0, delay = 500, jitter = 100, retryOn = TransientProviderException.class,
            abortOn = PermanentProviderException.class)
    Optional<ShipmentTracking> track(String trackingNumber);

    @Timeout(30_000)
    @Bulkhead(2)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = PermanentProviderException.class)
    @Retry(maxRetries = 0, delay = 500, jitter = 100, retryOn = TransientProviderException.class,
            abortOn = PermanentProviderException.class)
    List<RemittanceRecord> remittances(List<String> trackingNumbers);

    @Timeout(30_000)
    @Bulkhead(2)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = PermanentProviderException.class)
    @Retry(maxRetries = 0, delay = 500, jitter = 100, retryOn = TransientProviderException.class,
            abortOn = PermanentProviderException.class)
    List<RemittanceRecord> remittances(LocalDate from, LocalDate to);

    @Timeout(20_000)
    @Bulkhead(5)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = PermanentProviderException.class)
    @Retry(maxRetries = 0, delay = 500, jitter = 100, retryOn = TransientProviderException.class,
            abortOn = PermanentProviderException.class)
    ShippingLabel label(String trackingNumber);

    @Timeout(20_000)
    @Bulkhead(5)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = PermanentProviderException.class)
    CancelOutcome cancel(IdempotencyKey key, String trackingNumber);

    @Timeout(10_000)
    @Bulkhead(5)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 30_000, successThreshold = 2,
            skipOn = PermanentProviderException.class)
    @Retry(maxRetries = 0, delay = 500, jitter = 100, retryOn = TransientProviderException.class,
            abortOn = PermanentProviderException.class)
    Optional<BookingOutcome.Booked> findBooking(ShipmentRequest request);

}
