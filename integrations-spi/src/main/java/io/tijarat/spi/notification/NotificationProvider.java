package io.tijarat.spi.notification;

import java.util.Optional;

/**
 * Sends messages through one gateway. Created by a {@link NotificationProviderFactory}.
 *
 * <h2>Threading</h2>
 * One instance serves all calls, concurrently: it must be thread-safe. A gateway session (Telenor's
 * {@code session_id}) may be cached and shared; renew it once when the gateway says it expired
 * (Telenor 102), never in a loop.
 *
 * <h2>Idempotency</h2>
 * {@link #send} carries the message's event id, which the plugin forwards wherever the gateway takes
 * one; see {@link MessageRequest}.
 *
 * <h2>Timeouts and failures</h2>
 * As for every provider: the descriptor's budget per call; no answer is a
 * {@link io.tijarat.spi.ProviderException}, an answer is an outcome (see {@link SendOutcome}). Optional
 * operations are called only when the matching {@link NotificationCapability} is declared; their
 * defaults throw {@link UnsupportedOperationException}.
 */
public interface NotificationProvider {

    /**
     * Hands one message to the gateway. Called only for a channel the provider declares, and for
     * Urdu SMS only with {@link NotificationCapability#UNICODE_SMS}. The plugin encodes the text as
     * the gateway needs (UCS-2 for non-GSM-7 text) and must not cut it short: the core has already
     * checked its length and cost.
     */
    SendOutcome send(MessageRequest request);

    /**
     * Whether an accepted message arrived; empty if the gateway does not know the id. A read. Requires
     * {@link NotificationCapability#DELIVERY_REPORTS}.
     */
    default Optional<DeliveryReport> deliveryStatus(String gatewayMessageId) {
        throw new UnsupportedOperationException("deliveryStatus needs NotificationCapability.DELIVERY_REPORTS");
    }

    /**
     * Verifies and reads a request the gateway sent to {@code POST /api/webhooks/{providerId}}: a customer's reply
     * or a pushed delivery report. Called only with {@link NotificationCapability#INBOUND_MESSAGES} or
     * {@link NotificationCapability#DELIVERY_WEBHOOKS}. Local work: no call to the gateway; never throws for a bad
     * request (that is {@link InboundOutcome.Rejected}). See {@link InboundOutcome} for what the core does with each
     * outcome. Since SPI 1.4.
     */
    default InboundOutcome verifyInbound(io.tijarat.spi.CallbackRequest request) {
        throw new UnsupportedOperationException(
                "verifyInbound needs NotificationCapability.INBOUND_MESSAGES or DELIVERY_WEBHOOKS");
    }
}
