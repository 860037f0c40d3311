package io.tijarat.core.provider.guard;

import io.tijarat.spi.PermanentProviderException;
import io.tijarat.spi.notification.MessageRequest;
import io.tijarat.spi.notification.SendOutcome;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/** {@link io.tijarat.spi.notification.NotificationProvider} as the outbox relay calls it (see {@link GuardedPayment}). */
public interface GuardedNotification {

    @Timeout(20_000)
    @Bulkhead(10)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 60_000, successThreshold = 2,
            skipOn = PermanentProviderException.class)
    SendOutcome send(MessageRequest request);

    @Timeout(10_000)
    @Bulkhead(5)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 60_000, successThreshold = 2,
            skipOn = PermanentProviderException.class)
    @org.eclipse.microprofile.faulttolerance.Retry(maxRetries = 0, delay = 500, jitter = 100,
            retryOn = io.tijarat.spi.TransientProviderException.class, abortOn = PermanentProviderException.class)
    java.util.Optional<io.tijarat.spi.notification.DeliveryReport> deliveryStatus(String gatewayMessageId);
}
