package io.tijarat.spi.payment;

import io.tijarat.spi.IdempotencyKey;
import io.tijarat.spi.internal.Checks;
import java.util.Optional;

/**
 * Cancels an attempt that is not paid yet — an unpaid voucher, an open wallet prompt — so that it
 * can no longer be paid (for example when the order is cancelled or its stock is gone).
 *
 * @param key              this cancellation's idempotency key
 * @param attemptId        the attempt to cancel
 * @param gatewayReference the gateway's id for it, if known
 */
public record VoidRequest(IdempotencyKey key, IdempotencyKey attemptId, Optional<String> gatewayReference) {

    public VoidRequest {
        Checks.notNull(key, "key");
        Checks.notNull(attemptId, "attemptId");
        Checks.optional(gatewayReference, "gatewayReference");
    }
}
