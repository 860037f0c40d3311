package io.tijarat.spi.notification;

import io.tijarat.spi.Capability;
import io.tijarat.spi.ProviderKind;

/**
 * What a {@link NotificationProvider} can do. A provider declares the channels it sends on; the core
 * sends only those.
 */
public enum NotificationCapability implements Capability {
    /** Sends on {@link Channel#SMS}. */
    SMS,
    /**
     * Sends SMS text outside the GSM-7 alphabet (Urdu) as UCS-2. Without it, the core sends such
     * messages through another provider, or in English.
     */
    UNICODE_SMS,
    /** Sends on {@link Channel#EMAIL}. */
    EMAIL,
    /** Sends on {@link Channel#WHATSAPP}: approved templates ({@link MessageRequest#template()}). Since SPI 1.4. */
    WHATSAPP,
    /** {@link NotificationProvider#deliveryStatus}: the gateway can say whether a message arrived. */
    DELIVERY_REPORTS,
    /**
     * The gateway forwards the messages customers send to the shop's number to
     * {@code POST /api/webhooks/{providerId}}, and {@link NotificationProvider#verifyInbound} reads them as
     * {@link InboundOutcome.Reply}. Needed for opt-out by reply and cash on delivery confirmation by reply. Since SPI
     * 1.4.
     */
    INBOUND_MESSAGES,
    /**
     * The gateway pushes delivery reports to {@code POST /api/webhooks/{providerId}}, read by
     * {@link NotificationProvider#verifyInbound} as {@link InboundOutcome.Delivery}. Since SPI 1.4.
     */
    DELIVERY_WEBHOOKS;

    @Override
    public ProviderKind kind() {
        return ProviderKind.NOTIFICATION;
    }
}
