package io.tijarat.core.provider;

import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentRequest;
import io.tijarat.spi.payment.RefundOutcome;
import io.tijarat.spi.payment.RefundRequest;
import java.util.List;
import java.util.Optional;

/** The active payment providers, each called through its own timeout, bulkhead and circuit breaker. */
public interface PaymentProviders {

    /** Descriptors of the providers a customer may choose now (active, enabled). */
    List<ProviderDescriptor> active();

    Optional<ProviderDescriptor> descriptor(String providerId);

    /**
     * Starts a payment. Provider failures never escape as arbitrary exceptions: a call that may have
     * reached the gateway (timeout, error after sending, plugin bug) ends as {@link PaymentOutcome.Unknown};
     * a call that certainly did not (connection refused, open breaker, full bulkhead, unknown provider)
     * throws {@link ProviderUnavailableException}.
     */
    PaymentOutcome start(String providerId, PaymentRequest request) throws ProviderUnavailableException;

    /**
     * Refunds through the provider, with the same rules: "maybe sent" ends as {@link RefundOutcome.Unknown},
     * "certainly not sent" throws {@link ProviderUnavailableException}.
     */
    RefundOutcome refund(String providerId, RefundRequest request) throws ProviderUnavailableException;
}
