package io.tijarat.core.provider;

import io.tijarat.spi.ProviderDescriptor;
import io.tijarat.spi.CallbackRequest;
import io.tijarat.spi.payment.CallbackOutcome;
import io.tijarat.spi.payment.InquiryOutcome;
import io.tijarat.spi.payment.InquiryRequest;
import io.tijarat.spi.payment.PaymentOutcome;
import io.tijarat.spi.payment.PaymentRequest;
import io.tijarat.spi.payment.RefundOutcome;
import io.tijarat.spi.payment.RefundRequest;
import java.time.Duration;
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

    /**
     * Asks the provider what became of a refund, through its guard (the inquiry's limits); never call it inside
     * a transaction. "Maybe answered" (timeout, plugin bug) ends as {@link RefundOutcome.Unknown}; "certainly not
     * asked" throws {@link ProviderUnavailableException}.
     */
    RefundOutcome refundStatus(String providerId, RefundRequest request) throws ProviderUnavailableException;

    /** Asks the provider what became of an attempt; a call that fails ends as {@link InquiryOutcome.Unknown}. */
    InquiryOutcome inquire(String providerId, InquiryRequest request) throws ProviderUnavailableException;

    /**
     * Verifies and reads an inbound callback from its raw bytes. A plugin that fails to verify rejects the
     * callback: an unverifiable message must never change anything.
     */
    CallbackOutcome verifyCallback(String providerId, CallbackRequest request) throws ProviderUnavailableException;

    /** How long to wait before the first inquiry, and how long an attempt may stay unpaid. */
    record Timing(Duration firstInquiryAfter, Duration expiresAfter) {
    }

    Optional<Timing> timing(String providerId);
}
