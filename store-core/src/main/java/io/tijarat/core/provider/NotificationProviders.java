package io.tijarat.core.provider;

import io.tijarat.spi.notification.Channel;
import io.tijarat.spi.notification.MessageRequest;
import io.tijarat.spi.notification.SendOutcome;
import java.util.Optional;

/** The active notification providers, each called through its own fault-tolerance guard. */
public interface NotificationProviders {

    /**
     * The provider that carries {@code channel}: {@code tijarat.notifications.<channel>.provider} when set,
     * else the first active provider (by id) that declares the channel.
     */
    Optional<String> providerFor(Channel channel);

    /** Whether the active provider {@code providerId} declares {@code capability} (false when it is not active). */
    boolean supports(String providerId, io.tijarat.spi.notification.NotificationCapability capability);

    /**
     * Sends one message. "Maybe delivered" (timeout after sending, a plugin bug) ends as
     * {@link SendOutcome.Unknown}; "certainly not sent" throws {@link ProviderUnavailableException}.
     */
    SendOutcome send(String providerId, MessageRequest request) throws ProviderUnavailableException;

    /** Whether an accepted message arrived, as the gateway says; empty if it does not know the id. A read. */
    java.util.Optional<io.tijarat.spi.notification.DeliveryReport> deliveryStatus(String providerId, String gatewayMessageId)
            throws ProviderUnavailableException;

    /**
     * Whether {@code providerId} is an active notification provider that takes inbound requests
     * ({@code INBOUND_MESSAGES} or {@code DELIVERY_WEBHOOKS}, SPI 1.4).
     */
    boolean takesInbound(String providerId);

    /**
     * Has the plugin verify and read a request its gateway sent to the shop's webhook; a plugin failure is a
     * rejection. Throws {@link ProviderUnavailableException} when the provider is not active or takes no inbound
     * requests.
     */
    io.tijarat.spi.notification.InboundOutcome verifyInbound(String providerId, io.tijarat.spi.CallbackRequest request)
            throws ProviderUnavailableException;
}
