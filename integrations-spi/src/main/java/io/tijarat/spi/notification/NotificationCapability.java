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
    /** {@link NotificationProvider#deliveryStatus}: the gateway can say whether a message arrived. */
    DELIVERY_REPORTS;

    @Override
    public ProviderKind kind() {
        return ProviderKind.NOTIFICATION;
    }
}
