package io.tijarat.spi.payment;

import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.Money;
import io.tijarat.spi.internal.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * Asks the gateway what became of an attempt. A read: it changes nothing, so the core repeats it as
 * often as it needs to (never sooner than {@link PaymentProvider#firstInquiryAfter()} after the
 * start).
 *
 * @param attemptId        the attempt, as sent in {@link PaymentRequest#attemptId()}: the gateway's
 *                         merchant reference
 * @param gatewayReference the gateway's id for the transaction, if the core has one
 * @param amount           the amount the attempt asked for
 * @param startedAt        when the attempt was started, for gateways that need the date
 */
public record InquiryRequest(IdempotencyKey attemptId, Optional<String> gatewayReference, Money amount,
                             Instant startedAt) {

    public InquiryRequest {
        Checks.notNull(attemptId, "attemptId");
        Checks.optional(gatewayReference, "gatewayReference");
        Checks.notNull(amount, "amount");
        Checks.notNull(startedAt, "startedAt");
    }
}
